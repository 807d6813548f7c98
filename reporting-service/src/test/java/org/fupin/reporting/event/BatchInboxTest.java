package org.fupin.reporting.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.platform.inbox.BatchInbox;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batched consumption (platform BatchInbox) against the real Kafka broker and PostgreSQL server: a poison record inside a
 * batch is dead-lettered alone while the rest of the batch is applied; duplicates inside a batch and across batches
 * are applied once.
 */
@QuarkusTest
class BatchInboxTest {

    static final String DLQ = "fupin.household.v1.reporting.dlq";

    @Inject
    BatchInbox inbox;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry metrics;

    /** An event to publish or to hand to the inbox: CloudEvents headers and a payload. */
    record Event(UUID id, String type, String payload) {
        static Event registered(String county, int village, int members) {
            String household = UUID.randomUUID().toString();
            return new Event(UUID.randomUUID(), "household.registered.v1",
                    HouseholdProjectionTest.registered(household, county + "001" + String.format("%03d", village), members));
        }

        RecordHeaders headers(String subject) {
            RecordHeaders h = new RecordHeaders();
            put(h, CloudEventHeaders.SPEC_VERSION, "1.0");
            put(h, CloudEventHeaders.ID, id.toString());
            put(h, CloudEventHeaders.SOURCE, "/fupin/test");
            put(h, CloudEventHeaders.TYPE, type);
            put(h, CloudEventHeaders.SUBJECT, subject);
            put(h, CloudEventHeaders.TIME, Instant.now().toString());
            put(h, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            put(h, CloudEventHeaders.AGGREGATE_VERSION, "1");
            return h;
        }

        private static void put(RecordHeaders h, String k, String v) {
            h.add(k, v.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Publishes the events in one burst under one key: one partition, and one producer batch (linger), which the
     * broker stores and hands out as one record batch, so the consumer's poll returns them together.
     *
     * @return the offset of each event, in order
     */
    static List<Long> burst(String key, List<Event> events) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 200,
                ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20), new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Event e : events) {
                sent.add(p.send(new ProducerRecord<>(Topics.HOUSEHOLD, null, key, e.payload(), e.headers(key))));
            }
            p.flush();
            List<Long> offsets = new ArrayList<>();
            for (Future<RecordMetadata> f : sent) {
                offsets.add(f.get().offset());
            }
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPoisonRecordInABatchIsDeadLetteredAloneWhileTheRestIsApplied() {
        String county = "630201";   // a region used by this test only
        String key = UUID.randomUUID().toString();
        Event schemaInvalid = new Event(UUID.randomUUID(), "household.registered.v1",
                TestHousehold.json(new HouseholdRegisteredV1(UUID.randomUUID().toString(), "C-1", county + "001009", -4, 2020,
                        "ORDINARY", List.of(), Instant.parse("2026-11-23T08:00:00Z"), TestHousehold.ON)));
        assertFalse(EventSchemas.validate(schemaInvalid.type(), schemaInvalid.payload()).isEmpty());
        Event unparseable = new Event(UUID.randomUUID(), "household.updated.v1", "{\"householdId\": ");
        List<Event> burst = List.of(Event.registered(county, 1, 2), Event.registered(county, 2, 3), schemaInvalid,
                Event.registered(county, 3, 1), unparseable, Event.registered(county, 4, 4), Event.registered(county, 5, 5));
        List<Long> offsets = burst(key, burst);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            var f = Reports.figures("63", county, null);
            assertEquals(5, f.getLong("registeredHouseholds"), "every good event of the batch is applied");
            assertEquals(15, f.getLong("registeredPersons"));
        });
        Map<String, Long> poison = Map.of(schemaInvalid.id().toString(), offsets.get(2), unparseable.id().toString(), offsets.get(4));
        KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), DLQ,
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> dead = InboxFaultTest.deadLettered(Set.of(key));
        assertEquals(poison.keySet(), dead.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).collect(Collectors.toSet()),
                "exactly the poison records are dead-lettered, nothing else of their batch");
        assertEquals(2, dead.size(), "each poison record once");
        for (ConsumerRecord<String, String> r : dead) {
            String id = KafkaProbe.header(r, CloudEventHeaders.ID);
            assertTrue(KafkaProbe.header(r, "dead-letter-reason").contains("poison"), "the reason names the classification");
            assertEquals(Topics.HOUSEHOLD, KafkaProbe.header(r, "dead-letter-topic"));
            assertNotNull(KafkaProbe.header(r, "dead-letter-partition"));
            assertEquals(Long.toString(poison.get(id)), KafkaProbe.header(r, "dead-letter-offset"), "the offset of the original record");
            assertEquals(burst.stream().filter(e -> e.id().toString().equals(id)).findFirst().orElseThrow().payload(), r.value());
            assertNotNull(KafkaProbe.header(r, CloudEventHeaders.TYPE), "the original ce_* headers are kept");
        }
    }

    @Test
    void duplicatesInsideABatchAndAcrossBatchesAreAppliedOnceEndToEnd() {
        String county = "630202";   // a region used by this test only
        String key = UUID.randomUUID().toString();
        Event a = Event.registered(county, 1, 2);
        Event b = Event.registered(county, 2, 3);
        Event c = Event.registered(county, 3, 4);
        double duplicatesBefore = count("duplicate");
        burst(key, List.of(a, a, b, a));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertEquals(2, Reports.figures("63", county, null).getLong("registeredHouseholds")));
        burst(key, List.of(b, a, c)); // a replay of both, and one new event
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            var f = Reports.figures("63", county, null);
            assertEquals(3, f.getLong("registeredHouseholds"));
            assertEquals(9, f.getLong("registeredPersons"));
        });
        assertTrue(count("duplicate") - duplicatesBefore >= 4, "the repeated events were recognised as duplicates");
        assertEquals(Set.of(a.id(), b.id(), c.id()), inboxed(List.of(a.id(), b.id(), c.id())));
        assertEquals(List.of(), InboxFaultTest.deadLettered(Set.of(key)));
    }

    /** The inbox called directly: the effect gets each new event once, in record order, in one call per batch. */
    @Test
    void theEffectGetsEachNewEventOnceInRecordOrder() {
        String county = "630203";
        String key = UUID.randomUUID().toString();
        Event e1 = Event.registered(county, 1, 1);
        Event e2 = Event.registered(county, 2, 1);
        Event e3 = Event.registered(county, 3, 1);
        Event e4 = Event.registered(county, 4, 1);
        List<List<UUID>> calls = new ArrayList<>();
        assertEquals(3, inbox.consume(HouseholdEventsConsumer.CHANNEL, records(key, 1_000_000, e1, e1, e2, e3, e2), batch -> calls.add(ids(batch))));
        assertEquals(List.of(List.of(e1.id(), e2.id(), e3.id())), calls);
        assertEquals(1, inbox.consume(HouseholdEventsConsumer.CHANNEL, records(key, 1_000_010, e2, e4, e1), batch -> calls.add(ids(batch))));
        assertEquals(List.of(e4.id()), calls.get(1));
        assertEquals(0, inbox.consume(HouseholdEventsConsumer.CHANNEL, records(key, 1_000_020, e3, e1), batch -> calls.add(ids(batch))));
        assertEquals(2, calls.size(), "no call without new events");
        assertEquals(Set.of(e1.id(), e2.id(), e3.id(), e4.id()), inboxed(List.of(e1.id(), e2.id(), e3.id(), e4.id())));
    }

    /**
     * Records the projection refuses (poison) or fails on unexpectedly (a bug), inside a batch: the batch is split until
     * each is alone; it goes to the dead-letter topic alone, not recorded in the inbox; every other event is applied,
     * in record order. A transient failure first retries the whole batch.
     */
    @Test
    void aRecordTheEffectRefusesIsIsolatedByBisectingAndDeadLetteredAlone() {
        String county = "630204";
        String key = UUID.randomUUID().toString();
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            events.add(Event.registered(county, i, 1));
        }
        UUID refused = events.get(4).id();
        UUID buggy = events.get(7).id();
        int[] outage = {2};
        List<UUID> applied = new ArrayList<>();
        int[] calls = {0};
        long base = 2_000_000;
        int n = inbox.consume(HouseholdEventsConsumer.CHANNEL, records(key, base, events.toArray(Event[]::new)), batch -> {
            calls[0]++;
            if (outage[0]-- > 0) {
                throw new IllegalStateException("wrapped", new SQLException("the database refuses connections", "08001"));
            }
            List<UUID> ids = ids(batch);
            if (ids.contains(refused)) {
                throw new PoisonEventException("household id is not a UUID");
            }
            if (ids.contains(buggy)) {
                throw new IllegalStateException("a bug in the projection");
            }
            applied.addAll(ids);
        });
        List<UUID> others = events.stream().map(Event::id).filter(id -> !id.equals(refused) && !id.equals(buggy)).toList();
        assertEquals(7, n);
        assertEquals(others, applied, "every other event, once, in record order");
        assertEquals(Set.copyOf(others), inboxed(events.stream().map(Event::id).toList()), "the refused ones are not in the inbox");

        KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), DLQ,
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> dead = InboxFaultTest.deadLettered(Set.of(key));
        assertEquals(Set.of(refused.toString(), buggy.toString()),
                dead.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).collect(Collectors.toSet()));
        assertEquals(2, dead.size());
        ConsumerRecord<String, String> poison = dead.stream()
                .filter(r -> refused.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
        assertEquals(Long.toString(base + 4), KafkaProbe.header(poison, "dead-letter-offset"));
        assertTrue(KafkaProbe.header(poison, "dead-letter-reason").contains("poison"));
        ConsumerRecord<String, String> bug = dead.stream()
                .filter(r -> buggy.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
        assertEquals(Long.toString(base + 7), KafkaProbe.header(bug, "dead-letter-offset"));
        assertTrue(KafkaProbe.header(bug, "dead-letter-reason").contains("failed 5 times"), KafkaProbe.header(bug, "dead-letter-reason"));
        assertEquals(IllegalStateException.class.getName(), KafkaProbe.header(bug, "dead-letter-cause-class-name"));
    }

    /** Records as the connector would hand them over: one partition, consecutive offsets from the given one. */
    static List<ConsumerRecord<String, String>> records(String key, long firstOffset, Event... events) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            ConsumerRecord<String, String> r = new ConsumerRecord<>(Topics.HOUSEHOLD, 0, firstOffset + i, key, events[i].payload());
            events[i].headers(key).forEach(h -> r.headers().add(h));
            records.add(r);
        }
        return records;
    }

    static List<UUID> ids(List<InboundEvent> events) {
        return events.stream().map(InboundEvent::id).toList();
    }

    /** Which of the ids are recorded in the inbox. */
    Set<UUID> inboxed(List<UUID> ids) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select event_id from inbox_event where event_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            Set<UUID> found = new java.util.HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private double count(String outcome) {
        return metrics.find("fupin.inbox.events").tag("outcome", outcome).counters().stream().mapToDouble(Counter::count).sum();
    }
}
