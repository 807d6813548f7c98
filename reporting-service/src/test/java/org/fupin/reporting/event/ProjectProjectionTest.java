package org.fupin.reporting.event;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.project.ProjectCancelledV1;
import org.fupin.contracts.project.ProjectProgressReportedV1;
import org.fupin.contracts.project.ProjectRegisteredV1;
import org.fupin.reporting.ProjectReports;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.fupin.reporting.TestProject;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.fupin.reporting.ProjectReports.report;
import static org.fupin.reporting.ProjectReports.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Project events → the newest snapshot per project, through the real broker and database (BatchInbox): the figures do
 * not depend on whether household or project events arrive first; replayed, stale and out-of-order events change
 * nothing; a poison event is dead-lettered alone. Province 47 is used by this class only, a county per test.
 */
@QuarkusTest
class ProjectProjectionTest {

    static final String DLQ = "fupin.project.v1.reporting-service.dlq";

    /** q1 UC 100000 central, 50 %, 40000 invested, h1 + h2; q2 PLANNED 50000 county, h2 + h3; h1 4, h2 3 (removed), h3 5. */
    static final String LINKED = "projects=2 stages=1,0,0,1,0,0,0 nonCancelled=2 start=1/2=50.00 completion=0/2=0.00"
            + " budget=150000.00 central=100000.00 county=50000.00 implemented=100000.00 investment=40000.00"
            + " investmentRate=40000.00/150000.00=26.67 progress=50000.00/150000.00=33.33 incomplete=0";

    static void publishProjects(String county, TestHousehold h1, TestHousehold h2, TestHousehold h3) {
        TestProject q1 = new TestProject(county + "001001", 2020, "industry", "first").budget("central-budget", "100000.00");
        q1.stage = "UNDER_CONSTRUCTION";
        q1.register().progress("50.00", "40000.00").beneficiaries(TestProject.ids(h1, h2));
        new TestProject(county + "001002", 2020, "infrastructure", "first").budget("county-budget", "50000.00")
                .register().beneficiaries(TestProject.ids(h2, h3));
    }

    static void publishHouseholds(TestHousehold h1, TestHousehold h2, TestHousehold h3) {
        h1.register(2019, 4);
        h2.register(2019, 3).remove(Instant.parse("2021-03-01T00:00:00Z"));
        h3.register(2020, 5).exit(2021);
    }

