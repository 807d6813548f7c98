package org.fupin.project.event;

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
import org.fupin.contracts.household.HouseholdCadreAssignedV1;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMonitoringEndedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdRemovedV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.contracts.household.HouseholdWorkflowStepTakenV1;
import org.fupin.project.domain.ReplicaHousehold;
import org.fupin.project.repository.HouseholdReplica;
import org.fupin.project.repository.HouseholdReplicaRepository;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Household events published to the real Kafka broker (as household-service's relay frames them) → the consumer →
 * {@code household_replica} in the real PostgreSQL, read through the repository projcore uses.
 */
@QuarkusTest
class HouseholdReplicaTest {

    static final String DLQ = "fupin.household.v1.project.dlq";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    static final LocalDate ON = LocalDate.of(2026, 11, 23);

    @Inject
    HouseholdReplicaRepository replica;

    /** One household's events: contract records with their versions, published in any order. */
    static final class History {
        final String id = UUID.randomUUID().toString();
        final String code = "C" + id.substring(0, 8).toUpperCase();
        final String region;
        final List<Object[]> events = new ArrayList<>(); // {version, event}
        final List<UUID> published = new ArrayList<>();
        long version;

        History(String region) {
            this.region = region;
        }

        History add(Object event) {
            events.add(new Object[]{++version, event});
            return this;
        }

        /** Another event of the same change: the same version. */
        History sameChange(Object event) {
            events.add(new Object[]{version, event});
            return this;
        }

        History registeredThroughTheWorkflow(int members) {
            add(new HouseholdWorkflowStepTakenV1(id, region, "APPLIED", null, "APPLIED", AT, ON));
            add(new HouseholdWorkflowStepTakenV1(id, region, "TOWNSHIP_NOTICE_STARTED", "TOWNSHIP_REVIEWED", "TOWNSHIP_NOTICE", AT, ON));
            add(new HouseholdWorkflowStepTakenV1(id, region, "COUNTY_ANNOUNCED", "TOWNSHIP_NOTICE", "REGISTERED", AT, ON));
            return sameChange(registered(members));
        }

        HouseholdRegisteredV1 registered(int members) {
            return new HouseholdRegisteredV1(id, code, region, members, 2020, "ORDINARY", persons(members), AT, ON);
        }

        History updated(int members) {
            return add(new HouseholdUpdatedV1(id, region, members, "ORDINARY", persons(members), ON));
        }

        History exited(int members) {
            return add(new HouseholdExitedV1(id, region, members, 2021, AT, ON));
        }

        History returned(int members) {
            return add(new HouseholdReturnedV1(id, region, members, 2022, "illness", AT, ON));
        }

        History removed(int members) {
            return add(new HouseholdRemovedV1(id, region, members, "wrongly registered (错评)", AT, ON));
        }

        History monitoring(int members) {
            add(new HouseholdMonitoringStartedV1(id, region, members, List.of("income near the line"), AT, ON));
            return add(new HouseholdMonitoringEndedV1(id, region, "stable for a year", AT, ON));
        }

        History cadre() {
            return add(new HouseholdCadreAssignedV1(id, region, "staff-0042", AT, ON));
        }

        void publishInOrder() {
            events.forEach(e -> publish(UUID.randomUUID(), (Long) e[0], e[1]));
        }

        void publishNewestFirst() {
            for (int i = events.size() - 1; i >= 0; i--) {
                publish(UUID.randomUUID(), (Long) events.get(i)[0], events.get(i)[1]);
            }
        }

        void publish(UUID eventId, long atVersion, Object event) {
            String payload = json(event);
            String type = EventCatalog.typeOf(event.getClass()).value();
            assertEquals(Set.of(), EventSchemas.validate(type, payload), type + " payload must match its schema: " + payload);
            publishRaw(eventId, type, id, atVersion, region, payload);
            published.add(eventId);
        }
    }

    static List<String> persons(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID().toString().replace("-", "")).toList();
    }

    static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void publishRaw(UUID eventId, String type, String key, long version, String region, String payload) {
        TestEvents.publish(SuiteInfrastructure.kafka().bootstrapServers(), Topics.HOUSEHOLD, eventId, type, key, version, region, payload);
    }

    ReplicaHousehold byCode(String code) {
        return QuarkusTransaction.requiringNew().call(() -> replica.byCodes(List.of(code)).get(code));
    }

    ReplicaHousehold byId(String id) {
        return QuarkusTransaction.requiringNew().call(() -> replica.byIds(List.of(id)).get(id));
    }

    /** The stored row, complete or not (version, per-field versions). */
    HouseholdReplica row(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HouseholdReplica r = replica.findById(UUID.fromString(id));
            if (r != null) {
                replica.getEntityManager().detach(r);
            }
            return r;
        });
    }

    /** Whether the consumer has taken every one of these events (applied or as a duplicate): the inbox has them all. */
    boolean consumed(List<UUID> eventIds) {
        Set<UUID> distinct = Set.copyOf(eventIds);
        long n = QuarkusTransaction.requiringNew().call(() -> ((Number) replica.getEntityManager()
                .createNativeQuery("select count(*) from inbox_event where event_id = any(cast(?1 as uuid[]))")
                .setParameter(1, distinct.toArray(UUID[]::new)).getSingleResult()).longValue());
        return n == distinct.size();
    }

    @Test
    void eventsOfEveryKindAreApplied() {
        History h = new History("610201001001").registeredThroughTheWorkflow(4);
        h.sameChange(new HouseholdMonitoringStartedV1(h.id, h.region, 4, List.of("income near the line"), AT, ON));
        h.updated(5).cadre().exited(5);
        History applied = new History("610201002001");
        applied.add(new HouseholdWorkflowStepTakenV1(applied.id, applied.region, "APPLIED", null, "APPLIED", AT, ON));
        applied.publishInOrder();
        h.publishInOrder();

        await().atMost(WAIT).until(() -> consumed(h.published));
        assertEquals(new ReplicaHousehold(h.id, h.code, h.region, "EXITED", 5), byCode(h.code));
        assertEquals(new ReplicaHousehold(h.id, h.code, h.region, "EXITED", 5), byId(h.id));
        Map<String, ReplicaHousehold> both = QuarkusTransaction.requiringNew().call(
                () -> replica.byCodes(List.of(h.code, "NO-SUCH-CODE")));
        assertEquals(Set.of(h.code), both.keySet());

        // a household still in the workflow: a row without a code, never answered (it cannot be named anyway)
        await().atMost(WAIT).until(() -> consumed(applied.published));
        HouseholdReplica r = row(applied.id);
        assertEquals("APPLIED", r.state);
        assertNull(r.householdCode);
        assertNull(byId(applied.id));
        assertEquals(Map.of(), QuarkusTransaction.requiringNew().call(() -> replica.byIds(List.of(applied.id, "not-a-uuid"))));

        // returned (返贫), then the monitoring, which carries the member count but changes no state
        h.returned(6).monitoring(7);
        h.events.subList(h.events.size() - 3, h.events.size()).forEach(e -> h.publish(UUID.randomUUID(), (Long) e[0], e[1]));
        await().atMost(WAIT).until(() -> consumed(h.published));
        assertEquals(new ReplicaHousehold(h.id, h.code, h.region, "REGISTERED", 7), byCode(h.code));
        assertEquals(h.version, row(h.id).version);
    }

    @Test
    void newestVersionWinsWhateverTheOrderOfArrival() {
        // the same history twice: one household's events in order, the other's newest first
        History inOrder = new History("610202001001").registeredThroughTheWorkflow(3).updated(4).exited(4).cadre().monitoring(4);
        inOrder.returned(5).updated(6).cadre();
        History reversed = new History("610202001002").registeredThroughTheWorkflow(3).updated(4).exited(4).cadre().monitoring(4);
        reversed.returned(5).updated(6).cadre();
        inOrder.publishInOrder();
        reversed.publishNewestFirst();

        await().atMost(WAIT).until(() -> consumed(inOrder.published) && consumed(reversed.published));
        ReplicaHousehold a = byCode(inOrder.code);
        ReplicaHousehold b = byCode(reversed.code);
        assertEquals(new ReplicaHousehold(inOrder.id, inOrder.code, inOrder.region, "REGISTERED", 6), a);
        assertEquals(new ReplicaHousehold(reversed.id, reversed.code, reversed.region, "REGISTERED", 6), b);
        assertEquals(row(inOrder.id).version, row(reversed.id).version);

        // across batches, for sure: the exit (v3) is stored first, the registration (v1) and an update (v2) arrive later
        History late = new History("610202001003");
        late.add(late.registered(2)).updated(3).exited(4);
        late.publish(UUID.randomUUID(), 3, late.events.get(2)[1]);
        await().atMost(WAIT).until(() -> consumed(late.published));
        HouseholdReplica partial = row(late.id);
        assertEquals("EXITED", partial.state);
        assertNull(partial.householdCode);
        assertNull(byId(late.id));
        late.publish(UUID.randomUUID(), 1, late.events.get(0)[1]);
        late.publish(UUID.randomUUID(), 2, late.events.get(1)[1]);
        await().atMost(WAIT).until(() -> consumed(late.published));
        assertEquals(new ReplicaHousehold(late.id, late.code, late.region, "EXITED", 4), byId(late.id));
        assertEquals(3, row(late.id).version);

        // a replay of the whole history under new event ids, newest first, changes nothing
        late.publishNewestFirst();
        await().atMost(WAIT).until(() -> consumed(late.published));
        assertEquals(new ReplicaHousehold(late.id, late.code, late.region, "EXITED", 4), byId(late.id));
        assertEquals(3, row(late.id).version);
    }

    @Test
    void anEventIdIsAppliedOnce() {
        History h = new History("610203001001");
        h.add(h.registered(3));
        h.publishInOrder();
        await().atMost(WAIT).until(() -> byId(h.id) != null);
        UUID eventId = UUID.randomUUID();
        h.publish(eventId, 2, new HouseholdUpdatedV1(h.id, h.region, 5, "ORDINARY", persons(5), ON));
        h.publish(eventId, 2, new HouseholdUpdatedV1(h.id, h.region, 5, "ORDINARY", persons(5), ON)); // redelivered
        // the same id again, even with a newer version and other figures: a duplicate, never applied
        h.publish(eventId, 3, new HouseholdRemovedV1(h.id, h.region, 9, "wrongly registered (错评)", AT, ON));
        h.publish(UUID.randomUUID(), 4, new HouseholdCadreAssignedV1(h.id, h.region, "staff-0042", AT, ON));
        await().atMost(WAIT).until(() -> consumed(h.published) && row(h.id).version == 4);
        assertEquals(new ReplicaHousehold(h.id, h.code, h.region, "REGISTERED", 5), byId(h.id));
        HouseholdReplica r = row(h.id);
        assertEquals(2, r.personsVersion);
        assertEquals(1, r.stateVersion);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheRestLands() {
        History h = new History("620201001001");
        History other = new History("620201001002");
        other.add(other.registered(2)).publishInOrder();
        await().atMost(WAIT).until(() -> byId(other.id) != null);

        UUID broken = UUID.randomUUID();
        String payload = "{\"householdId\": 42, broken";
        assertFalse(EventSchemas.validate("household.registered.v1", payload).isEmpty()); // deliberately not the contract
        publishRaw(broken, "household.registered.v1", h.id, 1, h.region, payload);
        // valid against the schema, but names a code another household holds: the replica refuses it (poison)
        UUID stolen = UUID.randomUUID();
        History thief = new History("620201001003");
        thief.publish(stolen, 1, new HouseholdRegisteredV1(thief.id, other.code, thief.region, 4, 2020, "ORDINARY", persons(4), AT, ON));
        // the good events behind the poison ones (same keys, same partitions) still land
        h.publish(UUID.randomUUID(), 2, h.registered(4));
        thief.publish(UUID.randomUUID(), 2, new HouseholdExitedV1(thief.id, thief.region, 4, 2021, AT, ON));

        await().atMost(WAIT).until(() -> byId(h.id) != null && row(thief.id) != null);
        assertEquals(new ReplicaHousehold(h.id, h.code, h.region, "REGISTERED", 4), byId(h.id));
        assertEquals(new ReplicaHousehold(other.id, other.code, other.region, "REGISTERED", 2), byCode(other.code));
        assertNull(row(thief.id).householdCode);
        assertEquals("EXITED", row(thief.id).state);

        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), DLQ,
                rs -> rs.stream().filter(r -> h.id.equals(r.key()) || thief.id.equals(r.key())).count() >= 2, WAIT);
        List<ConsumerRecord<String, String>> ours = dead.stream().filter(r -> h.id.equals(r.key()) || thief.id.equals(r.key())).toList();
        assertEquals(2, ours.size(), "exactly the two poison records are dead-lettered");
        assertTrue(ours.stream().anyMatch(r -> broken.toString().equals(KafkaProbe.header(r, "ce_id")) && r.value().contains("broken")));
        assertTrue(ours.stream().anyMatch(r -> stolen.toString().equals(KafkaProbe.header(r, "ce_id"))
                && KafkaProbe.header(r, "dead-letter-reason").contains("poison")));
    }

    @Test
    void aRemovedHouseholdKeepsItsRowWithStateRemoved() {
        History h = new History("610204001001");
        h.add(h.registered(3)).exited(3).removed(3);
        h.publishInOrder();
        await().atMost(WAIT).until(() -> consumed(h.published));
        ReplicaHousehold removed = byCode(h.code);
        assertEquals(new ReplicaHousehold(h.id, h.code, h.region, "REMOVED", 3), removed);
        assertFalse(removed.isInRegistry());
        assertNotNull(byId(h.id));
    }
}
