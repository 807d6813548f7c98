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
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.platform.region.RegionCode;
import org.fupin.reporting.domain.HouseholdChange;
import org.fupin.reporting.domain.HouseholdFact;
import org.fupin.reporting.domain.PersonDuplication;
import org.fupin.reporting.domain.RollupDelta;
import org.fupin.reporting.repository.HouseholdFactRepository;
import org.fupin.reporting.repository.HouseholdRollupRepository;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies household events to the facts and the roll-ups, set-based; runs inside the inbox's transaction (which has
 * already deduplicated the event ids).
 * <ul>
 *   <li>The transitions are the domain's ({@link HouseholdFact#apply}): version guard (an event older than the stored
 *   version is a late replay and ignored; equal versions apply), only a registration creates a fact, events of a
 *   household without a fact are ignored, workflow steps and cadre assignments change no figure.</li>
 *   <li>A batch costs a fixed number of statements: the facts of its households are loaded and locked in one select,
 *   the events applied in list order in memory, the changed facts written in one upsert, the members of households
 *   whose members changed replaced in two statements, and the roll-up deltas (after − before, at every region level)
 *   added in one upsert per roll-up table, in key order.</li>
 *   <li>数据比对: for every person whose non-removed households change (members replaced, a household registered,
 *   removed, restored or moved to another region), the prefixes in which they are in several households are compared
 *   before and after; the persons are locked first (advisory locks by bucket) so two replicas changing households of
 *   one person are serialised.</li>
 *   <li>An event that breaks its contract (unreadable payload, household id that is no UUID, region code that is not
 *   12 digits) throws {@link PoisonEventException} before anything is written, so the inbox can isolate it.</li>
 * </ul>
 */
@ApplicationScoped
public class HouseholdProjection {

    private static final Logger LOG = Logger.getLogger(HouseholdProjection.class);

    @Inject
    ObjectMapper json;
    @Inject
    HouseholdFactRepository facts;
    @Inject
    HouseholdRollupRepository rollups;

    /** One event: {@link #applyAll} of it alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        applyAll(List.of(event));
    }

    /**
     * @param events deduplicated events in record order (per household in version order, replays aside)
     * @throws PoisonEventException when an event violates its contract; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<InboundEvent> events) {
        List<HouseholdChange> changes = new ArrayList<>(events.size());
        for (InboundEvent e : events) {
            HouseholdChange c = change(e);
            if (c != null) {
                changes.add(c);
            } else if (LOG.isDebugEnabled()) {
                LOG.debugf("event %s (%s) changes no figure", e.id(), e.type());
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        Set<UUID> ids = new TreeSet<>();
        changes.forEach(c -> ids.add(c.householdId()));
        Map<UUID, HouseholdFact> before = facts.lockFacts(ids);

        // decide, in memory, in event order
        Map<UUID, HouseholdFact> after = new HashMap<>(before);
        Map<UUID, List<String>> replacedPersons = new LinkedHashMap<>();
        for (HouseholdChange c : changes) {
            HouseholdFact.Applied applied = HouseholdFact.apply(after.get(c.householdId()), c);
            if (applied == null) {
                LOG.debugf("household %s: version %d not applied (no fact, or older than the stored one)", c.householdId(), c.version());
                continue;
            }
            after.put(c.householdId(), applied.fact());
            if (applied.persons() != null) {
                replacedPersons.put(c.householdId(), applied.persons());
            }
        }
        List<HouseholdFact> changed = new ArrayList<>();
        RollupDelta delta = new RollupDelta();
        for (UUID id : ids) {
            HouseholdFact was = before.get(id);
            HouseholdFact is = after.get(id);
            if (is != null && !is.equals(was)) {
                changed.add(is);
                delta.add(was, is);
            }
        }
        Map<String, Long> quality = dataQuality(ids, before, after, replacedPersons);

        facts.save(changed);
        facts.replacePersons(replacedPersons);
        rollups.add(delta.changes());
        rollups.addDataQuality(quality);
    }

    /** The change of persons in several households per prefix; reads the persons' households before anything is written. */
    private Map<String, Long> dataQuality(Set<UUID> ids, Map<UUID, HouseholdFact> before, Map<UUID, HouseholdFact> after,
                                          Map<UUID, List<String>> replacedPersons) {
        // households whose membership counts differently now: members replaced, or (non-removed, region) changed
        List<UUID> moved = new ArrayList<>();
        for (UUID id : ids) {
            if (replacedPersons.containsKey(id) || !Objects.equals(membership(before.get(id)), membership(after.get(id)))) {
                moved.add(id);
            }
        }
        if (moved.isEmpty()) {
            return Map.of();
        }
        List<UUID> existing = moved.stream().filter(before::containsKey).toList();
        Map<UUID, List<String>> storedPersons = facts.personsOf(existing);
        Set<String> touched = new TreeSet<>();
        for (UUID id : moved) {
            touched.addAll(storedPersons.getOrDefault(id, List.of()));
            touched.addAll(replacedPersons.getOrDefault(id, List.of()));
        }
        if (touched.isEmpty()) {
            return Map.of();
        }
        facts.lockPersons(touched);
        Map<String, Map<UUID, String>> was = facts.householdsOfPersons(touched);
        Map<String, Map<UUID, String>> is = new HashMap<>();
        for (String p : touched) {
            is.put(p, new LinkedHashMap<>(was.getOrDefault(p, Map.of())));
        }
        for (UUID id : moved) {
            for (String p : storedPersons.getOrDefault(id, List.of())) {
                is.get(p).remove(id);
            }
            HouseholdFact f = after.get(id);
            if (f != null && f.holdsMembers()) {
                for (String p : replacedPersons.containsKey(id) ? replacedPersons.get(id) : storedPersons.getOrDefault(id, List.of())) {
                    is.get(p).put(id, f.regionCode());
                }
            }
        }
        PersonDuplication duplication = new PersonDuplication();
        for (String p : touched) {
            duplication.add(was.getOrDefault(p, Map.of()), is.get(p));
        }
        return duplication.changes();
    }

