package org.fupin.contracts.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project events: one record and one schema per type, the two agreeing, and the snapshot every event carries. */
class ProjectEventContractsTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final String ID = UUID.randomUUID().toString();
    static final String H1 = UUID.randomUUID().toString();
    static final String H2 = UUID.randomUUID().toString();
    static final LocalDate DAY = LocalDate.of(2019, 6, 30);
    static final Map<String, String> BUDGET = budget("central-budget", "1200000.00", "county-budget", "300000.50");
    static final List<String> NONE = List.of();

    static Map<String, String> budget(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** One valid instance of every project event type. */
    static List<Object> samples() {
        return List.of(
                new ProjectRegisteredV1(ID, "2019-522428-001", "522428103000", "industry", 2019, "第一批", "NEW", "PLANNED",
                        DAY, BUDGET, "1500000.50", null, "0.00", List.of("beneficiaries"), Instant.now(), DAY),
                new ProjectRegisteredV1(ID, "P-1", "522428000000", null, 2014, null, "IMPORTED", "UNDER_CONSTRUCTION", DAY,
                        Map.of(), "0.00", "45.50", "0.00", List.of("category", "budget"), Instant.now(), DAY),
                new ProjectUpdatedV1(ID, "P-1", "522428103201", "village-infrastructure", 2019, "2", "PLANNED", DAY, BUDGET,
                        "1500000.50", null, "0.00", NONE, List.of("implementingUnit.name", "batch"), DAY),
                new ProjectAdjustedV1(ID, "P-1", "522428103201", "industry", 2019, null, "UNDER_CONSTRUCTION", DAY,
                        BUDGET, "1500000.50", "10.00", "100000.00", NONE, budget("central-budget", "1000000.00"), "1000000.00",
                        DAY.minusMonths(2), null, List.of("budget", "plannedEndDate"), "增加建设规模", "黔扶办〔2019〕12号", DAY),
                new ProjectStageChangedV1(ID, "P-1", "522428103201", "industry", 2019, null, "PRE_APPROVAL_DONE", DAY, BUDGET,
                        "1500000.50", null, "0.00", NONE, "PRE_APPROVAL", "PLANNED", "县发改〔2019〕3号", DAY),
                new ProjectStageChangedV1(ID, "P-1", "522428103201", "industry", 2019, null, "UNDER_CONSTRUCTION", DAY, BUDGET,
                        "1500000.50", null, "0.00", NONE, "CONSTRUCTION_START", "TENDERING", null, DAY),
                new ProjectProgressReportedV1(ID, "P-1", "522428103201", "industry", 2019, null, "UNDER_CONSTRUCTION", DAY,
                        BUDGET, "1500000.50", "100.00", "1500000.50", NONE, false, null, DAY),
                new ProjectProgressReportedV1(ID, "P-1", "522428103201", "industry", 2019, null, "UNDER_CONSTRUCTION", DAY,
                        BUDGET, "1500000.50", "0.00", "0.00", NONE, true, "上报有误", DAY),
                new ProjectBeneficiariesChangedV1(ID, "P-1", "522428103201", "industry", 2019, null, "PLANNED", DAY, BUDGET,
                        "1500000.50", null, "0.00", NONE, List.of(H1, H2), List.of(H2), NONE, DAY),
                new ProjectCancelledV1(ID, "P-1", "522428103201", "industry", 2019, null, "CANCELLED", DAY, BUDGET,
                        "1500000.50", "20.00", "1000.00", NONE, "UNDER_CONSTRUCTION", "选址变更", DAY));
    }

    static String type(Object event) {
        return EventCatalog.typeOf(event.getClass()).value();
    }

    static JsonNode schemaJson(String type) throws Exception {
        try (InputStream in = ProjectEventContractsTest.class.getResourceAsStream(EventCatalog.schemaResource(type))) {
            return JSON.readTree(in);
        }
    }

    static List<String> names(Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void everySchemaListsExactlyTheRecordsComponentsAllRequiredNoOthersAllowed() throws Exception {
        for (Class<?> c : EventCatalog.ALL) {
            String type = EventCatalog.typeOf(c).value();
            JsonNode schema = schemaJson(type);
            List<String> components = Arrays.stream(c.getRecordComponents()).map(r -> r.getName()).toList();
            assertEquals(components, names(schema.get("properties").fieldNames()), type + " properties");
            List<String> required = new ArrayList<>();
            schema.get("required").forEach(n -> required.add(n.asText()));
            assertEquals(components.stream().filter(n -> !optional(type).contains(n)).toList(), required, type + " required");
            assertFalse(schema.get("additionalProperties").asBoolean(true), type + " must not allow other properties");
            assertEquals(type, schema.get("title").asText());
        }
    }

    /**
     * Fields added to a type after events of it were published: optional in its schema (older events lack them and must
     * still validate), never required. The planned dates joined every project snapshot in issue 10 (adjusted had them);
     * the source document's date joined the rectification raise for the figures by year.
     */
    static Set<String> optional(String type) {
        if (type.equals("rectification.issue-raised.v1")) {
            return Set.of("sourceDate");
        }
        return type.startsWith("project.") && !type.equals("project.adjusted.v1")
                ? Set.of("plannedStartDate", "plannedEndDate") : Set.of();
    }

    @Test
    void thePlannedDatesTravelInEverySnapshotAndOlderEventsWithoutThemStillValidate() throws Exception {
        for (Object event : samples()) {
            String type = EventCatalog.typeOf(event.getClass()).value();
            ObjectNode n = (ObjectNode) JSON.valueToTree(event);
            assertTrue(n.has("plannedStartDate") && n.has("plannedEndDate"), type + " carries the planned dates");
            n.put("plannedStartDate", "2019-07-01").put("plannedEndDate", "2019-12-31");
            assertEquals(Set.of(), EventSchemas.validate(type, JSON.writeValueAsString(n)), type + " with planned dates");
            n.put("plannedEndDate", 20191231);
            assertFalse(EventSchemas.validate(type, JSON.writeValueAsString(n)).isEmpty(), type + ": a planned date is a string");
            if (!optional(type).isEmpty()) {
                n.remove("plannedStartDate");
                n.remove("plannedEndDate");
                assertEquals(Set.of(), EventSchemas.validate(type, JSON.writeValueAsString(n)), type + " published before issue 10");
            }
        }
        ProjectStageChangedV1 completed = new ProjectStageChangedV1(ID, "P-1", "522428103201", "industry", 2019, null,
                "COMPLETED", DAY, BUDGET, "1500000.50", "100.00", "1500000.50", NONE, "COMPLETION", "UNDER_CONSTRUCTION",
                null, LocalDate.of(2019, 3, 1), LocalDate.of(2019, 6, 1), DAY);
        assertEquals(LocalDate.of(2019, 6, 1), JSON.readValue(JSON.writeValueAsString(completed), ProjectStageChangedV1.class)
                .plannedEndDate());
    }

    @Test
    void everyProjectTypeIsInTheCatalogOnTheProjectTopic() {
        List<Class<?>> project = EventCatalog.ALL.stream().filter(c -> c.getPackageName().endsWith(".project")).toList();
        assertEquals(7, project.size());
        for (Class<?> c : project) {
            EventType t = EventCatalog.typeOf(c);
            assertEquals(Topics.PROJECT, t.topic(), c.getName());
            assertEquals("fupin.project.v1", t.topic());
            assertEquals("project", t.aggregate());
            assertTrue(t.value().startsWith("project.") && t.value().endsWith(".v1"), t.value());
            assertTrue(c.getSimpleName().endsWith("V1"));
        }
        Set<String> sampled = new java.util.HashSet<>();
        samples().forEach(e -> sampled.add(type(e)));
        assertEquals(project.size(), sampled.size(), "every project type has a sample here");
    }

    @Test
    void everySampleSerialisesToJsonThatMatchesItsSchema() throws Exception {
        for (Object e : samples()) {
            String json = JSON.writeValueAsString(e);
            assertEquals(Set.of(), EventSchemas.validate(type(e), json), json);
            JsonNode node = JSON.readTree(json);
            assertTrue(node.get("budgetTotal").isTextual(), "amounts travel as decimal strings");
            assertTrue(node.get("investmentCompleted").isTextual());
            assertEquals(DAY.toString(), node.get("effectiveDate").asText());
        }
    }

    @Test
    void theSchemasRefuseWhatMustNotTravel() throws Exception {
        Object sample = samples().get(0);
        String type = type(sample);
        assertInvalid(type, sample, n -> n.put("budgetTotal", 1500000.5), "an amount as a JSON number");
        assertInvalid(type, sample, n -> n.put("budgetTotal", "1500000.5"), "an amount without two decimals");
        assertInvalid(type, sample, n -> ((ObjectNode) n.get("budget")).put("central-budget", "1.005"), "three decimals");
        assertInvalid(type, sample, n -> ((ObjectNode) n.get("budget")).put("foreign-aid", "1.00"), "an unknown fund source");
        assertInvalid(type, sample, n -> n.put("physicalProgress", "100.01"), "progress above 100");
        assertInvalid(type, sample, n -> n.put("regionCode", "5224"), "a region prefix instead of a code");
        assertInvalid(type, sample, n -> n.put("stage", "DELETED"), "an unknown stage");
        assertInvalid(type, sample, n -> n.put("projectName", "张三家庭养殖补助"), "the name (may name a person)");
        assertInvalid(type, sample, n -> n.put("residentId", "522428199001011234"), "personal data");
        assertInvalid(type, sample, n -> n.remove("effectiveDate"), "no business date");
        assertInvalid(type, sample, n -> ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("missingFields")).add("name"),
                "a missing field that is not a required field");
    }

    interface Edit {
        void apply(ObjectNode node);
    }

    static void assertInvalid(String type, Object sample, Edit edit, String what) throws Exception {
        ObjectNode node = (ObjectNode) JSON.valueToTree(sample);
        edit.apply(node);
        assertFalse(EventSchemas.validate(type, JSON.writeValueAsString(node)).isEmpty(), what + " must be refused");
    }
}
