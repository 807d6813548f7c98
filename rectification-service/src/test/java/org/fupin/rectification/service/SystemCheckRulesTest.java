package org.fupin.rectification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.contracts.fund.FundAllocatedV1;
import org.fupin.contracts.fund.FundReimbursedV1;
import org.fupin.contracts.fund.FundReimbursementReversedV1;
import org.fupin.contracts.household.HouseholdCadreAssignedV1;
import org.fupin.contracts.household.HouseholdMeasureAddedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.project.ProjectRegisteredV1;
import org.fupin.contracts.project.ProjectStageChangedV1;
import org.fupin.contracts.project.ProjectUpdatedV1;
import org.fupin.rectification.domain.BusinessDate;
import org.fupin.rectification.domain.SystemCheckRule;
import org.fupin.rectification.repository.ProjectReplicaRcRepository;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system check (系统核查) over real PostgreSQL and Kafka: household, project and fund events published as the other
 * services' relays frame them (each payload checked against its schema) → the consumers → the replicas → the rules →
 * {@link SystemFindings} (the issue service's implementation; issues read from its tables). Each of the five rules raises exactly one issue (also after replays of its events), and clears
 * it when its condition clears; the time rules are driven by moving the injected clock ({@link MovableClock}) and are
 * raised by the scheduled run ({@code every=1s} in tests).
 */
@QuarkusTest
class SystemCheckRulesTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Day 0 of every story: in the past, so every day the clock is moved to is a past day too. */
    static final LocalDate D0 = LocalDate.now(BusinessDate.CHINA).minusDays(400);
    static final Instant AT = Instant.parse("2026-01-05T08:00:00Z");
    static final String REGION = "522428103201";
    static final String COUNTY = "522428000000";

    @Inject
    MovableClock clock;
    final Issues findings = new Issues();
    @Inject
    SystemCheckRun run;
    @Inject
    ProjectReplicaRcRepository projects;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- households ----

    @Test
    void aRegisteredHouseholdWithoutCadreRaisesOneIssueAfterNDaysAndClearsWhenACadreIsAssigned() {
        UUID h = UUID.randomUUID();
        String key = SystemCheckRule.HOUSEHOLD_WITHOUT_CADRE.keyFor(h.toString());
        clock.set(D0);
        UUID registered = UUID.randomUUID();
        HouseholdRegisteredV1 reg = registered(h, D0);
        publish(Topics.HOUSEHOLD, registered, h, 1, reg);
        awaitChecked("household_replica_rc", h, 1);
        assertEquals(List.of(), findings.states(key));

        clock.set(D0.plusDays(29));
        run.runDue();
        assertEquals(List.of(), findings.states(key), "29 days after registration: not yet");

        clock.set(D0.plusDays(30)); // the scheduled run raises it
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("OPEN")));
        assertEquals("policy-implementation", findings.column(key, "category"));
        assertEquals(REGION, findings.column(key, "region_code"));
        assertEquals(D0.plusDays(30).toString(), findings.column(key, "cast(raised_on as varchar)"));
        assertEquals(D0.plusDays(60).toString(), findings.column(key, "cast(deadline as varchar)"));
        assertEquals("county-poverty-alleviation-office", findings.column(key, "lead_unit"));
        assertEquals(List.of("household:" + h), findings.links(key));

        // replays: the same event again (the inbox drops it) and the same change under a new event id (the replica
        // does not change; the check runs and finds the open issue)
        publish(Topics.HOUSEHOLD, registered, h, 1, reg);
        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 1, reg);
        awaitConsumedAndChecked("household_replica_rc", h);
        run.runDue();
        assertEquals(List.of("OPEN"), findings.states(key), "exactly one issue after replays");

        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 2,
                new HouseholdCadreAssignedV1(h.toString(), REGION, "staff-17", AT, D0.plusDays(30)));
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("REPORTED")));
        assertEquals(List.of("SYSTEM"), findings.ledgerKinds(key));
        assertTrue(findings.ledgerTexts(key).get(0).contains("household-without-cadre"), findings.ledgerTexts(key).toString());

        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 1, reg); // a late replay of the registration changes nothing
        awaitConsumedAndChecked("household_replica_rc", h);
        clock.set(D0.plusDays(45));
        run.runDue();
        assertEquals(List.of("REPORTED"), findings.states(key));
    }

    @Test
    void aMonitoredHouseholdWithoutMeasureRaisesOneIssueAndClearsWhenAMeasureIsAdded() {
        UUID h = UUID.randomUUID();
        String key = SystemCheckRule.MONITORED_WITHOUT_MEASURE.keyFor(h.toString());
        clock.set(D0);
        UUID monitoring = UUID.randomUUID();
        HouseholdMonitoringStartedV1 started = new HouseholdMonitoringStartedV1(h.toString(), REGION, 3,
                List.of("illness"), AT, D0.plusDays(2));
        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 1, registered(h, D0));
        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 2, new HouseholdCadreAssignedV1(h.toString(), REGION, "staff-3", AT, D0));
        publish(Topics.HOUSEHOLD, monitoring, h, 3, started);
        awaitChecked("household_replica_rc", h, 3);

        clock.set(D0.plusDays(31));
        run.runDue();
        assertEquals(List.of(), findings.states(key), "29 days after monitoring started: not yet");
        clock.set(D0.plusDays(32));
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("OPEN")));

        publish(Topics.HOUSEHOLD, monitoring, h, 3, started);
        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 3, started);
        awaitConsumedAndChecked("household_replica_rc", h);
        run.runDue();
        assertEquals(List.of("OPEN"), findings.states(key), "exactly one issue after replays");
        // nobody else's rule: the household has its cadre
        assertEquals(List.of(), findings.states(SystemCheckRule.HOUSEHOLD_WITHOUT_CADRE.keyFor(h.toString())));

        // the measure-added event carries the household's unchanged version
        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 3, new HouseholdMeasureAddedV1(h.toString(), REGION,
                UUID.randomUUID().toString(), D0.plusDays(32), AT, D0.plusDays(32)));
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("REPORTED")));
    }

    @Test
    void householdEventsInAnyOrderGiveTheSameReplica() {
        UUID h = UUID.randomUUID();
        clock.set(D0.plusDays(40));
        // newest first: the cadre (v2) before the registration (v1); 40 days after registration nothing is raised
        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 2, new HouseholdCadreAssignedV1(h.toString(), REGION, "s", AT, D0.plusDays(1)));
        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 1, registered(h, D0));
        awaitChecked("household_replica_rc", h, 2);
        await().atMost(WAIT).until(() -> row("select state from household_replica_rc where id = ?1", h) != null);
        run.runDue();
        assertEquals("REGISTERED", row("select state from household_replica_rc where id = ?1", h));
        assertEquals(D0, LocalDate.parse(row("select cast(registered_on as varchar) from household_replica_rc where id = ?1", h)));
        assertEquals(List.of(), findings.states(SystemCheckRule.HOUSEHOLD_WITHOUT_CADRE.keyFor(h.toString())));
    }

    // ---- projects ----

    @Test
    void anIncompleteProjectRaisesOneIssueAfterNDaysAndClearsWhenCompleted() {
        Project p = new Project();
        String key = SystemCheckRule.PROJECT_INCOMPLETE.keyFor(p.id.toString());
        clock.set(D0);
        UUID registered = UUID.randomUUID();
        ProjectRegisteredV1 reg = p.registered("PLANNED", D0, List.of("beneficiaries", "plannedEndDate"), null);
        publish(Topics.PROJECT, registered, p.id, 1, reg);
        awaitChecked("project_replica_rc", p.id, 1);

        clock.set(D0.plusDays(29));
        run.runDue();
        assertEquals(List.of(), findings.states(key));
        clock.set(D0.plusDays(30));
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("OPEN")));
        assertEquals("project-management", findings.column(key, "category"));
        assertEquals(List.of("project:" + p.id), findings.links(key));

        publish(Topics.PROJECT, registered, p.id, 1, reg);
        publish(Topics.PROJECT, UUID.randomUUID(), p.id, 1, reg);
        awaitConsumedAndChecked("project_replica_rc", p.id);
        run.runDue();
        assertEquals(List.of("OPEN"), findings.states(key), "exactly one issue after replays");

        publish(Topics.PROJECT, UUID.randomUUID(), p.id, 2, p.updated(List.of(), D0.plusDays(60), D0.plusDays(30)));
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("REPORTED")));
    }

    @Test
    void aProjectPastItsPlannedEndRaisesOneIssueAndClearsWhenCompleted() {
        Project p = new Project();
        String key = SystemCheckRule.PROJECT_OVERDUE.keyFor(p.id.toString());
        clock.set(D0);
        UUID registered = UUID.randomUUID();
        ProjectRegisteredV1 reg = p.registered("PLANNED", D0, List.of(), D0.plusDays(10));
        publish(Topics.PROJECT, registered, p.id, 1, reg);
        awaitChecked("project_replica_rc", p.id, 1);

        clock.set(D0.plusDays(10));
        run.runDue();
        assertEquals(List.of(), findings.states(key), "on its planned end date: not yet");
        clock.set(D0.plusDays(11));
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("OPEN")));

        publish(Topics.PROJECT, registered, p.id, 1, reg);
        publish(Topics.PROJECT, UUID.randomUUID(), p.id, 1, reg);
        awaitConsumedAndChecked("project_replica_rc", p.id);
        run.runDue();
        assertEquals(List.of("OPEN"), findings.states(key), "exactly one issue after replays");

        publish(Topics.PROJECT, UUID.randomUUID(), p.id, 2, p.stage("COMPLETION", "PLANNED", "COMPLETED", D0.plusDays(11),
                D0.plusDays(10)));
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("REPORTED")));
    }

    @Test
    void projectEventsInAnyOrderGiveTheSameReplicaAndOldEventsWithoutPlannedDatesKeepThem() throws Exception {
        Project p = new Project();
        clock.set(D0.plusDays(20));
        // the completion (v2) arrives before the registration (v1) that says the project should have ended on day 10
        publish(Topics.PROJECT, UUID.randomUUID(), p.id, 2, p.stage("COMPLETION", "PLANNED", "COMPLETED", D0.plusDays(9),
                D0.plusDays(10)));
        publish(Topics.PROJECT, UUID.randomUUID(), p.id, 1, p.registered("PLANNED", D0, List.of(), D0.plusDays(10)));
        awaitChecked("project_replica_rc", p.id, 2);
        await().atMost(WAIT).until(() -> row("select cast(entered_on as varchar) from project_replica_rc where id = ?1", p.id) != null);
        assertEquals("COMPLETED", row("select stage from project_replica_rc where id = ?1", p.id));
        assertEquals(D0.plusDays(9).toString(), row("select cast(completed_on as varchar) from project_replica_rc where id = ?1", p.id));
        // an event of the shape before issue 10 (no planned dates): the stored ones stay
        ProjectStageChangedV1 accepted = p.stage("ACCEPTANCE", "COMPLETED", "ACCEPTED", D0.plusDays(15), null);
        var old = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(accepted);
        old.remove("plannedStartDate");
        old.remove("plannedEndDate");
        publishRaw(Topics.PROJECT, UUID.randomUUID(), p.id, 3, "project.stage-changed.v1", JSON.writeValueAsString(old));
        awaitChecked("project_replica_rc", p.id, 3);
        assertEquals("ACCEPTED", row("select stage from project_replica_rc where id = ?1", p.id));
        assertEquals(D0.plusDays(10).toString(), row("select cast(planned_end_date as varchar) from project_replica_rc where id = ?1", p.id));
        assertEquals(D0.plusDays(9).toString(), row("select cast(completed_on as varchar) from project_replica_rc where id = ?1", p.id));
        run.runDue();
        assertEquals(List.of(), findings.states(SystemCheckRule.PROJECT_OVERDUE.keyFor(p.id.toString())));
    }

    @Test
    void aCompletedProjectWithLowReimbursementRaisesOneIssueAndClearsWhenReimbursed() {
        Project p = new Project();
        String key = SystemCheckRule.PROJECT_REIMBURSEMENT_LOW.keyFor(p.id.toString());
        clock.set(D0);
        publish(Topics.PROJECT, UUID.randomUUID(), p.id, 1, p.registered("COMPLETED", D0, List.of(), D0));
        awaitChecked("project_replica_rc", p.id, 1);

        clock.set(D0.plusDays(90));
        run.runDue();
        assertEquals(List.of(), findings.states(key), "90 days after completion: not yet");
        clock.set(D0.plusDays(91));
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("OPEN")));
        assertEquals("fund-management", findings.column(key, "category"));

        // 800.00 of 1000.00 reimbursed: 80 %, no longer below the threshold
        UUID e1 = UUID.randomUUID();
        UUID event1 = UUID.randomUUID();
        FundReimbursedV1 voucher = new FundReimbursedV1(e1.toString(), p.id.toString(), REGION, COUNTY, "central-budget",
                "800.00", "PZ-" + e1.toString().substring(0, 6), D0.plusDays(91), "materials", D0.plusDays(91));
        publish(Topics.FUND, event1, p.id, 1, voucher);
        await().atMost(WAIT).until(() -> findings.states(key).equals(List.of("REPORTED")));
        // the same entry again, under the same and under a new event id: counted once
        publish(Topics.FUND, event1, p.id, 1, voucher);
        publish(Topics.FUND, UUID.randomUUID(), p.id, 1, voucher);
        await().atMost(WAIT).until(() -> consumedAll());
        assertEquals(0, new BigDecimal("800.00").compareTo(QuarkusTransaction.requiringNew().call(() -> projects.reimbursed(p.id))));

        // the voucher reversed: below again, but the issue is still open (REPORTED, for an inspector): none raised
        publish(Topics.FUND, UUID.randomUUID(), p.id, 2, new FundReimbursementReversedV1(UUID.randomUUID().toString(),
                e1.toString(), p.id.toString(), REGION, COUNTY, "central-budget", "800.00", voucher.voucherNumber(),
                voucher.voucherDate(), "wrong project", D0.plusDays(92)));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> projects.reimbursed(p.id)).signum() == 0);
        awaitConsumedAndChecked("project_replica_rc", p.id);
        run.runDue();
        assertEquals(List.of("REPORTED"), findings.states(key));
    }

    // ---- fund documents for links ----

    @Test
    void allocationsMakeTheirDocumentKnownForLinksOnceAndBrokenOnesAreDeadLettered() {
        UUID doc = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String number = "黔财农〔2021〕" + doc.toString().substring(0, 4) + "号";
        UUID first = UUID.randomUUID();
        publish(Topics.FUND, first, project, 1, allocation(doc, project, COUNTY, number, "500.00"));
        // a second line of the same document, a replay and the first line again under a new event id: still one row
        publish(Topics.FUND, UUID.randomUUID(), project, 2, allocation(doc, project, COUNTY, number, "300.00"));
        publish(Topics.FUND, first, project, 1, allocation(doc, project, COUNTY, number, "500.00"));
        publish(Topics.FUND, UUID.randomUUID(), project, 1, allocation(doc, project, COUNTY, number, "500.00"));
        publish(Topics.FUND, UUID.randomUUID(), project, 3, allocation(other, project, "522401000000", "other", "1.00"));
        UUID poison = UUID.randomUUID();
        publishRaw(Topics.FUND, poison, project, 4, "fund.allocated.v1", "{\"documentId\": \"not-a-uuid\"}");
        published.remove(poison); // dead-lettered, never in the inbox
        await().atMost(WAIT).until(this::consumedAll);
        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                "fupin.fund.v1.rectification.dlq",
                rs -> rs.stream().anyMatch(r -> poison.toString().equals(KafkaProbe.header(r, "ce_id"))), WAIT);
        assertTrue(dead.stream().anyMatch(r -> poison.toString().equals(KafkaProbe.header(r, "ce_id"))));
        assertEquals(List.of(number + "|" + COUNTY + "|" + first), findings.strings(
                "select document_number || '|' || county_code || '|' || first_event_id from fund_document_rc"
                        + " where id = cast(?1 as uuid)", doc.toString()));

        // raised by an inspector: the county's document is linked; the other county's and an unknown one read alike
        String src = org.fupin.rectification.RectificationFixtures.source(D0.plusDays(1));
        Map<String, Object> body = org.fupin.rectification.RectificationFixtures.issue(src, "u", List.of(), D0.plusDays(2),
                D0.plusDays(30));
        String inspector = org.fupin.rectification.RectificationFixtures.inspector("5224");
        body.put("links", Map.of("fundDocumentIds", List.of(doc.toString())));
        org.fupin.rectification.RectificationFixtures.as(inspector).body(body)
                .post(org.fupin.rectification.RectificationFixtures.ISSUES).then().statusCode(201)
                .body("links.fundDocumentIds", org.hamcrest.Matchers.contains(doc.toString()));
        body.put("links", Map.of("fundDocumentIds", List.of(doc.toString(), other.toString(), UUID.randomUUID().toString())));
        String problem = org.fupin.rectification.RectificationFixtures.as(inspector).body(body)
                .post(org.fupin.rectification.RectificationFixtures.ISSUES).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.containsString("unknown-links"))
                .body("errors.field", org.hamcrest.Matchers.contains("links.fundDocumentIds[1]", "links.fundDocumentIds[2]"))
                .extract().asString();
        assertTrue(!problem.contains("522401"), "nothing of the other county is revealed: " + problem);
    }

    FundAllocatedV1 allocation(UUID document, UUID project, String county, String number, String amount) {
        return new FundAllocatedV1(UUID.randomUUID().toString(), project.toString(), county.substring(0, 6) + "103201", county,
                "central-budget", amount, document.toString(), number, D0, D0.getYear(), "520000000000", D0);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheRestLands() {
        UUID h = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        clock.set(D0);
        publishRaw(Topics.HOUSEHOLD, poison, h, 1, "household.registered.v1", "{\"householdId\": 42, broken");
        publish(Topics.HOUSEHOLD, UUID.randomUUID(), h, 1, registered(h, D0));
        awaitChecked("household_replica_rc", h, 1);
        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                "fupin.household.v1.rectification.dlq",
                rs -> rs.stream().anyMatch(r -> poison.toString().equals(KafkaProbe.header(r, "ce_id"))), WAIT);
        assertTrue(dead.stream().anyMatch(r -> poison.toString().equals(KafkaProbe.header(r, "ce_id"))));
    }

    // ---- helpers ----

    /** The issues of the issue service (SystemFindingsService) by finding key, read from its tables. */
    final class Issues {
        /** The states of the issues the key got, oldest first. */
        List<String> states(String key) {
            return strings("select state from rectification_issue where finding_key = ?1 order by created_at, id", key);
        }

        String column(String key, String column) {
            List<String> l = strings("select " + column + " from rectification_issue where finding_key = ?1 order by created_at, id", key);
            assertEquals(1, l.size(), key);
            return l.get(0);
        }

        List<String> links(String key) {
            return strings("select l.kind || ':' || l.object_id from issue_link l join rectification_issue i on i.id = l.issue_id "
                    + "where i.finding_key = ?1 order by l.kind, l.position", key);
        }

        List<String> ledgerKinds(String key) {
            return strings("select e.kind from ledger_entry e join rectification_issue i on i.id = e.issue_id "
                    + "where i.finding_key = ?1 order by e.number", key);
        }

        List<String> ledgerTexts(String key) {
            return strings("select e.text from ledger_entry e join rectification_issue i on i.id = e.issue_id "
                    + "where i.finding_key = ?1 order by e.number", key);
        }

        private List<String> strings(String sql, String key) {
            return QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object> rows = em.createNativeQuery(sql).setParameter(1, key).getResultList();
                return rows.stream().map(String::valueOf).toList();
            });
        }
    }

    static HouseholdRegisteredV1 registered(UUID h, LocalDate on) {
        return new HouseholdRegisteredV1(h.toString(), "H" + h.toString().substring(0, 8), REGION, 3, on.getYear(),
                "ORDINARY", List.of(), AT, on);
    }

    /** One project's snapshot fields. */
    static final class Project {
        final UUID id = UUID.randomUUID();
        final String code = "XM" + id.toString().substring(0, 8).toUpperCase();
        final Map<String, String> budget = Map.of("central-budget", "1000.00");

        ProjectRegisteredV1 registered(String stage, LocalDate on, List<String> missing, LocalDate plannedEnd) {
            return new ProjectRegisteredV1(id.toString(), code, REGION, "infrastructure", on.getYear(), null,
                    "PLANNED".equals(stage) ? "NEW" : "IMPORTED", stage, on, budget, "1000.00", null, "0.00", missing, AT,
                    on, plannedEnd, on);
        }

        ProjectUpdatedV1 updated(List<String> missing, LocalDate plannedEnd, LocalDate on) {
            return new ProjectUpdatedV1(id.toString(), code, REGION, "infrastructure", D0.getYear(), null, "PLANNED", D0,
                    budget, "1000.00", null, "0.00", missing, List.of("plannedEndDate"), D0, plannedEnd, on);
        }

        ProjectStageChangedV1 stage(String step, String from, String to, LocalDate on, LocalDate plannedEnd) {
            return new ProjectStageChangedV1(id.toString(), code, REGION, "infrastructure", D0.getYear(), null, to, on,
                    budget, "1000.00", "COMPLETED".equals(to) || "ACCEPTED".equals(to) ? "100.00" : null,
                    "COMPLETED".equals(to) || "ACCEPTED".equals(to) ? "1000.00" : "0.00", List.of(), step, from, null, D0,
                    plannedEnd, on);
        }
    }

    final java.util.Set<UUID> published = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void publish(String topic, UUID eventId, UUID key, long version, Object event) {
        String type = EventCatalog.typeOf(event.getClass()).value();
        String payload;
        try {
            payload = JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(Set.of(), EventSchemas.validate(type, payload), type + " payload must match its schema: " + payload);
        publishRaw(topic, eventId, key, version, type, payload);
    }

    void publishRaw(String topic, UUID eventId, UUID key, long version, String type, String payload) {
        TestEvents.publish(SuiteInfrastructure.kafka().bootstrapServers(), topic, eventId, type, key.toString(), version,
                REGION, payload);
        published.add(eventId);
    }

    /** Every event this test published reached the inbox. */
    boolean consumedAll() {
        UUID[] ids = published.toArray(UUID[]::new);
        Number n = QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = any(cast(?1 as uuid[]))")
                .setParameter(1, ids).getSingleResult());
        return n.intValue() == ids.length;
    }

    /** The row holds at least {@code version} and its check ran. */
    void awaitChecked(String table, UUID id, long version) {
        await().atMost(WAIT).until(() -> {
            Object[] r = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select version, check_pending from " + table + " where id = ?1")
                        .setParameter(1, id).getResultList();
                return rows.isEmpty() ? null : rows.get(0);
            });
            return r != null && ((Number) r[0]).longValue() >= version && !((Boolean) r[1]);
        });
    }

    /** Everything published reached the inbox, and the row's check ran since. */
    void awaitConsumedAndChecked(String table, UUID id) {
        await().atMost(WAIT).until(this::consumedAll);
        awaitChecked(table, id, 1);
    }

    String row(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
            return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
        });
    }
}