    /** What a household's membership counts as: its region when its members count (not removed), else nothing. */
    private static String membership(HouseholdFact f) {
        return f == null || !f.holdsMembers() ? null : f.regionCode();
    }

    /** The event as a change of a fact, null for a type that changes no figure. */
    private HouseholdChange change(InboundEvent event) {
        long v = event.aggregateVersion();
        try {
            switch (event.type()) {
                case "household.registered.v1": {
                    var e = read(event, HouseholdRegisteredV1.class);
                    return new HouseholdChange.Registered(id(e.householdId()), region(e.regionCode()), v, e.memberCount(),
                            e.identificationYear(), e.householdType(), e.personIds() == null ? List.of() : e.personIds());
                }
                case "household.updated.v1": {
                    var e = read(event, HouseholdUpdatedV1.class);
                    return new HouseholdChange.Updated(id(e.householdId()), region(e.regionCode()), v, e.memberCount(), e.householdType(),
                            e.personIds() == null ? List.of() : e.personIds());
                }
                case "household.exited.v1": {
                    var e = read(event, HouseholdExitedV1.class);
                    return new HouseholdChange.Exited(id(e.householdId()), region(e.regionCode()), v, e.memberCount(), e.exitYear());
                }
                case "household.returned.v1": {
                    var e = read(event, HouseholdReturnedV1.class);
                    return new HouseholdChange.Returned(id(e.householdId()), region(e.regionCode()), v, e.memberCount(), e.returnYear());
                }
                case "household.removed.v1": {
                    var e = read(event, HouseholdRemovedV1.class);
                    if (e.removedAt() == null) {
                        throw new PoisonEventException("household.removed.v1 event " + event.id() + " without removedAt");
                    }
                    return HouseholdChange.Removed.at(id(e.householdId()), region(e.regionCode()), v, e.memberCount(), e.removedAt());
                }
                case "household.monitoring-started.v1": {
                    var e = read(event, HouseholdMonitoringStartedV1.class);
                    return new HouseholdChange.MonitoringStarted(id(e.householdId()), region(e.regionCode()), v, e.memberCount());
                }
                case "household.monitoring-ended.v1": {
                    var e = read(event, HouseholdMonitoringEndedV1.class);
                    return new HouseholdChange.MonitoringEnded(id(e.householdId()), region(e.regionCode()), v);
                }
                default:
                    // workflow-step-taken, cadre-assigned, and types newer than this version: no figure depends on them
                    return null;
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

    private static UUID id(String householdId) {
        try {
            return UUID.fromString(householdId);
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
