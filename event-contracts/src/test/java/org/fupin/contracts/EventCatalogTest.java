package org.fupin.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fupin.contracts.household.HouseholdMeasureAddedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCatalogTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEventTypeHasASchemaTitledWithItsType() {
        for (Class<?> c : EventCatalog.ALL) {
            String type = EventCatalog.typeOf(c).value();
            assertTrue(type.matches("[a-z]+\\.[a-z-]+\\.v[0-9]+"), type);
            assertNotNull(EventSchemas.schema(type), type);
            assertEquals(c, EventCatalog.classOf(type).orElseThrow());
        }
    }

    @Test
    void aRecordSerialisesToJsonThatMatchesItsSchema() throws Exception {
        var event = new HouseholdRegisteredV1(UUID.randomUUID().toString(), "H-1", "522428103201", 4, 2016, "ORDINARY",
                java.util.List.of("0123456789abcdef0123456789abcdef"), Instant.now(), java.time.LocalDate.of(2017, 11, 30));
        assertTrue(json.writeValueAsString(event).contains("\"effectiveDate\":\"2017-11-30\""));
        assertEquals(java.util.Set.of(), EventSchemas.validate("household.registered.v1", json.writeValueAsString(event)));
    }

    @Test
    void schemaRejectsPersonalDataAndBadRegions() {
        String withIdNumber = "{\"householdId\":\"" + UUID.randomUUID() + "\",\"householdCode\":\"H\",\"regionCode\":\"522428103201\","
                + "\"memberCount\":3,\"identificationYear\":2016,\"householdType\":\"ORDINARY\",\"personIds\":[],\"registeredAt\":\"2026-01-01T00:00:00Z\",\"residentId\":\"522428199001011234\"}";
        assertFalse(EventSchemas.validate("household.registered.v1", withIdNumber).isEmpty());
        String badRegion = "{\"householdId\":\"" + UUID.randomUUID() + "\",\"householdCode\":\"H\",\"regionCode\":\"5224\","
                + "\"memberCount\":3,\"identificationYear\":2016,\"householdType\":\"ORDINARY\",\"personIds\":[],\"registeredAt\":\"2026-01-01T00:00:00Z\"}";
        assertFalse(EventSchemas.validate("household.registered.v1", badRegion).isEmpty());
    }

    @Test
    void everyHouseholdEventCarriesItsBusinessDate() {
        for (Class<?> c : EventCatalog.ALL) {
            assertTrue(java.util.Arrays.stream(c.getRecordComponents())
                    .anyMatch(r -> r.getName().equals("effectiveDate") && r.getType() == java.time.LocalDate.class), c.getName());
        }
        String withoutDate = "{\"householdId\":\"" + UUID.randomUUID() + "\",\"regionCode\":\"522428103201\",\"memberCount\":3,"
                + "\"exitYear\":2017,\"exitedAt\":\"2026-01-01T00:00:00Z\"}";
        assertFalse(EventSchemas.validate("household.exited.v1", withoutDate).isEmpty(), "effectiveDate is required");
        assertEquals(java.util.Set.of(), EventSchemas.validate("household.exited.v1",
                withoutDate.replace("}", ",\"effectiveDate\":\"2017-11-30\"}")));
    }

    @Test
    void anAssistanceMeasureTravelsWithItsDateAndNoText() throws Exception {
        var event = new HouseholdMeasureAddedV1(UUID.randomUUID().toString(), "522428103201", UUID.randomUUID().toString(),
                java.time.LocalDate.of(2020, 5, 6), Instant.now(), java.time.LocalDate.of(2020, 5, 6));
        String payload = json.writeValueAsString(event);
        assertEquals(java.util.Set.of(), EventSchemas.validate("household.measure-added.v1", payload));
        assertEquals(Topics.HOUSEHOLD, EventCatalog.typeOf(HouseholdMeasureAddedV1.class).topic());
        assertFalse(EventSchemas.validate("household.measure-added.v1",
                payload.replace("}", ",\"description\":\"养殖补助\"}")).isEmpty(), "no free text travels");
        assertFalse(EventSchemas.validate("household.measure-added.v1",
                payload.replace("\"measureDate\":\"2020-05-06\",", "")).isEmpty(), "the measure date is required");
    }
}
