package org.fupin.household.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fupin.household.rest.MemberRequest;
import org.fupin.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error texts of an import name the field and the rule, never the value sent (issue 6, failure 5). */
class ImportErrorsTest {

    static final String ID = "11010519491231002X";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void refusalsLoseIdNumbersDatesQuotedValuesAndOtherHouseholds() {
        String birth = ImportErrors.scrub("does not agree with the resident ID number (1949-12-31)");
        assertEquals("does not agree with the resident ID number", birth);
        assertFalse(ImportErrors.scrub("Region 522428103201 is outside your region 53.").contains("522428103201"));
        assertFalse(ImportErrors.scrub("value " + ID + " and '王小明' and \"王小红\"").matches(".*(" + ID + "|王小明|王小红).*"));
        ApiProblem conflict = ApiProblem.conflict("This person already belongs to household 522428103201-0007.")
                .with("conflictingHouseholdCode", "522428103201-0007").withField("members[0].residentId");
        ApiProblem.FieldError e = ImportErrors.refusal("household.members[0].residentId", conflict.getMessage(), conflict);
        assertEquals(ImportErrors.OTHER_HOUSEHOLD, e.message());
        ApiProblem taken = ApiProblem.conflict("Household code 522428103201-0007 is already taken.").withField("householdCode");
        assertFalse(ImportErrors.refusal("household.householdCode", taken.getMessage(), taken).message().contains("522428103201"));
    }

    @Test
    void unreadableRowsNameTheFieldAndTheExpectedShapeOnly() {
        JsonProcessingException wrongEnum = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue("{\"name\": \"王小明\", \"sex\": \"王小明\"}", MemberRequest.class));
        ApiProblem.FieldError e = ImportErrors.unreadable(wrongEnum);
        assertEquals("sex", e.field());
        assertTrue(e.message().startsWith("must be one of ["), e.message());
        assertFalse(e.message().contains("王小明"), e.message());

        JsonProcessingException idAsDate = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue("{\"birthDate\": \"" + ID + "\"}", MemberRequest.class));
        assertEquals(new ApiProblem.FieldError("birthDate", "must be a date (yyyy-MM-dd)"), ImportErrors.unreadable(idAsDate));

        JsonProcessingException cutOff = assertThrows(JsonProcessingException.class,
                () -> JSON.readTree("{\"residentId\": \"" + ID + "\", \"name\": \"王小"));
        ApiProblem.FieldError c = ImportErrors.unreadable(cutOff);
        assertEquals("row", c.field());
        assertFalse(c.message().contains(ID) || c.message().contains("王小"), c.message());
    }
}
