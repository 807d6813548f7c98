package org.fupin.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.household.HouseholdCadreAssignedV1;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMonitoringEndedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdRemovedV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roll-ups equal a recomputation from the facts after a randomized sequence of household events (registrations,
 * updates with member and region changes, exits, returns, removals, monitoring; shared persons; replays of earlier
 * events, older and equal versions; events of households never registered), applied through
 * {@link HouseholdProjection#applyAll} in transactions of random sizes. Provinces 36 and 37 are used by this class only.
 */
@QuarkusTest
class RollupConsistencyTest {

    static final List<String> VILLAGES = List.of("360101001001", "360101001002", "360101002001", "360102001001", "360102003004",
            "370101001001", "370101001002", "370203001001");
    static final LocalDate ON = LocalDate.of(2026, 11, 23);
    static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    @Inject
    HouseholdProjection projection;
    @Inject
    RollupCheckService check;
    @Inject
    EntityManager em;

    /** One household of the model: what the generator needs to produce plausible, in-order events. */
    static final class Model {
        final String id = UUID.randomUUID().toString();
        String region;
        long version;
        boolean registered;
        String state = "NONE";
        List<String> members = List.of();

        Model(String region) {
            this.region = region;
        }
    }

    record Emitted(String type, String householdId, long version, String region, String payload) {
        InboundEvent event() {
            return new InboundEvent(UUID.randomUUID(), type, "/fupin/household-service", householdId, region, version, payload);
        }
    }

    static Emitted emit(Model m, long version, Object event) {
        String type = EventCatalog.typeOf(event.getClass()).value();
        String payload = TestHousehold.json(event);
        assertEquals(Set.of(), EventSchemas.validate(type, payload), payload);
        return new Emitted(type, m.id, version, m.region, payload);
    }

    static List<String> members(Random r, List<String> pool) {
        int n = 1 + r.nextInt(5);
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < n) {
            chosen.add(pool.get(r.nextInt(pool.size())));
        }
        return List.copyOf(chosen);
    }

    static int year(Random r) {
        return 2018 + r.nextInt(6);
    }

    /** The next event of a household, in its order; null when the dice chose nothing applicable. */
    static Emitted next(Random r, Model m, List<String> pool) {
        int dice = r.nextInt(100);
        if (!m.registered) {
            if (dice < 80) {
                m.registered = true;
                m.state = "REGISTERED";
                m.members = members(r, pool);
                m.version++;
                return emit(m, m.version, new HouseholdRegisteredV1(m.id, "C-" + m.id.substring(0, 8), m.region, m.members.size(), year(r),
                        "ORDINARY", m.members, AT, ON));
            }
            m.version++; // a household that is not (yet) registered here: its events are ignored
            return emit(m, m.version, new HouseholdExitedV1(m.id, m.region, 2, year(r), AT, ON));
        }
        long v = dice < 15 ? m.version : ++m.version; // some events share the version of the previous one
        if (dice < 25) {
            m.members = members(r, pool);
            if (r.nextInt(4) == 0) {
                m.region = VILLAGES.get(r.nextInt(VILLAGES.size())); // moved to another village
            }
            return emit(m, v, new HouseholdUpdatedV1(m.id, m.region, m.members.size(), "MINIMUM_LIVING_ALLOWANCE", m.members, ON));
        }
        if (dice < 40) {
            m.state = "EXITED";
            return emit(m, v, new HouseholdExitedV1(m.id, m.region, m.members.size(), year(r), AT, ON));
        }
        if (dice < 52) {
            m.state = "REGISTERED";
            return emit(m, v, new HouseholdReturnedV1(m.id, m.region, m.members.size(), year(r), "illness", AT, ON));
        }
        if (dice < 60) {
            m.state = "REMOVED";
            return emit(m, v, new HouseholdRemovedV1(m.id, m.region, m.members.size(), "wrongly registered",
                    Instant.parse(year(r) + "-12-31T17:30:00Z"), ON));
        }
        if (dice < 72) {
            return emit(m, v, new HouseholdMonitoringStartedV1(m.id, m.region, m.members.size(), List.of("income near the line"), AT, ON));
        }
        if (dice < 82) {
            return emit(m, v, new HouseholdMonitoringEndedV1(m.id, m.region, "stable", AT, ON));
        }
        if (dice < 90) {
            m.state = "REGISTERED";
            m.members = members(r, pool);
            return emit(m, v, new HouseholdRegisteredV1(m.id, "C-" + m.id.substring(0, 8), m.region, m.members.size(), year(r),
                    "ORDINARY", m.members, AT, ON));
        }
        return emit(m, v, new HouseholdCadreAssignedV1(m.id, m.region, "staff-0042", AT, ON));
    }

    @Test
    void rollupsEqualARecomputationAfterRandomEventsWithReplays() {
        long seed = Long.getLong("rollups.seed", System.nanoTime());
        Random r = new Random(seed);
        String why = "seed " + seed + " (-Drollups.seed=" + seed + " repeats it)";
        List<String> pool = TestHousehold.newPersons(40);
        List<Model> households = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            households.add(new Model(VILLAGES.get(r.nextInt(VILLAGES.size()))));
        }
        List<Emitted> stream = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            if (!stream.isEmpty() && r.nextInt(10) == 0) {
                stream.add(stream.get(r.nextInt(stream.size()))); // a replay of an earlier event (a new event id)
                continue;
            }
            Emitted e = next(r, households.get(r.nextInt(households.size())), pool);
            stream.add(e);
        }
        int at = 0;
        int batches = 0;
        while (at < stream.size()) {
            int size = Math.min(stream.size() - at, 1 + r.nextInt(r.nextBoolean() ? 5 : 60));
            List<InboundEvent> batch = stream.subList(at, at + size).stream().map(Emitted::event).toList();
            QuarkusTransaction.requiringNew().run(() -> projection.applyAll(batch));
            at += size;
            if (++batches % 15 == 0) {
                assertConsistent("36", why + ", after " + at + " events");
            }
        }
        assertConsistent("36", why);
        assertConsistent("37", why);
        assertConsistent("", why);

        Set<String> prefixes = new TreeSet<>();
        for (String v : VILLAGES) {
            for (int len : new int[]{2, 4, 6, 9, 12}) {
                prefixes.add(v.substring(0, len));
            }
        }
        List<Integer> years = new ArrayList<>();
        years.add(null);
        years.add(2017); // before every year the sequence uses
        for (int i = 0; i < 3; i++) {
            years.add(year(r));
        }
        long duplicates = 0;
        for (String prefix : prefixes) {
            for (Integer year : years) {
                long[] expected = QuarkusTransaction.requiringNew().call(() -> FactRecomputation.figures(em, prefix, year));
                JsonPath f = Reports.figures(prefix.substring(0, 2), prefix, year);
                for (int i = 0; i < FactRecomputation.FIGURES.size(); i++) {
                    String figure = FactRecomputation.FIGURES.get(i);
                    assertEquals(expected[2 * i], f.getLong(figure + ".households"), figure + ".households " + prefix + " " + year + ", " + why);
                    assertEquals(expected[2 * i + 1], f.getLong(figure + ".persons"), figure + ".persons " + prefix + " " + year + ", " + why);
                }
                if (year == null) {
                    long several = QuarkusTransaction.requiringNew().call(() -> FactRecomputation.personsInSeveralHouseholds(em, prefix));
                    assertEquals(several, f.getLong("dataQuality.personsInSeveralHouseholds"), "data quality " + prefix + ", " + why);
                    duplicates += several;
                }
            }
        }
        assertTrue(duplicates > 0, "the sequence shared persons between households: " + why);
    }

    /**
     * Replicas: batches of different households (different partitions) applied at the same time, their households
     * sharing persons. Without the person locks each transaction would miss the other's household of a shared person.
     */
    @Test
    void concurrentBatchesOfHouseholdsSharingPersonsStayConsistent() throws Exception {
        List<String> pool = TestHousehold.newPersons(10);
        List<String> villages = List.of("410101001001", "410101001002", "410102001001");
        long seed = Long.getLong("rollups.seed", System.nanoTime());
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Random r = new Random(seed + w);
                List<Model> mine = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    mine.add(new Model(villages.get(r.nextInt(villages.size()))));
                }
                done.add(workers.submit(() -> {
                    for (int round = 0; round < 25; round++) {
                        List<InboundEvent> batch = new ArrayList<>();
                        for (int i = 0; i < 1 + r.nextInt(6); i++) {
                            batch.add(next(r, mine.get(r.nextInt(mine.size())), pool).event());
                        }
                        QuarkusTransaction.requiringNew().run(() -> projection.applyAll(batch));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            workers.shutdownNow();
        }
        assertConsistent("41", "seed " + seed);
        assertConsistent("", "seed " + seed);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> FactRecomputation.personsInSeveralHouseholds(em, "41")) > 0,
                "the households shared persons: seed " + seed);
    }

    void assertConsistent(String prefix, String why) {
        RollupCheck c = check.checkPrefix(prefix);
        assertEquals(List.of(), c.mismatches(), why);
        assertTrue(c.consistent());
    }

    @Test
    void aPoisonEventInABatchFailsItAndWritesNothing() {
        Model good = new Model("360101001001");
        good.version = 1;
        Emitted registered = emit(good, 1, new HouseholdRegisteredV1(good.id, "C-1", good.region, 2, 2020, "ORDINARY",
                TestHousehold.newPersons(2), AT, ON));
        InboundEvent broken = new InboundEvent(UUID.randomUUID(), "household.exited.v1", "/fupin/household-service", good.id,
                good.region, 2, "{\"householdId\": 42, broken");
        InboundEvent notAUuid = new InboundEvent(UUID.randomUUID(), "household.updated.v1", "/fupin/household-service", "x",
                good.region, 2, TestHousehold.json(new HouseholdUpdatedV1("not-a-uuid", good.region, 1, "ORDINARY", List.of(), ON)));
        InboundEvent badRegion = new InboundEvent(UUID.randomUUID(), "household.exited.v1", "/fupin/household-service", good.id,
                good.region, 2, TestHousehold.json(new HouseholdExitedV1(good.id, "3601", 2, 2021, AT, ON)));
        for (InboundEvent poison : List.of(broken, notAUuid, badRegion)) {
            assertThrows(PoisonEventException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> projection.applyAll(List.of(registered.event(), poison))));
        }
        long facts = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from household_fact where household_id = cast(?1 as uuid)").setParameter(1, good.id).getSingleResult()).longValue());
        assertEquals(0, facts);
        // the rest of the batch alone applies
        QuarkusTransaction.requiringNew().run(() -> projection.applyAll(List.of(registered.event())));
        assertConsistent("360101001001", "single registration");
    }

    @Test
    void theCheckFindsACounterThatDiffersFromTheFacts() {
        // province 39 has no household: a counter there is wrong; tampered with in a transaction that is rolled back
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("insert into household_rollup values ('3901', 'remaining', 0, 5, 7)").executeUpdate();
            em.createNativeQuery("insert into data_quality_rollup values ('390101', 2)").executeUpdate();
            RollupCheck c = check.checkPrefix("39");
            assertEquals(false, c.consistent());
            assertEquals(List.of(
                    new org.fupin.reporting.domain.RollupMismatch("3901", "remaining", null, "households", 0, 5),
                    new org.fupin.reporting.domain.RollupMismatch("3901", "remaining", null, "persons", 0, 7),
                    new org.fupin.reporting.domain.RollupMismatch("390101", "dataQuality", null, "personsInSeveralHouseholds", 0, 2)),
                    c.mismatches());
        } finally {
            QuarkusTransaction.rollback();
        }
        assertConsistent("39", "after the rollback");
    }

    @Test
    void theCheckEndpointIsForReportAdminsInTheirRegion() {
        // province 38: this test's own household
        Model h = new Model("380101001001");
        Emitted registered = emit(h, 1, new HouseholdRegisteredV1(h.id, "C-1", h.region, 3, 2020, "ORDINARY",
                TestHousehold.newPersons(3), AT, ON));
        QuarkusTransaction.requiringNew().run(() -> projection.applyAll(List.of(registered.event())));
        given().header("Authorization", Tokens.bearer("admin", "38", Roles.REPORT_ADMIN))
                .get("/api/v1/admin/rollups/check").then().statusCode(200)
                .body("region", equalTo("38")).body("consistent", equalTo(true)).body("mismatchCount", equalTo(0))
                .body("mismatches.size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("admin", "00", Roles.REPORT_ADMIN))
                .queryParam("region", "3801").get("/api/v1/admin/rollups/check").then().statusCode(200)
                .body("region", equalTo("3801")).body("consistent", equalTo(true));
        given().header("Authorization", Tokens.bearer("admin", "00", Roles.REPORT_ADMIN))
                .get("/api/v1/admin/rollups/check").then().statusCode(200).body("region", equalTo(""));
        given().header("Authorization", Tokens.bearer("admin", "38", Roles.REPORT_ADMIN))
                .queryParam("region", "36").get("/api/v1/admin/rollups/check").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("analyst", "00", Roles.REPORT_VIEWER))
                .get("/api/v1/admin/rollups/check").then().statusCode(403);
        given().get("/api/v1/admin/rollups/check").then().statusCode(401);
    }
}
