package org.fupin.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.contracts.household.HouseholdCadreAssignedV1;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMonitoringEndedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdRemovedV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.contracts.household.HouseholdWorkflowStepTakenV1;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.TestEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One household's event history, published to the real broker the way household-service's relay does: each event is
 * a contract record, serialised, checked against its JSON Schema, and sent with the next aggregate version.
 */
public final class TestHousehold {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    /** The business date of the changes these events describe. */
    public static final LocalDate ON = LocalDate.of(2026, 11, 23);

    public final String id = UUID.randomUUID().toString();
    public final String region;
    private long version;
    private List<String> persons = List.of();

    public TestHousehold(String villageCode) {
        this.region = villageCode;
    }

    /** A pseudonymous person id as household-service emits them (32 lowercase hex digits). */
    public static String personId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static List<String> newPersons(int n) {
        return IntStream.range(0, n).mapToObj(i -> personId()).toList();
    }

    public long version() {
        return version;
    }

    public List<String> persons() {
        return persons;
    }

    public TestHousehold register(int identificationYear, int members) {
        return register(identificationYear, newPersons(members));
    }

    public TestHousehold register(int identificationYear, List<String> members) {
        persons = List.copyOf(members);
        return publish(new HouseholdRegisteredV1(id, "C-" + id.substring(0, 8), region, members.size(), identificationYear,
                "ORDINARY", persons, AT, ON));
    }

    public TestHousehold update(int members) {
        List<String> next = new ArrayList<>(persons);
        while (next.size() < members) {
            next.add(personId());
        }
        return update(next.subList(0, members));
    }

    public TestHousehold update(List<String> members) {
        persons = List.copyOf(members);
        return publish(new HouseholdUpdatedV1(id, region, members.size(), "MINIMUM_LIVING_ALLOWANCE", persons, ON));
    }

    public TestHousehold exit(int exitYear) {
        return publish(new HouseholdExitedV1(id, region, persons.size(), exitYear, AT, ON));
    }

    /** 返贫 with the member count at the time of the return (no member list travels with this event). */
    public TestHousehold returnToPoverty(int returnYear, int members) {
        return publish(new HouseholdReturnedV1(id, region, members, returnYear, "illness", AT, ON));
    }

    public TestHousehold remove(Instant removedAt) {
        return publish(new HouseholdRemovedV1(id, region, persons.size(), "wrongly registered (错评)", removedAt,
                removedAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()));
    }

    public TestHousehold startMonitoring() {
        return publish(new HouseholdMonitoringStartedV1(id, region, Math.max(1, persons.size()), List.of("income near the line"), AT, ON));
    }

    public TestHousehold endMonitoring() {
        return publish(new HouseholdMonitoringEndedV1(id, region, "stable for a year", AT, ON));
    }

    public TestHousehold workflowStep(String step, String from, String to) {
        return publish(new HouseholdWorkflowStepTakenV1(id, region, step, from, to, AT, ON));
    }

    public TestHousehold assignCadre() {
        return publish(new HouseholdCadreAssignedV1(id, region, "staff-0042", AT, ON));
    }

    /** Publishes the event with the next version. */
    public TestHousehold publish(Object event) {
        version++;
        publishAt(version, event);
        return this;
    }

    /** Publishes the event with the given version (e.g. a stale one), under a new event id. */
    public void publishAt(long atVersion, Object event) {
        publish(UUID.randomUUID(), EventCatalog.typeOf(event.getClass()).value(), id, atVersion, region, json(event));
    }

    public static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the payload against the contract's schema, then publishes it. */
    public static void publish(UUID eventId, String type, String householdId, long version, String region, String payload) {
        assertEquals(Set.of(), EventSchemas.validate(type, payload), type + " payload must match its schema: " + payload);
        publishUnchecked(eventId, type, householdId, version, region, payload);
    }

    /** For deliberately broken payloads only. */
    public static void publishUnchecked(UUID eventId, String type, String householdId, long version, String region, String payload) {
        TestEvents.publish(SuiteInfrastructure.kafka().bootstrapServers(), Topics.HOUSEHOLD, eventId, type, householdId, version,
                region, payload);
    }
}
