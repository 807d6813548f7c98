package org.fupin.reporting;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.contracts.rectification.RectificationDeadlineExtendedV1;
import org.fupin.contracts.rectification.RectificationIssueAcceptedV1;
import org.fupin.contracts.rectification.RectificationIssueClosedV1;
import org.fupin.contracts.rectification.RectificationIssueRaisedV1;
import org.fupin.contracts.rectification.RectificationIssueReportedV1;
import org.fupin.contracts.rectification.RectificationIssueReturnedV1;
import org.fupin.contracts.rectification.RectificationProgressRecordedV1;
import org.fupin.reporting.domain.IssueFact;
import org.fupin.testsupport.SuiteInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One rectification issue as rectification-service's relay publishes it ({@code fupin.rectification.v1}, key = issue id,
 * version 1, 2, … one event per step, each with the issue's snapshot after the step), checked against the JSON Schemas.
 * The steps do not check the workflow (rectification-service does): a test writes the path it wants. {@link #records}
 * are the contract records for {@link IssueFact#fromEvents}; {@link #events} the framed events to send.
 */
public final class TestIssue {

    /** A finding source (问题来源): id, type, document number, date. */
    public record Source(String id, String type, String documentNumber, LocalDate date) {
        public static Source of(String type, String documentNumber, LocalDate date) {
            return new Source(UUID.randomUUID().toString(), type, documentNumber, date);
        }
    }

    /** An event ready to send; sending it again is a redelivery (same event id). */
    public record Sent(UUID eventId, String type, String issueId, long version, String region, String payload) {
        /** The same step under a new event id (the inbox lets it through; the version must stop it). */
        public Sent again() {
            return new Sent(UUID.randomUUID(), type, issueId, version, region, payload);
        }
    }

    public final String id = UUID.randomUUID().toString();
    public final Source source;
    public final String category;
    public final String region;
    public final String leadUnit;
    public final String term;
    public final LocalDate raisedOn;
    public final LocalDate originalDeadline;
    public final List<Object> records = new ArrayList<>();
    public final List<Sent> events = new ArrayList<>();
    private LocalDate deadline;
    private String state;
    private int returnCount;
    private int entries;
    private int extensions;

    private TestIssue(Source source, String category, String region, String leadUnit, boolean longTerm, LocalDate raisedOn,
                      LocalDate deadline, boolean withSourceDate) {
        this.source = source;
        this.category = category;
        this.region = region;
        this.leadUnit = leadUnit;
        this.term = longTerm ? "LONG_TERM" : "SHORT";
        this.raisedOn = raisedOn;
        this.originalDeadline = deadline;
        this.deadline = deadline;
        this.state = "OPEN";
        add(new RectificationIssueRaisedV1(id, source.id(), source.type(), source.documentNumber(), category, region, leadUnit,
                List.of("co-unit"), term, raisedOn, deadline, deadline, state, 0, null, List.of(), List.of(), List.of(),
                longTerm ? List.of(deadline) : List.of(), withSourceDate ? source.date() : null, Instant.now(), raisedOn));
    }

    public static TestIssue raise(Source source, String category, String region, String leadUnit, boolean longTerm,
                                  LocalDate raisedOn, LocalDate deadline) {
        return new TestIssue(source, category, region, leadUnit, longTerm, raisedOn, deadline, true);
    }

    /** Raised by an event of the shape before {@code sourceDate} was added. */
    public static TestIssue raiseWithoutSourceDate(Source source, String category, String region, String leadUnit,
                                                   LocalDate raisedOn, LocalDate deadline) {
        return new TestIssue(source, category, region, leadUnit, false, raisedOn, deadline, false);
    }

    public TestIssue accept(LocalDate date) {
        String from = state;
        state = "IN_PROGRESS";
        add(new RectificationIssueAcceptedV1(id, source.id(), source.type(), source.documentNumber(), category, region, leadUnit,
                List.of("co-unit"), term, raisedOn, deadline, originalDeadline, state, returnCount, null, from, date));
        return this;
    }

    public TestIssue progress(LocalDate date) {
        add(new RectificationProgressRecordedV1(id, source.id(), source.type(), source.documentNumber(), category, region,
                leadUnit, List.of("co-unit"), term, raisedOn, deadline, originalDeadline, state, returnCount, null, ++entries, 1,
                null, 0, "LONG_TERM".equals(term) ? 1 : 0, date));
        return this;
    }

    public TestIssue report(LocalDate date) {
        String from = state;
        state = "REPORTED";
        add(new RectificationIssueReportedV1(id, source.id(), source.type(), source.documentNumber(), category, region, leadUnit,
                List.of("co-unit"), term, raisedOn, deadline, originalDeadline, state, returnCount, null, from, ++entries, 1, false,
                date));
        return this;
    }

    public TestIssue sendBack(LocalDate date) {
        state = "RETURNED";
        returnCount++;
        add(new RectificationIssueReturnedV1(id, source.id(), source.type(), source.documentNumber(), category, region, leadUnit,
                List.of("co-unit"), term, raisedOn, deadline, originalDeadline, state, returnCount, null, date));
        return this;
    }

    public TestIssue close(LocalDate date) {
        state = "CLOSED";
        add(new RectificationIssueClosedV1(id, source.id(), source.type(), source.documentNumber(), category, region, leadUnit,
                List.of("co-unit"), term, raisedOn, deadline, originalDeadline, state, returnCount, null,
                !date.isAfter(deadline), date));
        return this;
    }

    public TestIssue extend(LocalDate newDeadline, LocalDate approvedOn) {
        LocalDate previous = deadline;
        deadline = newDeadline;
        add(new RectificationDeadlineExtendedV1(id, source.id(), source.type(), source.documentNumber(), category, region,
                leadUnit, List.of("co-unit"), term, raisedOn, deadline, originalDeadline, state, returnCount, null, previous,
                ++extensions, approvedOn));
        return this;
    }

    /** The fact the domain folds from this issue's events (the reference the report is compared with). */
    public IssueFact fact() {
        return IssueFact.fromEvents(records);
    }

    private void add(Object event) {
        String type = EventCatalog.typeOf(event.getClass()).value();
        String payload = TestHousehold.json(event);
        assertEquals(Set.of(), EventSchemas.validate(type, payload), type + " payload must match its schema: " + payload);
        records.add(event);
        events.add(new Sent(UUID.randomUUID(), type, id, events.size() + 1, region, payload));
    }

    /** Every event of the issues, in order. */
    public static List<Sent> eventsOf(Collection<TestIssue> issues) {
        return issues.stream().flatMap(i -> i.events.stream()).toList();
    }

    /** Sends the events in the order given, with one producer, the way the outbox relay frames them. */
    public static void send(List<Sent> events) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new StringSerializer(), new StringSerializer())) {
            for (Sent e : events) {
                RecordHeaders h = new RecordHeaders();
                put(h, CloudEventHeaders.SPEC_VERSION, "1.0");
                put(h, CloudEventHeaders.ID, e.eventId().toString());
                put(h, CloudEventHeaders.SOURCE, "/fupin/test");
                put(h, CloudEventHeaders.TYPE, e.type());
                put(h, CloudEventHeaders.SUBJECT, e.issueId());
                put(h, CloudEventHeaders.TIME, Instant.now().toString());
                put(h, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
                put(h, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(e.version()));
                put(h, CloudEventHeaders.REGION_CODE, e.region());
                p.send(new ProducerRecord<>(Topics.RECTIFICATION, null, e.issueId(), e.payload(), h)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(RecordHeaders h, String name, String value) {
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
