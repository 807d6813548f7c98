package org.fupin.reporting.event;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventSchemas;
import org.fupin.reporting.FundLibrary;
import org.fupin.reporting.FundReports;
import org.fupin.reporting.ProjectReports;
import org.fupin.reporting.TestFund;
import org.fupin.reporting.domain.FundFigures;
import org.fupin.reporting.domain.FundFigures.Filter;
import org.fupin.reporting.domain.FundFigures.GroupBy;
import org.fupin.reporting.domain.ProjectGrouping;
import org.fupin.reporting.service.FundReport;
import org.fupin.reporting.service.FundReportService;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.fupin.reporting.FundReports.report;
import static org.fupin.reporting.FundReports.rows;
import static org.fupin.reporting.FundReports.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fund events → fund facts through the real broker and database (BatchInbox): a project's fund events delivered before
 * its project events, then both replayed (redeliveries under the same event ids, and the same entries under new event
 * ids), give the same figures as in order — and the same as {@link FundFigures} computes from the events' data; a
 * poison fund event is dead-lettered alone. Province 43 is used by this class only.
 */
@QuarkusTest
class FundProjectionOrderTest {

    static final String DLQ = "fupin.fund.v1.reporting.dlq";
    static final List<LocalDate> DAYS = Arrays.asList(null, LocalDate.parse("2019-12-31"), LocalDate.parse("2020-01-10"),
            LocalDate.parse("2020-06-30"), LocalDate.parse("2020-11-15"));

    @Inject
    FundReportService service;

    @Test
    void fundEventsBeforeTheirProjectEventsAndReplaysGiveTheSameFiguresAsInOrder() {
        // county 430101: in order — the projects, then their money
        FundLibrary inOrder = new FundLibrary("430101");
        inOrder.sendProjects();
        inOrder.sendFunds();

        // county 430102: the money first (shuffled), the projects after it (newest version first)
        FundLibrary late = new FundLibrary("430102");
        List<TestFund.Sent> money = new ArrayList<>(late.fundEvents());
        Collections.shuffle(money, new Random(7));
        money.forEach(TestFund.Sent::send);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(
                List.of("unknown: projects=0 budget=0.00 implemented=0/0.00 allocated=630700.00 disbursed=530700.00"
                        + " reimbursed=410700.00 balance=220000.00 disbursement=530700.00/630700.00=84.14"
                        + " utilisation=410700.00/630700.00=65.12 reimbursement=410700.00/0.00=null"
                        + " budgetReimbursement=410700.00/0.00=null"),
                rows(report("430102", "groupBy", "year")), "no project known yet: all money under unknown"));
        assertSameAsTheDomain(late, List.of(), "money only");

        List<Runnable> projects = new ArrayList<>(late.projectEvents);
        Collections.reverse(projects);
        projects.forEach(Runnable::run);
        // replays: every project event again (same ids), every fund event again (same ids) and under new ids
        projects.forEach(Runnable::run);
        money.forEach(TestFund.Sent::send);
        money.forEach(e -> e.again().send());

