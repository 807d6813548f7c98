package org.fupin.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The idempotency fingerprint does not depend on the order of keys. */
class CanonicalJsonTest {

    static final ObjectMapper CANONICAL = Idempotency.canonicalMapper(new ObjectMapper());

    record Request(String region, Map<String, String> incomeItems, List<Map<String, Object>> members) {
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void mapEntriesAndPropertiesInAnyOrderGiveTheSameFingerprint() {
        Map<String, String> wagesFirst = new LinkedHashMap<>();
        wagesFirst.put("WAGES", "100.00");
        wagesFirst.put("TRANSFER", "20.00");
        Map<String, String> transferFirst = new LinkedHashMap<>();
        transferFirst.put("TRANSFER", "20.00");
        transferFirst.put("WAGES", "100.00");
        Request a = new Request("5224", wagesFirst, List.of(ordered("name", "a", "sex", "MALE")));
        Request b = new Request("5224", transferFirst, List.of(ordered("sex", "MALE", "name", "a")));
        String canonical = Idempotency.canonicalJson(CANONICAL, a);
        assertEquals(canonical, Idempotency.canonicalJson(CANONICAL, b));
        assertEquals("{\"incomeItems\":{\"TRANSFER\":\"20.00\",\"WAGES\":\"100.00\"},\"members\":[{\"name\":\"a\",\"sex\":\"MALE\"}],"
                + "\"region\":\"5224\"}", canonical);
        assertEquals(Idempotency.sha256(canonical), Idempotency.sha256(Idempotency.canonicalJson(CANONICAL, b)));
    }

    @Test
    void jsonTextIsCanonicalisedAndOtherTextKeptAsItIs() {
        assertEquals(Idempotency.canonicalJson(CANONICAL, "{\"b\":1.50,\"a\":{\"y\":[2,1],\"x\":null}}"),
                Idempotency.canonicalJson(CANONICAL, "{ \"a\": {\"x\": null, \"y\": [2, 1]}, \"b\": 1.50 }"));
        assertNotEquals(Idempotency.canonicalJson(CANONICAL, "{\"a\":[1,2]}"), Idempotency.canonicalJson(CANONICAL, "{\"a\":[2,1]}"));
        assertEquals("5|2016", Idempotency.canonicalJson(CANONICAL, "5|2016"));
        assertEquals("HouseholdRequest[a=1]", Idempotency.canonicalJson(CANONICAL, "HouseholdRequest[a=1]"));
    }
}
