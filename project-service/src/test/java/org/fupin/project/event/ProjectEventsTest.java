package org.fupin.project.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.project.ReplicaRows;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.fupin.project.ProjectFixtures.version;
import static org.fupin.project.ProjectFixtures.PATH;
import static org.fupin.project.ProjectFixtures.VILLAGE;
import static org.fupin.project.ProjectFixtures.approver;
import static org.fupin.project.ProjectFixtures.as;
import static org.fupin.project.ProjectFixtures.clerk;
import static org.fupin.project.ProjectFixtures.entered;
import static org.fupin.project.ProjectFixtures.post;
import static org.fupin.project.ProjectFixtures.progress;
import static org.fupin.project.ProjectFixtures.project;
import static org.fupin.project.ProjectFixtures.today;
import static org.fupin.project.ProjectFixtures.underConstruction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every project event type, as the relay published it to the real Kafka broker, checked against its JSON Schema. */
@QuarkusTest
class ProjectEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @Test
    void everyChangeIsOneEventOfItsTypeKeyedByTheProjectWithItsVersionAndBusinessDate() throws Exception {
        String household = ReplicaRows.code();
        UUID h = ReplicaRows.household(db, household, VILLAGE, "REGISTERED", 4);
        Map<String, Object> body = project(VILLAGE);
        body.put("category", "industry");
        String id = entered(body);                                                                  // 1 registered
        body.put("batch", "第二批");
        as(clerk("5224")).header("If-Match", "\"" + version(id) + "\"").body(body).put(PATH + "/" + id).then().statusCode(200);                  // 2 updated
        underConstruction(id);                                                                      // 3-5 stage-changed
        progress(id, today().minusDays(2), "45.00", "100000.00").statusCode(200);                  // 6 progress-reported
        post(approver("5224"), id, "adjustments", Map.of("budget", Map.of("central-budget", "900000.00"),
                "reason", "追加", "approvalDocument", "调〔2026〕3号", "date", today().minusDays(1).toString()))
                .statusCode(200);                                                                   // 7 adjusted
        as(clerk("5224")).header("If-Match", "\"" + version(id) + "\"").body(Map.of("householdCodes", List.of(household))).put(PATH + "/" + id + "/beneficiaries")
                .then().statusCode(200);                                                            // 8 beneficiaries-changed
        post(approver("5224"), id, "cancellation", Map.of("reason", "资金未到位")).statusCode(200); // 9 cancelled

        List<ConsumerRecord<String, String>> all = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.PROJECT, rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 9, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> mine = all.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of("project.registered.v1", "project.updated.v1", "project.stage-changed.v1",
                        "project.stage-changed.v1", "project.stage-changed.v1", "project.progress-reported.v1",
                        "project.adjusted.v1", "project.beneficiaries-changed.v1", "project.cancelled.v1"),
                mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"),
                mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.AGGREGATE_VERSION)).toList());
        Set<String> typesSeen = new java.util.HashSet<>();
        for (ConsumerRecord<String, String> r : all) {
            String type = KafkaProbe.header(r, CloudEventHeaders.TYPE);
            typesSeen.add(type);
            assertEquals(Set.of(), EventSchemas.validate(type, r.value()), type + " " + r.value());
            assertEquals(r.key(), KafkaProbe.header(r, CloudEventHeaders.SUBJECT), "key = subject = project id");
            assertEquals("project", KafkaProbe.header(r, CloudEventHeaders.AGGREGATE_TYPE));
        }
        List<String> projectTypes = new ArrayList<>();
        EventCatalog.ALL.stream().map(c -> EventCatalog.typeOf(c)).filter(t -> t.topic().equals(Topics.PROJECT))
                .forEach(t -> projectTypes.add(t.value()));
        assertTrue(typesSeen.containsAll(projectTypes), "every project event type was published: " + projectTypes);
        assertEquals(1, mine.stream().map(ConsumerRecord::partition).distinct().count(), "one project, one partition");

        JsonNode registered = JSON.readTree(mine.get(0).value());
        assertEquals(body.get("date"), registered.get("effectiveDate").asText());
        assertEquals("NEW", registered.get("entry").asText());
        assertEquals("750000.50", registered.get("budgetTotal").asText());
        assertEquals(List.of("beneficiaries"), List.of(registered.get("missingFields").get(0).asText()));
        JsonNode step = JSON.readTree(mine.get(4).value());
        assertEquals("UNDER_CONSTRUCTION", step.get("stage").asText());
        assertEquals(today().minusDays(10).toString(), step.get("effectiveDate").asText());
        JsonNode progress = JSON.readTree(mine.get(5).value());
        assertEquals("45.00", progress.get("physicalProgress").asText());
        assertEquals("100000.00", progress.get("investmentCompleted").asText());
        JsonNode adjusted = JSON.readTree(mine.get(6).value());
        assertEquals("900000.00", adjusted.get("budgetTotal").asText());
        assertEquals(today().minusDays(1).toString(), adjusted.get("effectiveDate").asText());
        JsonNode linked = JSON.readTree(mine.get(7).value());
        assertEquals(h.toString(), linked.get("householdIds").get(0).asText());
        assertEquals(0, linked.get("missingFields").size());
        JsonNode cancelled = JSON.readTree(mine.get(8).value());
        assertEquals("CANCELLED", cancelled.get("stage").asText());
        assertEquals("第二批", cancelled.get("batch").asText());
        // every snapshot carries the planned dates (rectification's project-overdue rule reads them from any event)
        for (ConsumerRecord<String, String> r : mine) {
            JsonNode e = JSON.readTree(r.value());
            assertEquals(body.get("plannedStartDate"), e.get("plannedStartDate").asText(), r.value());
            assertEquals(body.get("plannedEndDate"), e.get("plannedEndDate").asText(), r.value());
        }

        // the audit trail has who and when for each of the nine changes
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*), count(distinct actor) from audit_log where entity_type = 'project' and entity_id = '" + id + "'")) {
            rs.next();
            assertEquals(9, rs.getInt(1));
            assertEquals(2, rs.getInt(2), "the clerk and the approver");
        }
    }
}
