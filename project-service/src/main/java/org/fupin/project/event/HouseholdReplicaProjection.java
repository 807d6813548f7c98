package org.fupin.project.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.household.HouseholdCadreAssignedV1;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMonitoringEndedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdRemovedV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.contracts.household.HouseholdWorkflowStepTakenV1;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.platform.region.RegionCode;
import org.fupin.project.domain.ReplicaUpdate;
import org.fupin.project.repository.HouseholdReplicaRepository;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies household events to the replica, set-based, inside the inbox's transaction (which has already deduplicated
 * the event ids). What each event tells:
 * <ul>
 *   <li>every event: the region (newest version wins);</li>
 *   <li>household.registered.v1: the code (the only event carrying it; it never changes), state REGISTERED, persons;</li>
 *   <li>household.workflow-step-taken.v1: the state it leads to;</li>
 *   <li>household.exited.v1 / returned.v1 / removed.v1: state EXITED / REGISTERED / REMOVED, and persons;</li>
 *   <li>household.updated.v1 and monitoring-started.v1: persons;</li>
 *   <li>cadre-assigned.v1, monitoring-ended.v1: nothing but the region.</li>
 * </ul>
 * The events of a batch are folded per household in memory ({@link ReplicaUpdate#merge}: per field the newest
 * version), then merged into the stored rows by one upsert with the same rule, so the replica is the same whatever the
 * order of arrival, and a replay is a no-op. A removed household keeps its row (state REMOVED). An event that breaks
 * its contract (unreadable, household id no UUID, region not 12 digits, a code already held by another household)
 * throws {@link PoisonEventException} before anything is written, so the inbox can isolate it.
 */
@ApplicationScoped
public class HouseholdReplicaProjection {

    private static final Logger LOG = Logger.getLogger(HouseholdReplicaProjection.class);

    @Inject
    ObjectMapper json;
    @Inject
    HouseholdReplicaRepository replica;

    /**
     * @param events deduplicated events in record order
     * @throws PoisonEventException when an event violates its contract; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<InboundEvent> events) {
        Map<String, ReplicaUpdate> byHousehold = new LinkedHashMap<>();
        Map<String, ReplicaUpdate> codeEvents = new HashMap<>(); // household code → what the first event naming it said
        Map<String, UUID> codeEventIds = new HashMap<>();
        for (InboundEvent e : events) {
            ReplicaUpdate u = update(e);
            if (u == null) {
                LOG.debugf("event %s (%s) tells the replica nothing", e.id(), e.type());
                continue;
            }
            if (u.householdCode() != null) {
                ReplicaUpdate other = codeEvents.putIfAbsent(u.householdCode(), u);
                codeEventIds.putIfAbsent(u.householdCode(), e.id());
                if (other != null && !other.householdId().equals(u.householdId())) {
                    throw new PoisonEventException("event " + e.id() + " names household code " + u.householdCode()
                            + " for household " + u.householdId() + ", event " + codeEventIds.get(u.householdCode())
                            + " for household " + other.householdId());
                }
            }
            byHousehold.merge(u.householdId(), u, ReplicaUpdate::merge);
        }
        if (byHousehold.isEmpty()) {
            return;
        }
        if (!codeEvents.isEmpty()) {
            replica.idsOfCodes(codeEvents.keySet()).forEach((code, holder) -> {
                String named = codeEvents.get(code).householdId();
                if (!holder.toString().equals(named)) {
                    throw new PoisonEventException("event " + codeEventIds.get(code) + " names household code " + code
                            + " for household " + named + "; the replica has it for household " + holder);
                }
            });
        }
        replica.apply(byHousehold.values());
    }

    /** What the event tells the replica, or null for an event type that tells it nothing. */
    private ReplicaUpdate update(InboundEvent event) {
        long v = event.aggregateVersion();
        try {
            switch (event.type()) {
                case "household.registered.v1": {
                    var e = read(event, HouseholdRegisteredV1.class);
                    if (e.householdCode() == null || e.householdCode().isBlank()) {
                        throw new PoisonEventException("household.registered.v1 event " + event.id() + " without householdCode");
                    }
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), e.householdCode(), "REGISTERED",
                            e.memberCount());
                }
                case "household.workflow-step-taken.v1": {
                    var e = read(event, HouseholdWorkflowStepTakenV1.class);
                    if (e.toState() == null || e.toState().isBlank()) {
                        throw new PoisonEventException("household.workflow-step-taken.v1 event " + event.id() + " without toState");
                    }
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), null, e.toState(), null);
                }
                case "household.updated.v1": {
                    var e = read(event, HouseholdUpdatedV1.class);
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), null, null, e.memberCount());
                }
                case "household.exited.v1": {
                    var e = read(event, HouseholdExitedV1.class);
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), null, "EXITED", e.memberCount());
                }
                case "household.returned.v1": {
                    var e = read(event, HouseholdReturnedV1.class);
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), null, "REGISTERED", e.memberCount());
                }
                case "household.removed.v1": {
                    var e = read(event, HouseholdRemovedV1.class);
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), null, "REMOVED", e.memberCount());
                }
                case "household.monitoring-started.v1": {
                    var e = read(event, HouseholdMonitoringStartedV1.class);
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), null, null, e.memberCount());
                }
                case "household.monitoring-ended.v1": {
                    var e = read(event, HouseholdMonitoringEndedV1.class);
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), null, null, null);
                }
                case "household.cadre-assigned.v1": {
                    var e = read(event, HouseholdCadreAssignedV1.class);
                    return ReplicaUpdate.of(id(e.householdId()), v, region(e.regionCode()), null, null, null);
                }
                default:
                    return null; // a type newer than this version: nothing the replica keeps depends on it
            }
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw p;
            }
            throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(InboundEvent event, Class<T> type) throws JsonProcessingException {
        if (event.payload() == null) {
            throw new PoisonEventException(event.type() + " event " + event.id() + " without payload");
        }
        return json.readValue(event.payload(), type);
    }

    private static String id(String householdId) {
        try {
            return UUID.fromString(householdId).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("household id is not a UUID: " + householdId, e);
        }
    }

    private static String region(String regionCode) {
        if (!RegionCode.isValidCode(regionCode)) {
            throw new PoisonEventException("region code is not 12 digits: " + regionCode);
        }
        return regionCode;
    }
}
