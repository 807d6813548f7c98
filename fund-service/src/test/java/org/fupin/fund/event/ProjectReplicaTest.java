package org.fupin.fund.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.contracts.project.ProjectAdjustedV1;
import org.fupin.contracts.project.ProjectBeneficiariesChangedV1;
import org.fupin.contracts.project.ProjectCancelledV1;
import org.fupin.contracts.project.ProjectProgressReportedV1;
import org.fupin.contracts.project.ProjectRegisteredV1;
import org.fupin.contracts.project.ProjectStageChangedV1;
import org.fupin.contracts.project.ProjectUpdatedV1;
import org.fupin.fund.domain.FundProject;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.domain.ProjectStage;
import org.fupin.fund.repository.ProjectReplicaRecord;
import org.fupin.fund.repository.ProjectReplicaRepository;
import org.fupin.platform.money.Money;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Project events published to the real Kafka broker (as project-service's relay frames them, each payload checked
 * against its schema) → the consumer → {@code project_replica} in the real PostgreSQL, read through the repository the
 * allocation use cases will use.
 */
@QuarkusTest
class ProjectReplicaTest {

    static final String DLQ = "fupin.project.v1.fund.dlq";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    static final LocalDate D1 = LocalDate.of(2021, 3, 1);

    @Inject
    ProjectReplicaRepository replica;

    /** One project's events: contract records with their versions, each carrying the snapshot after its change. */
    static final class History {
        final UUID id = UUID.randomUUID();
        final String code = "XM" + id.toString().substring(0, 8).toUpperCase();
        final String region;
        String category = "infrastructure";
        final int year = 2021;
        String batch = "first";
        String stage = "PLANNED";
        LocalDate stageDate = D1;
        Map<String, String> budget = new TreeMap<>();
        final List<Object[]> events = new ArrayList<>(); // {version, event}
        final List<UUID> published = new ArrayList<>();
        long version;

        History(String region) {
            this.region = region;
        }

        String total() {
            return total(budget);
        }

        static String total(Map<String, String> split) {
            return split.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).toPlainString();
        }

        History add(Object event) {
            events.add(new Object[]{++version, event});
            return this;
        }

        History registered(Map<String, String> split) {
            budget = new TreeMap<>(split);
            return add(new ProjectRegisteredV1(id.toString(), code, region, category, year, batch, "NEW", stage, stageDate,
                    budget, total(), null, "0.00", List.of(), AT, D1));
        }

        History step(String step, String to, LocalDate on) {
            String from = stage;
            stage = to;
            stageDate = on;
            return add(new ProjectStageChangedV1(id.toString(), code, region, category, year, batch, stage, stageDate, budget,
                    total(), null, "0.00", List.of(), step, from, "X发改〔2021〕" + version + "号", on));
        }

        History adjusted(Map<String, String> split, LocalDate on) {
            Map<String, String> before = budget;
            budget = new TreeMap<>(split);
            return add(new ProjectAdjustedV1(id.toString(), code, region, category, year, batch, stage, stageDate, budget,
                    total(), null, "0.00", List.of(), before, total(before), null, null, List.of("budget"),
                    "price rise of materials", "X财农〔2021〕7号", on));
        }

        History updated(String newBatch, LocalDate on) {
            batch = newBatch;
            return add(new ProjectUpdatedV1(id.toString(), code, region, category, year, batch, stage, stageDate, budget,
                    total(), null, "0.00", List.of(), List.of("batch"), on));
        }

        History progress(LocalDate on) {
            return add(new ProjectProgressReportedV1(id.toString(), code, region, category, year, batch, stage, stageDate,
                    budget, total(), "40.00", "1000.00", List.of(), false, null, on));
        }

        History beneficiaries(LocalDate on) {
            String h = UUID.randomUUID().toString();
            return add(new ProjectBeneficiariesChangedV1(id.toString(), code, region, category, year, batch, stage, stageDate,
                    budget, total(), null, "0.00", List.of(), List.of(h), List.of(h), List.of(), on));
        }

