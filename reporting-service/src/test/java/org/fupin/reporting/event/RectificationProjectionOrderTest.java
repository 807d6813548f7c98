package org.fupin.reporting.event;

import javax.sql.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventSchemas;
import org.fupin.reporting.RectificationLibrary;
import org.fupin.reporting.RectificationReports;
import org.fupin.reporting.TestIssue;
import org.fupin.reporting.domain.IssueFact;
import org.fupin.reporting.domain.RectificationFigures;
import org.fupin.reporting.domain.RectificationFigures.Filter;
import org.fupin.reporting.domain.RectificationFigures.GroupBy;
import org.fupin.reporting.service.RectificationReport;
import org.fupin.reporting.service.RectificationReportService;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.fupin.reporting.RectificationReports.report;
import static org.fupin.reporting.RectificationReports.rows;
import static org.fupin.reporting.RectificationReports.total;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rectification events → issue facts through the real broker and database (BatchInbox): a county's events shuffled
 * across issues and versions, then replayed (redeliveries under the same event ids, and the same versions under new event
 * ids), give the same figures as in order — and the same as {@link RectificationFigures} computes from the events; a
 * poison event is dead-lettered alone. Province 37 is used by this class only.
 */
@QuarkusTest
class RectificationProjectionOrderTest {

    static final String DLQ = "fupin.rectification.v1.reporting.dlq";
    static final List<String> DAYS = Arrays.asList(null, "2021-01-05", "2021-03-09", "2021-04-05", "2021-06-30", "2021-07-01",
            "2021-12-31", "2023-01-01");

    @Inject
    RectificationReportService service;
    @Inject
    DataSource db;

    @Test
    void eventsInAnyOrderAndReplaysGiveTheSameFiguresAsInOrder() throws Exception {
        RectificationLibrary inOrder = new RectificationLibrary("370101");
        TestIssue.send(inOrder.events());

        RectificationLibrary shuffled = new RectificationLibrary("370102");
        List<TestIssue.Sent> events = new ArrayList<>(shuffled.events());
        Collections.shuffle(events, new Random(11));
        List<TestIssue.Sent> all = new ArrayList<>(events);
        all.addAll(events); // redeliveries: the same event ids
        events.forEach(e -> all.add(e.again())); // the same versions under new event ids
        Collections.shuffle(all.subList(events.size(), all.size()), new Random(12));
        TestIssue.send(all);

        Set<UUID> ids = new java.util.HashSet<>();
        inOrder.events().forEach(e -> ids.add(e.eventId()));
        all.forEach(e -> ids.add(e.eventId()));
        await().atMost(Duration.ofSeconds(90)).until(() -> received(ids) == ids.size());

        for (String day : DAYS) {
            for (GroupBy g : new ArrayList<>(Arrays.asList(GroupBy.values())) {{ add(null); }}) {
                List<String> params = new ArrayList<>();
                if (day != null) {
                    params.addAll(List.of("asOf", day));
                }
                if (g != null) {
                    params.addAll(List.of("groupBy", g.value()));
                }
                var a = report("370101", params.toArray(String[]::new));
                var b = report("370102", params.toArray(String[]::new));
                assertEquals(total(a), total(b), g + " as of " + day);
                assertEquals(rows(a).stream().map(r -> r.replace("370101", "")).toList(),
                        rows(b).stream().map(r -> r.replace("370102", "")).toList(), g + " as of " + day);
            }
        }
        assertEquals(RectificationReports.line(RectificationFigures.of(facts(shuffled), LocalDate.parse("2021-12-31"))),
                total(report("370102", "asOf", "2021-12-31")));
        assertSameAsTheDomain(shuffled);
    }

    /** The service's figures equal RectificationFigures over the events, for every grouping, day and filter. */
    void assertSameAsTheDomain(RectificationLibrary l) {
        List<IssueFact> facts = facts(l);
        List<Filter> filters = List.of(new Filter(l.county, null, null, null, null, null),
                new Filter(l.county + "002", null, null, null, null, null),
                new Filter(l.county, 2021, null, null, null, null),
                new Filter(l.county, null, "audit", null, null, null),
                new Filter(l.county, null, null, l.s1.id(), "exit-accuracy", null),
                new Filter(l.county, null, null, null, null, "unit-a"));
        for (Filter f : filters) {
            for (String d : DAYS) {
                LocalDate day = d == null ? LocalDate.parse("2026-01-01") : LocalDate.parse(d);
                for (GroupBy g : new ArrayList<>(Arrays.asList(GroupBy.values())) {{ add(null); }}) {
                    RectificationFigures.Grouped expected = RectificationFigures.report(facts, day, f, g);
                    RectificationReport actual = service.report(f, day, g);
                    assertEquals(RectificationReports.rows(expected.rows()), RectificationReports.rows(actual.rows()),
                            f + " by " + g + " as of " + day);
                    assertEquals(expected.total(), actual.total(), f + " by " + g + " as of " + day);
                }
            }
        }
    }

    static List<IssueFact> facts(RectificationLibrary l) {
        return l.issues.stream().map(TestIssue::fact).toList();
    }

    long received(Set<UUID> ids) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from inbox_event where event_id = any (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAloneAndDoesNotStallThePartition() {
        TestIssue.Source source = TestIssue.Source.of("inspection", "鲁扶组〔2021〕3号", LocalDate.parse("2021-03-01"));
        TestIssue issue = TestIssue.raise(source, "work-style", "370103001001", "unit-p", false, LocalDate.parse("2021-03-10"),
                LocalDate.parse("2021-06-30")).accept(LocalDate.parse("2021-03-11"));
        TestIssue.Sent raised = issue.events.get(0);
        TestIssue.Sent accepted = issue.events.get(1);
        // against the schema: a state that does not exist
        String deleted = accepted.payload().replace("\"state\":\"IN_PROGRESS\"", "\"state\":\"DELETED\"");
        assertFalse(EventSchemas.validate(accepted.type(), deleted).isEmpty()); // deliberately not the contract
        UUID schemaPoison = UUID.randomUUID();
        // within the schema, against the contract's meaning: no aggregate version
        UUID meaningPoison = UUID.randomUUID();
        TestIssue.send(List.of(raised,
                new TestIssue.Sent(schemaPoison, accepted.type(), issue.id, 2, issue.region, deleted),
                new TestIssue.Sent(meaningPoison, accepted.type(), issue.id, 0, issue.region, accepted.payload()),
                accepted)); // same key: behind the poison ones
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals(1L, report("370103", "asOf", "2021-03-31").getLong("total.inProgress")));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), DLQ,
                rs -> rs.stream().filter(r -> issue.id.equals(r.key())).count() >= 2, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> mine = dead.stream().filter(r -> issue.id.equals(r.key())).toList();
        assertEquals(List.of(schemaPoison.toString(), meaningPoison.toString()),
                mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).toList(), "the poison records alone");
        mine.forEach(r -> assertTrue(KafkaProbe.header(r, "dead-letter-reason").contains("poison"),
                mine.stream().map(x -> KafkaProbe.header(x, "dead-letter-reason")).collect(Collectors.joining("; "))));
        assertEquals(1L, report("370103", "asOf", "2021-03-31").getLong("total.raised"));
    }
}
