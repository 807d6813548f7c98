package org.fupin.contracts.rectification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rectification events: one record and one schema per type, the two agreeing, and the snapshot every event carries. */
class RectificationEventContractsTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final String ID = UUID.randomUUID().toString();
    static final String SOURCE = UUID.randomUUID().toString();
    static final String H1 = UUID.randomUUID().toString();
    static final String P1 = UUID.randomUUID().toString();
    static final LocalDate RAISED = LocalDate.of(2021, 3, 1);
    static final LocalDate DEADLINE = LocalDate.of(2021, 6, 30);
    static final LocalDate DAY = LocalDate.of(2021, 5, 10);
    static final String DOC = "X扶组〔2021〕2号";
    static final List<String> CO = List.of("县财政局", "county-agriculture-bureau");

    /** One valid instance of every rectification event type. */
    static List<Object> samples() {
        return List.of(
                new RectificationIssueRaisedV1(ID, SOURCE, "inspection", DOC, "identification-accuracy", "522428103201",
                        "县扶贫办", CO, "SHORT", RAISED, DEADLINE, DEADLINE, "OPEN", 0, null, List.of(H1), List.of(P1),
                        List.of(), List.of(), LocalDate.of(2021, 3, 1), Instant.now(), DAY),
                new RectificationIssueRaisedV1(ID, SOURCE, "system-check", "project-incomplete", "project-management",
                        "522428000000", "county-poverty-office", List.of(), "LONG_TERM", RAISED, DEADLINE, DEADLINE, "OPEN", 0,
                        "project-incomplete:" + P1, List.of(), List.of(P1), List.of(), List.of(DAY, DEADLINE), Instant.now(), DAY),
                new RectificationIssueAcceptedV1(ID, SOURCE, "audit", DOC, "fund-management", "522428103201", "县扶贫办", CO,
                        "SHORT", RAISED, DEADLINE, DEADLINE, "IN_PROGRESS", 1, null, "RETURNED", DAY),
                new RectificationProgressRecordedV1(ID, SOURCE, "audit", DOC, "fund-management", "522428103201", "县扶贫办",
                        CO, "LONG_TERM", RAISED, DEADLINE, DEADLINE, "IN_PROGRESS", 0, null, 3, 2, 1, 1, 2, DAY),
                new RectificationProgressRecordedV1(ID, SOURCE, "audit", DOC, "fund-management", "522428103201", "县扶贫办",
                        CO, "SHORT", RAISED, DEADLINE, DEADLINE, "IN_PROGRESS", 0, null, 1, 0, null, 0, 0, DAY),
                new RectificationIssueReportedV1(ID, SOURCE, "supervision", DOC, "work-style", "522428103201", "县扶贫办",
                        List.of(), "SHORT", RAISED, DEADLINE, DEADLINE, "REPORTED", 0, null, "IN_PROGRESS", 2, 3, false, DAY),
                new RectificationIssueReturnedV1(ID, SOURCE, "self-check", DOC, "exit-accuracy", "522428103201", "县扶贫办",
                        List.of(), "SHORT", RAISED, DEADLINE, DEADLINE, "RETURNED", 1, null, DAY),
                new RectificationIssueClosedV1(ID, SOURCE, "assessment", DOC, "policy-implementation", "522428103201",
                        "县扶贫办", List.of(), "SHORT", RAISED, DEADLINE, DEADLINE, "CLOSED", 0, null, true, DAY),
                new RectificationDeadlineExtendedV1(ID, SOURCE, "inspection", DOC, "project-management", "522428103201",
                        "县扶贫办", CO, "SHORT", RAISED, DEADLINE.plusMonths(3), DEADLINE, "IN_PROGRESS", 0, null, DEADLINE, 1,
                        DAY));
    }

    static String type(Object event) {
        return EventCatalog.typeOf(event.getClass()).value();
    }

    @Test
    void everyRectificationTypeIsInTheCatalogOnTheRectificationTopic() {
        List<Class<?>> types = EventCatalog.ALL.stream().filter(c -> c.getPackageName().endsWith(".rectification")).toList();
        assertEquals(7, types.size());
        Set<String> names = new HashSet<>();
        for (Class<?> c : types) {
            EventType t = EventCatalog.typeOf(c);
            assertEquals(Topics.RECTIFICATION, t.topic(), c.getName());
            assertEquals("fupin.rectification.v1", t.topic());
            assertEquals("rectification-issue", t.aggregate());
            assertTrue(t.value().startsWith("rectification.") && t.value().endsWith(".v1"), t.value());
            names.add(t.value());
        }
        assertEquals(Set.of("rectification.issue-raised.v1", "rectification.issue-accepted.v1",
                "rectification.progress-recorded.v1", "rectification.issue-reported.v1", "rectification.issue-returned.v1",
                "rectification.issue-closed.v1", "rectification.deadline-extended.v1"), names);
        Set<String> sampled = new HashSet<>();
        samples().forEach(e -> sampled.add(type(e)));
        assertEquals(names, sampled, "every rectification type has a sample here");
    }

    @Test
    void everySchemaListsExactlyTheRecordsComponentsAllRequiredNoOthersAllowed() throws Exception {
        for (Object sample : samples()) {
            Class<?> c = sample.getClass();
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream(EventCatalog.schemaResource(type(sample)))) {
                schema = JSON.readTree(in);
            }
            List<String> components = Arrays.stream(c.getRecordComponents()).map(r -> r.getName()).toList();
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertEquals(components, properties, c.getName());
            assertEquals(List.of("issueId", "sourceId", "sourceType", "sourceDocumentNumber", "category", "regionCode",
                    "leadUnit", "coUnits", "term", "raisedOn", "deadline", "originalDeadline", "state", "returnCount",
                    "findingKey"), components.subList(0, 15), "the common snapshot comes first, in one order");
            assertEquals("effectiveDate", components.get(components.size() - 1));
            assertFalse(schema.get("additionalProperties").asBoolean(true));
        }
    }

    @Test
    void everySampleSerialisesToJsonThatMatchesItsSchema() throws Exception {
        for (Object e : samples()) {
            String json = JSON.writeValueAsString(e);
            assertEquals(Set.of(), EventSchemas.validate(type(e), json), json);
            assertEquals(DAY.toString(), JSON.readTree(json).get("effectiveDate").asText());
        }
    }

    @Test
    void theSchemasRefuseWhatMustNotTravel() throws Exception {
        for (Object sample : samples()) {
            String type = type(sample);
            assertInvalid(type, sample, n -> n.put("description", "张三家未纳入建档立卡"), "the description (free text)");
            assertInvalid(type, sample, n -> n.put("reason", "材料不全"), "a reason (free text)");
            assertInvalid(type, sample, n -> n.put("residentId", "522428199001011234"), "personal data");
            assertInvalid(type, sample, n -> n.put("regionCode", "5224"), "a region prefix instead of a code");
            assertInvalid(type, sample, n -> n.put("state", "DELETED"), "an unknown state (nothing is deleted)");
            assertInvalid(type, sample, n -> n.put("sourceType", "rumour"), "an unknown source type");
            assertInvalid(type, sample, n -> n.put("term", "MEDIUM"), "an unknown term");
            assertInvalid(type, sample, n -> n.put("category", "Fund Management"), "a category that is not a code");
            assertInvalid(type, sample, n -> n.put("returnCount", -1), "a negative return count");
            assertInvalid(type, sample, n -> n.put("leadUnit", ""), "no lead unit");
            assertInvalid(type, sample, n -> ((ArrayNode) n.get("coUnits")).add("x").add("x"), "a co-unit twice");
            assertInvalid(type, sample, n -> n.put("findingKey", "no key"), "a malformed finding key");
            assertInvalid(type, sample, n -> n.remove("effectiveDate"), "no business date");
            assertInvalid(type, sample, n -> n.remove("deadline"), "no deadline");
        }
        Object raised = samples().get(0);
        assertInvalid(type(raised), raised, n -> ((ArrayNode) n.get("householdIds")).add("H-0001"), "a household by code, not id");
    }

    interface Edit {
        void apply(ObjectNode node);
    }

    static void assertInvalid(String type, Object sample, Edit edit, String what) throws Exception {
        ObjectNode node = (ObjectNode) JSON.valueToTree(sample);
        edit.apply(node);
        assertFalse(EventSchemas.validate(type, JSON.writeValueAsString(node)).isEmpty(), type + ": " + what + " must be refused");
    }
}
