package org.fupin.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A value that cannot be read is named by its field and described in the client's terms, not in Java's. */
class ReadableMessageTest {

    enum Kind { WAGES, TRANSFER }

    record Body(Kind kind, Map<Kind, Money> items, List<Integer> years, Boolean flag) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonProcessingException failure(String json) {
        return assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Body.class));
    }

    @Test
    void aWrongEnumValueNamesTheFieldAndTheAllowedValuesButNoClass() {
        JsonProcessingException e = failure("{\"kind\":\"SALARY\"}");
        assertEquals("kind", ProblemMappers.fieldPath((JsonMappingException) e, "body"));
        String message = ProblemMappers.readableMessage(e);
        assertEquals("must be one of [WAGES, TRANSFER]", message);
        assertFalse(message.contains("org.fupin") || message.contains("Kind") || message.contains("SALARY"));
    }

    @Test
    void aWrongMapKeyOrElementNamesTheKindOfValue() {
        assertEquals("must be one of [WAGES, TRANSFER]", ProblemMappers.readableMessage(failure("{\"items\":{\"SALARY\":\"1.00\"}}")));
        JsonProcessingException e = failure("{\"years\":[2020,\"soon\"]}");
        assertEquals("years[1]", ProblemMappers.fieldPath((JsonMappingException) e, "body"));
        assertEquals("must be a whole number", ProblemMappers.readableMessage(e));
        assertEquals("must be true or false", ProblemMappers.readableMessage(failure("{\"flag\":\"maybe\"}")));
    }

    @Test
    void anAmountTooLargeNamesItsField() {
        JsonProcessingException e = failure("{\"items\":{\"WAGES\":\"12345678901234.00\"}}");
        assertEquals("items.WAGES", ProblemMappers.fieldPath((JsonMappingException) e, "body"));
        assertTrue(ProblemMappers.readableMessage(e).contains("at most 12 digits before the decimal point"));
    }
}
