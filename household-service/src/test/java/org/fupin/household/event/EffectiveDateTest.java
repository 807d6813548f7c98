package org.fupin.household.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fupin.contracts.EventSchemas;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.fupin.household.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events carry the business date of the change, not only the processing time (issue 6, failure 9). */
@QuarkusTest
class EffectiveDateTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    static Map<String, Object> allConditions() {
        Map<String, Object> m = new HashMap<>();
        for (String c : List.of("FOOD", "CLOTHING", "COMPULSORY_EDUCATION", "BASIC_MEDICAL_INSURANCE", "SAFE_HOUSING")) {
            m.put(c, true);
        }
        return m;
    }

    @Test
    void aBackDatedExitSaysTheDateItTookEffect() throws Exception {
        String id = imported(household(VILLAGE, 2, "90000.00"));
        assertEquals(TODAY.toString(), event(id, "household.registered.v1").path("effectiveDate").asText());
        post(county("5224"), id, "exit", Map.of("exitYear", 2017, "conditions", allConditions(), "date", "2017-11-30"))
                .statusCode(200);
        assertEquals("2017-11-30", event(id, "household.exited.v1").path("effectiveDate").asText());
        post(county("5224"), id, "return", Map.of("year", 2018, "reason", "illness", "date", "2018-03-01")).statusCode(200);
        assertEquals("2018-03-01", event(id, "household.returned.v1").path("effectiveDate").asText());
        post(county("5224"), id, "removal", Map.of("reason", "错评", "date", "2019-01-15")).statusCode(200);
        assertEquals("2019-01-15", event(id, "household.removed.v1").path("effectiveDate").asText());
    }

    @Test
    void stepsAndTheCountyAnnouncementCarryTheStepDate() throws Exception {
        String id = applied(household(VILLAGE, 1, "90000.00"));
        assertEquals(TODAY.toString(), event(id, "household.workflow-step-taken.v1").path("effectiveDate").asText());
        register(id); // the announcement is dated 5 days ago
        assertEquals(TODAY.minusDays(5).toString(), event(id, "household.registered.v1").path("effectiveDate").asText());
    }

    /** The last event of the type for the household, checked against its schema. */
    JsonNode event(String id, String type) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload from outbox_event where aggregate_id = ? and event_type = ? order by seq desc limit 1")) {
            ps.setString(1, id);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String payload = rs.getString(1);
                assertEquals(Set.of(), EventSchemas.validate(type, payload), payload);
                return json.readTree(payload);
            }
        }
    }
}