        History cancelled(LocalDate on) {
            String from = stage;
            stage = "CANCELLED";
            stageDate = on;
            return add(new ProjectCancelledV1(id.toString(), code, region, category, year, batch, stage, stageDate, budget,
                    total(), null, "0.00", List.of(), from, "the village relocated (整村搬迁)", on));
        }

        /** What the replica must hold after every event of this history. */
        ProjectReplicaRecord expected() {
            Map<String, BigDecimal> split = new LinkedHashMap<>();
            budget.forEach((s, a) -> split.put(s, new BigDecimal(a)));
            LocalDate effective = effectiveDateOf(events.get(events.size() - 1)[1]);
            return new ProjectReplicaRecord(id, code, region, category, year, batch, stage, stageDate, split, effective, version);
        }

        void publishInOrder() {
            events.forEach(e -> publish(UUID.randomUUID(), (Long) e[0], e[1]));
        }

        void publishNewestFirst() {
            for (int i = events.size() - 1; i >= 0; i--) {
                publish(UUID.randomUUID(), (Long) events.get(i)[0], events.get(i)[1]);
            }
        }

        void publish(int index) {
            publish(UUID.randomUUID(), (Long) events.get(index)[0], events.get(index)[1]);
        }

        void publish(UUID eventId, long atVersion, Object event) {
            String payload = json(event);
            String type = EventCatalog.typeOf(event.getClass()).value();
            assertEquals(Set.of(), EventSchemas.validate(type, payload), type + " payload must match its schema: " + payload);
            publishRaw(eventId, type, id.toString(), atVersion, region, payload);
            published.add(eventId);
        }
    }

    static LocalDate effectiveDateOf(Object event) {
        try {
            return LocalDate.parse(JSON.readTree(json(event)).get("effectiveDate").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void publishRaw(UUID eventId, String type, String key, long version, String region, String payload) {
        TestEvents.publish(SuiteInfrastructure.kafka().bootstrapServers(), Topics.PROJECT, eventId, type, key, version, region, payload);
    }

    /** The whole stored snapshot. */
    Optional<ProjectReplicaRecord> snapshot(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> replica.snapshot(id));
    }

    /** What the allocation checks read. */
    Optional<FundProject> project(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> replica.byId(id));
    }

    /** Whether the consumer has taken every one of these events (applied or as a duplicate): the inbox has them all. */
    boolean consumed(List<UUID> eventIds) {
        Set<UUID> distinct = Set.copyOf(eventIds);
        long n = QuarkusTransaction.requiringNew().call(() -> ((Number) replica.getEntityManager()
                .createNativeQuery("select count(*) from inbox_event where event_id = any(cast(?1 as uuid[]))")
                .setParameter(1, distinct.toArray(UUID[]::new)).getSingleResult()).longValue());
        return n == distinct.size();
    }

    static Map<String, String> split(String... sourceAmount) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < sourceAmount.length; i += 2) {
            m.put(sourceAmount[i], sourceAmount[i + 1]);
        }
        return m;
    }

    @Test
    void eventsOfEveryKindAreApplied() {
        History h = new History("520102001001").registered(split("central-budget", "300000.00", "county-budget", "50000.50"));
        h.step("PRE_APPROVAL", "PRE_APPROVAL_DONE", LocalDate.of(2021, 4, 1)).updated("second", LocalDate.of(2021, 4, 2))
                .step("TENDERING", "TENDERING", LocalDate.of(2021, 5, 1))
                .step("CONSTRUCTION_START", "UNDER_CONSTRUCTION", LocalDate.of(2021, 6, 1))
                .progress(LocalDate.of(2021, 7, 1)).beneficiaries(LocalDate.of(2021, 7, 2));
        h.publishInOrder();

        await().atMost(WAIT).until(() -> consumed(h.published));
        ProjectReplicaRecord p = snapshot(h.id).orElseThrow();
        assertEquals(h.expected(), p);
        assertEquals("UNDER_CONSTRUCTION", p.stage());
        assertEquals(LocalDate.of(2021, 6, 1), p.stageDate());
        assertEquals("second", p.batch());
        assertEquals(7, p.version());
        assertFalse(p.cancelled());
        assertEquals(new BigDecimal("300000.00"), p.budgetOf("central-budget"));
        assertEquals(new BigDecimal("50000.50"), p.budgetOf("county-budget"));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.budgetOf("bank-loans")));
        assertEquals(new BigDecimal("350000.50"), p.budgetTotal());

        // the domain's view, as the allocation checks read it
        FundProject domain = project(h.id).orElseThrow();
        assertEquals(new FundProject(h.id.toString(), h.code, h.region, "infrastructure", 2021,
                Map.of(FundSource.CENTRAL_BUDGET, Money.of("300000.00"), FundSource.COUNTY_BUDGET, Money.of("50000.50")),
                ProjectStage.UNDER_CONSTRUCTION), domain);
        assertEquals(Money.ZERO, domain.budget(FundSource.BANK_LOANS));
        UUID unknown = UUID.randomUUID();
        Map<UUID, FundProject> both = QuarkusTransaction.requiringNew().call(() -> replica.byIds(List.of(h.id, unknown, h.id)));
        assertEquals(Map.of(h.id, domain), both);
        assertEquals(Map.of(h.id, p), QuarkusTransaction.requiringNew().call(() -> replica.snapshots(List.of(h.id, unknown))));
        assertEquals(Optional.empty(), project(unknown));
        assertEquals(Optional.empty(), snapshot(unknown));
        assertEquals(Optional.of(domain), QuarkusTransaction.requiringNew().call(() -> replica.lockById(h.id)));
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> replica.lockById(unknown)));
    }

    @Test
    void outOfOrderArrivalAndReplaysGiveTheSameReplica() {
        // the same history twice: one project's events in order, the other's newest first
        History inOrder = new History("520102002001");
        History reversed = new History("520102002002");
        for (History h : List.of(inOrder, reversed)) {
            h.registered(split("central-budget", "100000.00", "provincial-budget", "20000.00"))
                    .step("PRE_APPROVAL", "PRE_APPROVAL_DONE", LocalDate.of(2021, 4, 1))
                    .adjusted(split("central-budget", "90000.00", "self-raised", "5000.00"), LocalDate.of(2021, 4, 20))
                    .step("TENDERING", "TENDERING", LocalDate.of(2021, 5, 1)).progress(LocalDate.of(2021, 5, 2));
        }
        inOrder.publishInOrder();
        reversed.publishNewestFirst();
        await().atMost(WAIT).until(() -> consumed(inOrder.published) && consumed(reversed.published));
        assertEquals(inOrder.expected(), snapshot(inOrder.id).orElseThrow());
        assertEquals(reversed.expected(), snapshot(reversed.id).orElseThrow());

        // across batches, for sure: the adjustment (v3) is stored first, the registration (v1) and the step (v2) later
        History late = new History("520102002003");
        late.registered(split("central-budget", "100000.00"))
                .step("PRE_APPROVAL", "PRE_APPROVAL_DONE", LocalDate.of(2021, 4, 1))
                .adjusted(split("central-budget", "120000.00", "county-budget", "1.00"), LocalDate.of(2021, 4, 20));
        late.publish(2);
        await().atMost(WAIT).until(() -> consumed(late.published));
        assertEquals(late.expected(), snapshot(late.id).orElseThrow());
        late.publish(0);
        late.publish(1);
        await().atMost(WAIT).until(() -> consumed(late.published));
        assertEquals(late.expected(), snapshot(late.id).orElseThrow());

        // a replay of whole histories under new event ids, in either order, changes nothing
        late.publishNewestFirst();
        inOrder.publishNewestFirst();
        reversed.publishInOrder();
        await().atMost(WAIT).until(() -> consumed(late.published) && consumed(inOrder.published) && consumed(reversed.published));
        assertEquals(late.expected(), snapshot(late.id).orElseThrow());
        assertEquals(inOrder.expected(), snapshot(inOrder.id).orElseThrow());
        assertEquals(reversed.expected(), snapshot(reversed.id).orElseThrow());
    }

    @Test
    void anEventIdIsAppliedOnce() {
        History h = new History("520102003001").registered(split("central-budget", "100000.00"));
        h.publishInOrder();
        await().atMost(WAIT).until(() -> snapshot(h.id).isPresent());
        UUID eventId = UUID.randomUUID();
        h.adjusted(split("central-budget", "80000.00"), LocalDate.of(2021, 4, 20));
        ProjectReplicaRecord afterAdjustment = h.expected();
        h.publish(eventId, 2, h.events.get(1)[1]);
        h.publish(eventId, 2, h.events.get(1)[1]); // redelivered
        // the same id again, even with a newer version and another split: a duplicate, never applied (were it applied,
        // its version 4 would outlive the cancellation of version 3 below)
        h.publish(eventId, 4, new ProjectAdjustedV1(h.id.toString(), h.code, h.region, h.category, h.year, h.batch, "PLANNED",
                D1, split("bank-loans", "9.00"), "9.00", null, "0.00", List.of(), h.budget, h.total(), null, null,
                List.of("budget"), "a duplicate", "X财农〔2021〕8号", LocalDate.of(2021, 4, 21)));
        h.cancelled(LocalDate.of(2021, 5, 1)); // v3 under a new id: applied
        h.publish(2);
        await().atMost(WAIT).until(() -> consumed(h.published));
        ProjectReplicaRecord p = snapshot(h.id).orElseThrow();
        assertEquals(h.expected(), p);
        assertEquals(3, p.version());
        assertEquals(afterAdjustment.budget(), p.budget());
        assertTrue(p.cancelled());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheRestLands() {
        History h = new History("520102004001");
        History bad = new History("520102004002");
        UUID broken = UUID.randomUUID();
        String payload = "{\"projectId\": 42, broken";
        assertFalse(EventSchemas.validate("project.registered.v1", payload).isEmpty()); // deliberately not the contract
        publishRaw(broken, "project.registered.v1", h.id.toString(), 1, h.region, payload);
        // valid against the schema, but its total is not the sum of its split: the replica refuses it (poison)
        UUID wrongTotal = UUID.randomUUID();
        String lying = json(new ProjectRegisteredV1(bad.id.toString(), bad.code, bad.region, bad.category, bad.year, bad.batch,
                "NEW", "PLANNED", D1, split("central-budget", "100.00"), "999.00", null, "0.00", List.of(), AT, D1));
        assertEquals(Set.of(), EventSchemas.validate("project.registered.v1", lying));
        publishRaw(wrongTotal, "project.registered.v1", bad.id.toString(), 1, bad.region, lying);
        // the good events behind the poison ones (same keys, same partitions) still land
        h.registered(split("central-budget", "100000.00")).step("PRE_APPROVAL", "PRE_APPROVAL_DONE", LocalDate.of(2021, 4, 1));
        h.publishInOrder();
        bad.registered(split("central-budget", "100.00")).progress(LocalDate.of(2021, 4, 2));
        bad.publish(1);

        await().atMost(WAIT).until(() -> consumed(h.published) && consumed(bad.published));
        assertEquals(h.expected(), snapshot(h.id).orElseThrow());
        assertEquals(bad.expected(), snapshot(bad.id).orElseThrow());

        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), DLQ,
                rs -> rs.stream().filter(r -> ours(r, h, bad)).count() >= 2, WAIT);
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> ours(r, h, bad)).toList();
        assertEquals(2, ours.size(), "exactly the two poison records are dead-lettered");
        assertTrue(ours.stream().anyMatch(r -> broken.toString().equals(KafkaProbe.header(r, "ce_id")) && r.value().contains("broken")));
        assertTrue(ours.stream().anyMatch(r -> wrongTotal.toString().equals(KafkaProbe.header(r, "ce_id"))
                && KafkaProbe.header(r, "dead-letter-reason").contains("poison")));
    }

    static boolean ours(ConsumerRecord<String, String> r, History a, History b) {
        return a.id.toString().equals(r.key()) || b.id.toString().equals(r.key());
    }

    @Test
    void aCancelledProjectIsKeptWithCancelledTrue() {
        History h = new History("520102005001").registered(split("central-budget", "100000.00", "county-budget", "10000.00"))
                .step("PRE_APPROVAL", "PRE_APPROVAL_DONE", LocalDate.of(2021, 4, 1)).cancelled(LocalDate.of(2021, 9, 30));
        h.publishInOrder();
        await().atMost(WAIT).until(() -> consumed(h.published));
        ProjectReplicaRecord p = snapshot(h.id).orElseThrow();
        assertEquals(h.expected(), p);
        assertTrue(p.cancelled());
        assertEquals("CANCELLED", p.stage());
        assertEquals(LocalDate.of(2021, 9, 30), p.stageDate());
        assertEquals(new BigDecimal("110000.00"), p.budgetTotal()); // the budget stays: what was allocated stays accountable
        assertTrue(QuarkusTransaction.requiringNew().call(() -> replica.findById(h.id)).cancelled); // the stored column
        FundProject domain = project(h.id).orElseThrow();
        assertTrue(domain.cancelled());
        assertEquals(ProjectStage.CANCELLED, domain.stage());
    }

    @Test
    void aBudgetAdjustmentReplacesTheSplit() {
        History h = new History("520102006001").registered(split("central-budget", "100000.00", "provincial-budget", "50000.00"));
        h.publishInOrder();
        await().atMost(WAIT).until(() -> consumed(h.published));
        assertEquals(new BigDecimal("50000.00"), snapshot(h.id).orElseThrow().budgetOf("provincial-budget"));

        // 调整: central lowered, provincial gone, county added
        h.adjusted(split("central-budget", "80000.00", "county-budget", "30000.00"), LocalDate.of(2021, 6, 1));
        h.publish(1);
        await().atMost(WAIT).until(() -> consumed(h.published));
        ProjectReplicaRecord p = snapshot(h.id).orElseThrow();
        assertEquals(h.expected(), p);
        assertEquals(Map.of("central-budget", new BigDecimal("80000.00"), "county-budget", new BigDecimal("30000.00")), p.budget());
        assertEquals(0, BigDecimal.ZERO.compareTo(p.budgetOf("provincial-budget")));
        assertEquals(new BigDecimal("110000.00"), p.budgetTotal());
        FundProject domain = project(h.id).orElseThrow();
        assertEquals(Money.ZERO, domain.budget(FundSource.PROVINCIAL_BUDGET)); // nothing more of it can be allocated
        assertEquals(Money.of("30000.00"), domain.budget(FundSource.COUNTY_BUDGET));
        assertEquals(Money.of("80000.00"), domain.budget(FundSource.CENTRAL_BUDGET));
    }

    @Test
    void aLockedProjectsBudgetDoesNotChangeUntilTheLockIsReleased() throws Exception {
        History h = new History("520102007001").registered(split("central-budget", "100000.00"));
        h.publishInOrder();
        await().atMost(WAIT).until(() -> consumed(h.published));

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<FundProject> allocation = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    assertEquals(Money.of("100000.00"), replica.lockById(h.id).orElseThrow().budget(FundSource.CENTRAL_BUDGET));
                    locked.countDown();
                    assertTrue(release.await(60, TimeUnit.SECONDS));
                    // still the budget read under the lock, whatever the consumer has been handed meanwhile
                    return replica.byId(h.id).orElseThrow();
                }));
        assertTrue(locked.await(60, TimeUnit.SECONDS));
        h.adjusted(split("central-budget", "60000.00"), LocalDate.of(2021, 6, 1));
        h.publish(1);
        // the consumer's upsert waits for the row lock (a backend waiting on a lock on project_replica)
        await().atMost(WAIT).until(this::someoneWaitsForALock);
        assertEquals(new BigDecimal("100000.00"), snapshot(h.id).orElseThrow().budgetOf("central-budget"));
        release.countDown();
        assertEquals(Money.of("100000.00"), allocation.get(60, TimeUnit.SECONDS).budget(FundSource.CENTRAL_BUDGET));
        await().atMost(WAIT).until(() -> consumed(h.published));
        assertEquals(h.expected(), snapshot(h.id).orElseThrow());
    }

    boolean someoneWaitsForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) replica.getEntityManager().createNativeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
                .getSingleResult()).longValue() > 0);
    }
}
