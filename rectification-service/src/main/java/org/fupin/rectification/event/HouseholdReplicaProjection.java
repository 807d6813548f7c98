package org.fupin.rectification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.platform.region.RegionCode;
import org.fupin.rectification.repository.HouseholdReplicaRcRepository;
import org.fupin.rectification.repository.HouseholdReplicaRcUpdate;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.fupin.rectification.event.ProjectReplicaProjection.date;
import static org.fupin.rectification.event.ProjectReplicaProjection.text;
import static org.fupin.rectification.event.ProjectReplicaProjection.uuid;

/**
 * Applies household events to rectification-service's household replica, set-based, inside the inbox's transaction.
 * What each event tells (besides the region, which every event carries):
 * <ul>
 *   <li>household.registered.v1: state REGISTERED and the registration date (its business date);</li>
 *   <li>household.workflow-step-taken.v1: the state it leads to;</li>
 *   <li>household.exited.v1 / returned.v1 / removed.v1: state EXITED / REGISTERED / REMOVED;</li>
 *   <li>household.cadre-assigned.v1: a responsible cadre (帮扶责任人) since its business date;</li>
 *   <li>household.monitoring-started.v1 / monitoring-ended.v1: the current monitoring period's start / none;</li>
 *   <li>household.measure-added.v1: an assistance measure (帮扶措施) dated {@code measureDate}.</li>
 * </ul>
 * The events of a batch are folded per household ({@link HouseholdReplicaRcUpdate#merge}: per field group the newest
 * version), then merged into the stored rows with the same rule, so arrival order and replays do not matter. An event
 * that breaks its contract (unreadable, household id no UUID, region not 12 digits, a date missing) throws
 * {@link PoisonEventException} before anything is written. No personal data is read.
 */
@ApplicationScoped
public class HouseholdReplicaProjection {

    private static final Logger LOG = Logger.getLogger(HouseholdReplicaProjection.class);

    @Inject
    ObjectMapper json;
    @Inject
    HouseholdReplicaRcRepository replica;

    /**
     * @param events deduplicated events in record order
     * @return the households touched
     * @throws PoisonEventException when an event violates its contract; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> applyAll(List<InboundEvent> events) {
        Map<UUID, HouseholdReplicaRcUpdate> byHousehold = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            HouseholdReplicaRcUpdate u = update(e);
            if (u == null) {
                LOG.debugf("event %s (%s) tells the replica nothing", e.id(), e.type());
                continue;
            }
            byHousehold.merge(u.id(), u, HouseholdReplicaRcUpdate::merge);
        }
        replica.apply(byHousehold.values());
        return byHousehold.keySet();
    }

    private HouseholdReplicaRcUpdate update(InboundEvent event) {
        String type = event.type();
        if (!type.startsWith("household.")) {
            return null;
        }
        try {
            if (event.payload() == null) {
                throw new PoisonEventException(type + " event " + event.id() + " without payload");
            }
            if (event.aggregateVersion() < 1) {
                throw new PoisonEventException(type + " event " + event.id() + " without an aggregate version");
            }
            JsonNode n = json.readTree(event.payload());
            UUID id = uuid(text(n, "householdId"), "household id");
            String region = text(n, "regionCode");
            if (!RegionCode.isValidCode(region)) {
                throw new PoisonEventException("region code is not 12 digits: " + region);
            }
            HouseholdReplicaRcUpdate u = HouseholdReplicaRcUpdate.region(id, event.aggregateVersion(), region);
            return switch (type) {
                case "household.registered.v1" -> u.withState("REGISTERED").withRegisteredOn(required(event, n, "effectiveDate"));
                case "household.workflow-step-taken.v1" -> {
                    String to = text(n, "toState");
                    if (to == null || to.isBlank()) {
                        throw new PoisonEventException(type + " event " + event.id() + " without toState");
                    }
                    yield u.withState(to);
                }
                case "household.exited.v1" -> u.withState("EXITED");
                case "household.returned.v1" -> u.withState("REGISTERED");
                case "household.removed.v1" -> u.withState("REMOVED");
                case "household.cadre-assigned.v1" -> u.withCadreAssignedOn(required(event, n, "effectiveDate"));
                case "household.monitoring-started.v1" -> u.withMonitoringStartedOn(required(event, n, "effectiveDate"));
                case "household.monitoring-ended.v1" -> u.withMonitoringStartedOn(null);
                case "household.measure-added.v1" -> u.withMeasureOn(required(event, n, "measureDate"));
                case "household.updated.v1" -> u;
                default -> null; // a type newer than this version: nothing the replica keeps depends on it
            };
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw p;
            }
            throw new PoisonEventException("malformed " + type + " event " + event.id() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static LocalDate required(InboundEvent event, JsonNode n, String field) {
        LocalDate d = date(n, field);
        if (d == null) {
            throw new PoisonEventException(event.type() + " event " + event.id() + " without " + field);
        }
        return d;
    }
}
