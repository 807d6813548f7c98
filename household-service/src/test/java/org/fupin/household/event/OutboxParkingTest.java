package org.fupin.household.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.platform.outbox.OutboxConfig;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poisoned outbox row (larger than the producer's max.request.size: the real broker client refuses it every time)
 * is parked after max-attempts; the relay goes on with other aggregates, holds the later events of the same aggregate,
 * and publishes them in order after an admin fixed and re-queued it. Fails on the relay without parking: the poisoned
 * row blocks the head of the outbox and the other aggregate's event is never published.
 */
@QuarkusTest
class OutboxParkingTest {

    static final String TOPIC = "fupin.outbox-parking-test." + UUID.randomUUID().toString().substring(0, 8);
    static final String REGION = "522428103201";
    static final String OTHER_REGION = "532501000000";
    static final String OTHER_ADMIN = Tokens.bearer("other-operator", "53", Roles.OUTBOX_ADMIN);
    static final String ADMIN = Tokens.bearer("outbox-operator", "52", Roles.OUTBOX_ADMIN);
    static final String CLERK = Tokens.bearer("clerk", "52", Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER);
    static final String TOO_LARGE = "{\"filler\":\"" + "x".repeat(1_200_000) + "\"}"; // > max.request.size (1 MiB)

    @Inject
    AgroalDataSource db;
    @Inject
    OutboxConfig config;

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    @Test
    void aPoisonedRowIsParkedOthersFlowItsAggregateWaitsAndARequeuePublishesAllInOrder() throws Exception {
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        UUID x1 = UUID.randomUUID(), x2 = UUID.randomUUID(), y1 = UUID.randomUUID(), x3 = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            insert(c, x1, x, 1, TOO_LARGE);
            insert(c, x2, x, 2, "{}");
            insert(c, y1, y, 1, "{}");
            insert(c, x3, x, 3, "{}");
            c.commit();
        }

        // the other aggregate's event, behind the poisoned one in seq order, is published
        await().atMost(Duration.ofSeconds(60)).until(() -> published(y1));
        // the poisoned row is parked after max-attempts row-specific failures, with its error
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox_event where event_id = ? and parked_at is not null", x1) == 1);
        assertEquals(config.maxAttempts(), count("select attempts from outbox_event where event_id = ?", x1));
        // the later events of its aggregate wait behind it: neither marked nor sent
        assertFalse(published(x2));
        assertFalse(published(x3));
        List<ConsumerRecord<String, String>> before = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), TOPIC,
                rs -> rs.stream().anyMatch(r -> y.equals(r.key())), Duration.ofSeconds(20));
        assertTrue(before.stream().anyMatch(r -> y.equals(r.key())));
        assertTrue(before.stream().noneMatch(r -> x.equals(r.key())), "nothing of the parked aggregate was sent");

        // operators see it: a gauge, and the admin list (never the payload)
        Pattern gauge = Pattern.compile("(?m)^fupin_outbox_parked(\\{[^}]*})? [1-9]");
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge.matcher(given().get("/q/metrics").asString()).find());
        String listed = given().header("Authorization", ADMIN).get("/api/v1/admin/outbox/parked")
                .then().statusCode(200).extract().asString();
        assertFalse(listed.contains("filler") || listed.contains("payload"), "no payload in the list");
        JsonPath list = JsonPath.from(listed);
        Map<String, Object> entry = list.getMap("find { it.id == '" + x1 + "' }");
        assertNotNull(entry, listed);
        assertEquals(x, entry.get("aggregateId"));
        assertEquals("test", entry.get("aggregateType"));
        assertEquals("test.event.v1", entry.get("eventType"));
        assertEquals(config.maxAttempts(), entry.get("attempts"));
        assertTrue(entry.get("error").toString().contains("RecordTooLargeException"), entry.toString());
        assertNotNull(entry.get("parkedAt"));
        assertEquals(2, entry.get("heldBehind"));

        // only outbox admins; problem+json otherwise
        given().header("Authorization", CLERK).get("/api/v1/admin/outbox/parked").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/admin/outbox/parked").then().statusCode(401);
        given().header("Authorization", ADMIN).post("/api/v1/admin/outbox/parked/" + UUID.randomUUID() + "/requeue")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ADMIN).post("/api/v1/admin/outbox/parked/not-an-id/requeue")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().header("Authorization", ADMIN).get("/api/v1/admin/outbox/parked?limit=100000")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        // outside the operator's region the parked row does not exist
        given().header("Authorization", OTHER_ADMIN)
                .post("/api/v1/admin/outbox/parked/" + x1 + "/requeue").then().statusCode(404);
        given().header("Authorization", OTHER_ADMIN)
                .get("/api/v1/admin/outbox/parked").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(x1.toString())));

        // the cause is fixed (here: the oversized payload), then an admin re-queues the row
        exec("update outbox_event set payload = '{\"fixed\":true}' where event_id = ?", x1);
        given().header("Authorization", ADMIN).post("/api/v1/admin/outbox/parked/" + x1 + "/requeue").then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> published(x1) && published(x2) && published(x3));
        List<ConsumerRecord<String, String>> after = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), TOPIC,
                rs -> rs.stream().filter(r -> x.equals(r.key())).count() >= 3, Duration.ofSeconds(20));
        List<ConsumerRecord<String, String>> ofX = after.stream().filter(r -> x.equals(r.key())).toList();
        assertEquals(List.of(x1.toString(), x2.toString(), x3.toString()),
                ofX.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).toList(), "in order, once each");
        assertEquals(1, count("select count(*) from audit_log where action = 'OUTBOX_REQUEUE' and entity_id = ? and actor = 'outbox-operator'", x1.toString()));
        assertNull(string("select parked_at::text from outbox_event where event_id = ?", x1));
    }

    @Test
    void requeueAllRequeuesEveryParkedRowInTheRegion() throws Exception {
        UUID p = UUID.randomUUID();
        parkOnInsert = true; // as if it had failed max-attempts times
        region = OTHER_REGION; // apart from the other test's rows
        String aggregate = UUID.randomUUID().toString();
        try (Connection c = db.getConnection()) {
            insert(c, p, aggregate, 1, "{}");
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !published(p)); // parked: skipped
        int requeued = given().header("Authorization", OTHER_ADMIN).post("/api/v1/admin/outbox/parked/requeue-all")
                .then().statusCode(200).extract().path("requeued");
        assertEquals(1, requeued);
        await().atMost(Duration.ofSeconds(30)).until(() -> published(p));
        assertEquals(1, count("select count(*) from audit_log where action = 'OUTBOX_REQUEUE' and entity_id = ?", p.toString()));
    }

    /** No test leaves a parked row behind, even when it fails. */
    @AfterEach
    void removeTestRows() throws Exception {
        exec("delete from outbox_event where topic = ?", TOPIC);
    }

    boolean parkOnInsert;
    String region = REGION;

    void insert(Connection c, UUID eventId, String aggregateId, long version, String payload) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, aggregate_type, aggregate_id, aggregate_version,"
                + " event_type, topic, region_code, payload, occurred_at, parked_at, attempts, last_error)"
                + " values (?, 'test', ?, ?, 'test.event.v1', ?, ?, ?, now(), " + (parkOnInsert ? "now(), 5, 'InvalidTopicException'" : "null, 0, null") + ")")) {
            ps.setObject(1, eventId);
            ps.setString(2, aggregateId);
            ps.setLong(3, version);
            ps.setString(4, TOPIC);
            ps.setString(5, region);
            ps.setString(6, payload);
            ps.executeUpdate();
        }
    }

    boolean published(UUID eventId) throws Exception {
        return count("select count(*) from outbox_event where event_id = ? and published_at is not null", eventId) == 1;
    }

    void exec(String sql, Object param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            ps.executeUpdate();
        }
    }

    long count(String sql, Object param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String string(String sql, Object param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
