package org.fupin.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMonitoringEndedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdRemovedV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.reporting.repository.HouseholdFactRepository;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Applies household events to the facts; runs inside the inbox's transaction (which has already deduplicated the
 * event id).
 * <ul>
 *   <li>An event changes a fact only when its aggregate version ({@code ce_aggregateversion}) is not older than the
 *   stored one: events of one household arrive in order on one partition, so an older version is a late replay.
 *   Equal versions are applied: household-service emits the events of one change under one version (e.g.
 *   household.registered.v1 and household.monitoring-started.v1 when a registered household's income is near the
 *   line), and a strict "newer" rule would drop the second. Every effect is idempotent (a return is counted only from
 *   EXITED), so a repeated event changes nothing.</li>
 *   <li>Only registered households have a fact: {@code registered.v1} creates it; exits, returns, removals, updates and
 *   monitoring of a household without a fact (registered before this service listened, or never) are ignored, not
 *   failed.</li>
 *   <li>Workflow steps and cadre assignments change no figure and are ignored (the inbox still records them).</li>
 * </ul>
 */
@ApplicationScoped
public class HouseholdProjection {

    private static final Logger LOG = Logger.getLogger(HouseholdProjection.class);
    /** Removal years are counted in China's time zone: removed at 2021-01-01 01:00 Beijing time is a 2021 removal. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    ObjectMapper json;
    @Inject
    HouseholdFactRepository facts;

    /** The new events of a batch, in record order, inside the inbox's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<InboundEvent> events) {
        events.forEach(this::apply);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        long v = event.aggregateVersion();
        try {
            boolean applied = switch (event.type()) {
                case "household.registered.v1" -> {
                    var e = read(event, HouseholdRegisteredV1.class);
                    UUID id = id(e.householdId());
                    boolean written = facts.register(id, e.regionCode(), e.memberCount(), e.identificationYear(), e.householdType(), v);
                    if (written) {
                        facts.replacePersons(id, e.personIds());
                    }
                    yield written;
                }
                case "household.updated.v1" -> {
                    var e = read(event, HouseholdUpdatedV1.class);
                    UUID id = id(e.householdId());
                    boolean written = facts.update(id, e.regionCode(), e.memberCount(), e.householdType(), v);
                    if (written) {
                        facts.replacePersons(id, e.personIds());
                    }
                    yield written;
                }
                case "household.exited.v1" -> {
                    var e = read(event, HouseholdExitedV1.class);
                    yield facts.exit(id(e.householdId()), e.regionCode(), e.memberCount(), e.exitYear(), v);
                }
                case "household.returned.v1" -> {
                    var e = read(event, HouseholdReturnedV1.class);
                    yield facts.returnToPoverty(id(e.householdId()), e.regionCode(), e.memberCount(), e.returnYear(), v);
                }
                case "household.removed.v1" -> {
                    var e = read(event, HouseholdRemovedV1.class);
                    int year = e.removedAt().atZone(CHINA).getYear();
                    yield facts.remove(id(e.householdId()), e.regionCode(), e.memberCount(), year, v);
                }
                case "household.monitoring-started.v1" -> {
                    var e = read(event, HouseholdMonitoringStartedV1.class);
                    yield facts.startMonitoring(id(e.householdId()), e.regionCode(), e.memberCount(), v);
                }
                case "household.monitoring-ended.v1" -> {
                    var e = read(event, HouseholdMonitoringEndedV1.class);
                    yield facts.endMonitoring(id(e.householdId()), e.regionCode(), v);
                }
                // workflow-step-taken, cadre-assigned, and types newer than this version: no figure depends on them
                default -> false;
            };
            if (!applied) {
                LOG.debugf("event %s (%s, version %d) changed no fact", event.id(), event.type(), v);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + event.type() + " event " + event.id(), e);
        }
    }

    private <T> T read(InboundEvent event, Class<T> type) throws JsonProcessingException {
        return json.readValue(event.payload(), type);
    }

    private static UUID id(String householdId) {
        try {
            return UUID.fromString(householdId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("household id is not a UUID: " + householdId, e);
        }
    }
}