        inOrder.sendMarkers();
        late.sendMarkers();
        for (String county : List.of("430101", "430102")) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertEquals("3.00", ProjectReports.report(county).getString("total.investmentCompleted"),
                        "the project markers (1.00 each; the cancelled project's not counted) are behind the project events");
                assertEquals("630700.05", report(county).getString("total.allocated"),
                        "the fund markers (0.01 on each ledger) are behind every fund event");
            });
        }
        for (GroupBy g : GroupBy.values()) {
            for (LocalDate day : DAYS) {
                String[] params = day == null ? new String[]{"groupBy", g.value()} : new String[]{"groupBy", g.value(), "asOf", day.toString()};
                var a = report("430101", params);
                var b = report("430102", params);
                assertEquals(total(a), total(b), g + " as of " + day);
                assertEquals(rows(a).stream().map(r -> r.replace("430101", "")).toList(),
                        rows(b).stream().map(r -> r.replace("430102", "")).toList(), g + " as of " + day);
            }
        }
        assertSameAsTheDomain(inOrder, inOrder.points, "in order");
        assertSameAsTheDomain(late, late.points, "late projects, replays");
    }

    /** The service's figures (SQL) equal FundFigures over the library's points and facts, for every grouping, day and filter. */
    void assertSameAsTheDomain(FundLibrary l, List<FundFigures.ProjectPoint> points, String what) {
        List<FundFigures.FundFact> facts = l.facts();
        List<Filter> filters = List.of(new Filter(l.county, null, null, null, null),
                new Filter(l.county + "002", null, null, null, null),
                new Filter(l.county, 2020, null, null, null),
                new Filter(l.county, null, "industry", "first", null),
                new Filter(l.county, null, null, null, "central-budget"));
        for (Filter f : filters) {
            for (LocalDate day : DAYS) {
                assertEquals(FundReports.line(FundFigures.of(points, facts, day, f)),
                        FundReports.line(service.report(f, day, null, 0).total()), what + " " + f + " as of " + day);
                for (GroupBy g : GroupBy.values()) {
                    int child = g == GroupBy.REGION ? ProjectGrouping.childLength(f.regionPrefix(), "groupBy") : 0;
                    FundFigures.Grouped expected = FundFigures.grouped(points, facts, day, f, g);
                    FundReport actual = service.report(f, day, g, child);
                    assertEquals(FundReports.rows(expected),
                            actual.rows().stream().map(r -> r.group() + ": " + FundReports.line(r.figures())).toList(),
                            what + " " + f + " by " + g + " as of " + day);
                    assertEquals(expected.total(), actual.total(), what + " " + f + " by " + g + " as of " + day);
                }
            }
        }
    }

    @Test
    void aPoisonFundEventGoesToTheDeadLetterTopicAloneAndDoesNotStallThePartition() {
        FundLibrary l = new FundLibrary("430103");
        TestFund f = l.f1;
        // against the schema: a negative amount
        f.allocate("central-budget", "100.00", LocalDate.parse("2020-01-01"));
        TestFund.Sent valid = f.events.get(f.events.size() - 1);
        UUID schemaPoison = UUID.randomUUID();
        String negative = valid.payload().replace("\"100.00\"", "\"-100.00\"");
        assertFalse(EventSchemas.validate(valid.type(), negative).isEmpty()); // deliberately not the contract
        new TestFund.Sent(schemaPoison, valid.type(), f.projectId, 1, f.region, negative).send();
        // within the schema, against the contract's meaning: more returned than recalled
        f.recall("central-budget", "10.00", "0.00", "COMPLETED", LocalDate.parse("2020-02-01"));
        TestFund.Sent recall = f.events.get(f.events.size() - 1);
        String overReturned = recall.payload().replace("\"returnedAmount\":\"0.00\"", "\"returnedAmount\":\"50.00\"");
        assertTrue(EventSchemas.validate(recall.type(), overReturned).isEmpty(), overReturned);
        UUID meaningPoison = UUID.randomUUID();
        new TestFund.Sent(meaningPoison, recall.type(), f.projectId, 2, f.region, overReturned).send();
        valid.send(); // same key: behind the poison ones
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals("100.00", report("430103").getString("total.allocated")));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), DLQ,
                rs -> rs.stream().filter(r -> f.projectId.equals(r.key())).count() >= 2, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> mine = dead.stream().filter(r -> f.projectId.equals(r.key())).toList();
        assertEquals(List.of(schemaPoison.toString(), meaningPoison.toString()),
                mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).toList(), "the poison records alone");
        mine.forEach(r -> assertTrue(KafkaProbe.header(r, "dead-letter-reason").contains("poison")));
        assertEquals("100.00", report("430103").getString("total.allocated"));
    }
}