    @Test
    void householdEventsAfterOrBeforeTheProjectEventsGiveTheSameFigures() {
        // county 470101: the projects first, their households later
        String after = "470101";
        TestHousehold a1 = new TestHousehold(after + "001001"), a2 = new TestHousehold(after + "001002"),
                a3 = new TestHousehold(after + "001003");
        publishProjects(after, a1, a2, a3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(LINKED + " households=0 persons=0", total(report(after)), "households not known yet: not counted"));
        publishHouseholds(a1, a2, a3);

        // county 470102: the households first, then the projects
        String before = "470102";
        TestHousehold b1 = new TestHousehold(before + "001001"), b2 = new TestHousehold(before + "001002"),
                b3 = new TestHousehold(before + "001003");
        publishHouseholds(b1, b2, b3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Reports.assertCount(Reports.figures(before, null), "exited", 1, 5));
        publishProjects(before, b1, b2, b3);

        String expected = LINKED + " households=2 persons=9"; // h1 and h3 (exited still counts); h2 removed
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(expected, total(report(after)));
            assertEquals(expected, total(report(before)));
        });
        // a household's later change is seen by the project figures at once (joined at query time)
        a1.update(6);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(LINKED + " households=2 persons=11", total(report(after))));
        a3.remove(Instant.parse("2022-01-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(LINKED + " households=1 persons=6", total(report(after))));
    }

    @Test
    void replayedStaleAndOutOfOrderEventsChangeNothing() {
        String county = "470103";
        TestHousehold h1 = new TestHousehold(county + "001001").register(2019, 4);
        TestHousehold h2 = new TestHousehold(county + "001002").register(2019, 3);
        TestProject p = new TestProject(county + "001001", 2020, "industry", "first").budget("central-budget", "100000.00");
        p.register()                                                          // v1
                .beneficiaries(TestProject.ids(h1))                            // v2
                .step("PRE_APPROVAL", "PRE_APPROVAL_DONE")                     // v3
                .step("TENDERING", "TENDERING")                                // v4
                .step("CONSTRUCTION_START", "UNDER_CONSTRUCTION");             // v5
        UUID progressId = UUID.randomUUID();
        p.progress = "30.00";
        p.investment = "10000.00";
        var progress = new ProjectProgressReportedV1(p.id, p.code, p.region, p.category, p.year,
                p.batch, p.stage, p.stageDate, Map.copyOf(p.budget), p.budgetTotal(), p.progress, p.investment,
                p.missing, false, null, LocalDate.of(2026, 11, 20));
        p.publish(progressId, 6, progress);                                   // v6
        String held = "projects=1 stages=0,0,0,1,0,0,0 nonCancelled=1 start=1/1=100.00 completion=0/1=0.00"
                + " budget=100000.00 central=100000.00 county=0.00 implemented=100000.00 investment=10000.00"
                + " investmentRate=10000.00/100000.00=10.00 progress=30000.00/100000.00=30.00 incomplete=0 households=1 persons=4";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(held, total(report(county, "year", "2020"))));

        // the same event again (redelivery: same id), stale events under new ids, an older beneficiary list
        p.publish(progressId, 6, progress);
        TestProject planned = new TestProject(p.region, 2020, "industry", "first").budget("central-budget", "999.00");
        p.publishAt(1, new ProjectRegisteredV1(p.id, p.code, p.region, "industry", 2020, "first",
                "NEW", "PLANNED", p.stageDate, Map.copyOf(planned.budget), planned.budgetTotal(), null, "0.00",
                List.of("beneficiaries"), Instant.parse("2026-11-20T08:00:00Z"), LocalDate.of(2026, 11, 20)));
        p.households = List.of(h1.id, h2.id);
        p.publishAt(1, p.beneficiariesChanged());                              // a list older than the one held (v2)
        String stage = p.stage;
        p.stage = "CANCELLED";
        p.publishAt(5, new ProjectCancelledV1(p.id, p.code, p.region, p.category, p.year, p.batch,
                "CANCELLED", p.stageDate, Map.copyOf(p.budget), p.budgetTotal(), p.progress, p.investment, p.missing,
                "TENDERING", "stale", LocalDate.of(2026, 11, 20)));
        p.stage = stage;
        // a marker behind them on the same partition (same key), in another year: once it shows, they were consumed
        TestProject marker = new TestProject(county + "001002", 2021, "industry", "first").budget("central-budget", "1.00");
        TestProject.publishUnchecked(UUID.randomUUID(), "project.registered.v1", p.id, 1, marker.region,
                TestHousehold.json(marker.registered()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(1, report(county, "year", "2021").getLong("total.projects")));
        assertEquals(held, total(report(county, "year", "2020")), "nothing older than what is held changed a figure");

        // out of order: the progress report of version 8 before the beneficiary list of version 7
        p.households = List.of(h1.id, h2.id);
        var list = p.beneficiariesChanged();                                   // carries the snapshot of v6 (30 %)
        p.progress = "60.00";
        p.investment = "20000.00";
        p.publishAt(8, new ProjectProgressReportedV1(p.id, p.code, p.region, p.category, p.year,
                p.batch, p.stage, p.stageDate, Map.copyOf(p.budget), p.budgetTotal(), p.progress, p.investment,
                p.missing, false, null, LocalDate.of(2026, 11, 20)));
        p.publishAt(7, list);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(
                "projects=1 stages=0,0,0,1,0,0,0 nonCancelled=1 start=1/1=100.00 completion=0/1=0.00"
                        + " budget=100000.00 central=100000.00 county=0.00 implemented=100000.00 investment=20000.00"
                        + " investmentRate=20000.00/100000.00=20.00 progress=60000.00/100000.00=60.00 incomplete=0 households=2 persons=7",
                total(report(county, "year", "2020"))));
    }

    @Test
    void aPoisonProjectEventGoesToTheDeadLetterTopicAndDoesNotStallThePartition() {
        String county = "470104";
        TestProject p = new TestProject(county + "001001", 2020, "industry", "first").budget("central-budget", "100.00");
        String broken = TestHousehold.json(p.registered()).replace(p.region, "4701");
        assertFalse(EventSchemas.validate("project.registered.v1", broken).isEmpty()); // deliberately not the contract
        UUID poison = UUID.randomUUID();
        TestProject.publishUnchecked(poison, "project.registered.v1", p.id, 1, p.region, broken);
        p.publishAt(2, p.registered());                                        // same key: behind the poison one
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1, report(county).getLong("total.projects")));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), DLQ,
                rs -> rs.stream().anyMatch(r -> p.id.equals(r.key())), Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> mine = dead.stream().filter(r -> p.id.equals(r.key())).toList();
        assertEquals(1, mine.size(), "the poison record alone");
        assertEquals(poison.toString(), KafkaProbe.header(mine.get(0), CloudEventHeaders.ID));
        assertTrue(KafkaProbe.header(mine.get(0), "dead-letter-reason").contains("poison"));
        assertEquals("projects=1 stages=1,0,0,0,0,0,0 nonCancelled=1 start=0/1=0.00 completion=0/1=0.00 budget=100.00"
                + " central=100.00 county=0.00 implemented=0.00 investment=0.00 investmentRate=0.00/100.00=0.00"
                + " progress=0.00/100.00=0.00 incomplete=0 households=0 persons=0", ProjectReports.line(report(county).getMap("total")));
    }
}
