package org.fupin.reporting.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.infra.PostgresServer;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox under faults, against the real PostgreSQL server and Kafka broker: a database outage delays events but
 * loses none (issue 6, failure 1), and a record that can never succeed still goes to the dead-letter topic at once.
 */
@QuarkusTest
class InboxFaultTest {

    static final String DATABASE = "reporting";
    static final String DLQ = "fupin.household.v1.reporting.dlq";

    @Inject
    MeterRegistry metrics;

    /**
     * The reported bug: the reporting database refuses connections (its backends terminated) while households are
     * registered. Every event must be counted once the database is back, none may be dead-lettered, and the
     * consumer's readiness must be DOWN while it waits.
     */
    @Test
    void aDatabaseOutageDelaysEventsButLosesNone() throws SQLException {
        String county = "630101";   // a region used by this test only
        int n = 10;
        List<TestHousehold> households = IntStream.range(0, n)
                .mapToObj(i -> new TestHousehold(county + "001" + String.format("%03d", i + 1))).toList();
        Set<String> keys = households.stream().map(h -> h.id).collect(Collectors.toSet());
        boolean inboxWasDown;
        try (Connection admin = DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("postgres"),
                PostgresServer.SUPERUSER, "")) {
            refuseConnections(admin);
            try {
                households.forEach(h -> h.register(2020, 2));
                // the consumer has reached our events: either it waits (fixed) or it has dead-lettered them (the bug)
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> inboxDown() || !deadLettered(keys).isEmpty());
                inboxWasDown = inboxDown();
            } finally {
                allowConnections(admin);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertEquals(n, Reports.figures("63", county, null).getLong("registeredHouseholds"),
                        "households counted after the outage"));
        assertEquals(List.of(), deadLettered(keys).stream().map(ConsumerRecord::key).toList(), "dead-lettered");
        assertTrue(inboxWasDown, "readiness reported the inbox DOWN while the database refused connections");
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(inboxStatus()));
    }

    /** Records that can never succeed, between good ones of the same household: dead-lettered at once, the rest applied. */
    @Test
    void poisonRecordsAreDeadLetteredAtOnceAndTheRestIsApplied() {
        String county = "630102";   // a region used by this test only
        TestHousehold h = new TestHousehold(county + "001001");
        double retriesBefore = retries();
        h.register(2020, 3);
        UUID unparseable = UUID.randomUUID();
        UUID unknownType = UUID.randomUUID();
        UUID schemaInvalid = UUID.randomUUID();
        // the same key, so the same partition, in this order
        TestHousehold.publishUnchecked(unparseable, "household.updated.v1", h.id, 2, h.region, "{\"householdId\": ");
        TestHousehold.publishUnchecked(unknownType, "household.teleported.v1", h.id, 2, h.region, "{\"householdId\": \"" + h.id + "\"}");
        TestHousehold.publishUnchecked(schemaInvalid, "household.registered.v1", h.id, 2, h.region,
                TestHousehold.json(new HouseholdRegisteredV1(h.id, "C-1", h.region, -4, 2020, "ORDINARY", List.of(),
                        Instant.parse("2026-11-23T08:00:00Z"), java.time.LocalDate.parse("2026-11-23"))));
        h.update(5);
        TestHousehold other = new TestHousehold(county + "001002").register(2021, 2);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath f = Reports.figures("63", county, null);
            assertEquals(2, f.getLong("registeredHouseholds"));
            assertEquals(7, f.getLong("registeredPersons"));
        });
        Set<String> poison = Set.of(unparseable.toString(), unknownType.toString(), schemaInvalid.toString());
        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), DLQ,
                rs -> rs.stream().filter(r -> poison.contains(KafkaProbe.header(r, "ce_id"))).count() == 3, Duration.ofSeconds(20));
        Set<String> deadIds = dead.stream().map(r -> KafkaProbe.header(r, "ce_id")).filter(poison::contains).collect(Collectors.toSet());
        assertEquals(poison, deadIds);
        assertTrue(dead.stream().filter(r -> poison.contains(KafkaProbe.header(r, "ce_id")))
                .allMatch(r -> KafkaProbe.header(r, "dead-letter-reason").contains("poison")), "reason names the classification");
        assertTrue(deadLettered(Set.of(h.id, other.id)).stream().noneMatch(r -> !poison.contains(KafkaProbe.header(r, "ce_id"))),
                "only the poison records were dead-lettered");
        assertEquals(retriesBefore, retries(), "a poison record is not retried");
    }

    private double retries() {
        return metrics.find("fupin.inbox.events").counters().stream()
                .filter(c -> !Set.of("applied", "duplicate", "dead-lettered").contains(c.getId().getTag("outcome")))
                .mapToDouble(Counter::count).sum();
    }

    static void refuseConnections(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("alter database " + DATABASE + " allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "'");
        }
    }

    static void allowConnections(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("alter database " + DATABASE + " allow_connections true");
        }
    }

    /** Status of the inbox's readiness check, null when there is none. */
    static String inboxStatus() {
        return given().get("/q/health/ready").then().extract().jsonPath().getString("checks.find { it.name == 'inbox' }.status");
    }

    static boolean inboxDown() {
        return "DOWN".equals(inboxStatus());
    }

    /** Every record on the dead-letter topic (read to its end) whose key is one of the given household ids. */
    static List<ConsumerRecord<String, String>> deadLettered(Set<String> keys) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }
}
