package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fupin.rectification.domain.HouseholdFacts;
import org.fupin.rectification.domain.LinkRules;
import org.fupin.rectification.domain.SystemCheckRule;
import org.fupin.rectification.domain.SystemCheckThresholds;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.fupin.rectification.repository.ProjectReplicaRcRepository.date;
import static org.fupin.rectification.repository.ProjectReplicaRcRepository.text;

/**
 * The household replica ({@code household_replica_rc}): written set-based by the household consumer, read as the system
 * check's {@link HouseholdFacts} and as {@link LinkRules.Known} for links.
 */
@ApplicationScoped
public class HouseholdReplicaRcRepository implements PanacheRepositoryBase<HouseholdReplicaRc, UUID> {

    /**
     * Merges the updates (at most one per household) into the stored rows, in id order, in one statement, with the rule of
     * {@link HouseholdReplicaRcUpdate#merge}: per field group the newer version wins, so arrival order and replays do
     * not matter. Every row touched is marked check-pending.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Collection<HouseholdReplicaRcUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<HouseholdReplicaRcUpdate> sorted = updates.stream().sorted(Comparator.comparing(HouseholdReplicaRcUpdate::id)).toList();
        getEntityManager().createNativeQuery("""
                        insert into household_replica_rc as r (id, region_code, region_version, state, state_version,
                               registered_on, cadre_assigned_on, cadre_version, monitoring_started_on, monitoring_version,
                               last_measure_on, version, check_pending, updated_at)
                        select t.id, t.region, t.version, t.state, t.state_version, cast(t.registered as date),
                               cast(t.cadre as date), t.cadre_version, cast(t.monitoring as date), t.monitoring_version,
                               cast(t.measure as date), t.version, true, now()
                        from unnest(cast(?1 as uuid[]), cast(?2 as bigint[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                                    cast(?5 as bigint[]), cast(?6 as varchar[]), cast(?7 as varchar[]), cast(?8 as bigint[]),
                                    cast(?9 as varchar[]), cast(?10 as bigint[]), cast(?11 as varchar[]))
                             as t(id, version, region, state, state_version, registered, cadre, cadre_version, monitoring,
                                  monitoring_version, measure)
                        on conflict (id) do update set
                          region_code           = case when excluded.region_version >= r.region_version
                                                       then excluded.region_code else r.region_code end,
                          region_version        = greatest(r.region_version, excluded.region_version),
                          state                 = case when excluded.state_version > 0 and excluded.state_version >= r.state_version
                                                       then excluded.state else r.state end,
                          state_version         = greatest(r.state_version, excluded.state_version),
                          registered_on         = least(r.registered_on, excluded.registered_on),
                          cadre_assigned_on     = case when excluded.cadre_version > 0 and excluded.cadre_version >= r.cadre_version
                                                       then excluded.cadre_assigned_on else r.cadre_assigned_on end,
                          cadre_version         = greatest(r.cadre_version, excluded.cadre_version),
                          monitoring_started_on = case when excluded.monitoring_version > 0
                                                            and excluded.monitoring_version >= r.monitoring_version
                                                       then excluded.monitoring_started_on else r.monitoring_started_on end,
                          monitoring_version    = greatest(r.monitoring_version, excluded.monitoring_version),
                          last_measure_on       = greatest(r.last_measure_on, excluded.last_measure_on),
                          version               = greatest(r.version, excluded.version),
                          check_pending         = true,
                          updated_at            = now()""")
                .setParameter(1, sorted.stream().map(HouseholdReplicaRcUpdate::id).toArray(UUID[]::new))
                .setParameter(2, sorted.stream().map(HouseholdReplicaRcUpdate::version).toArray(Long[]::new))
                .setParameter(3, sorted.stream().map(HouseholdReplicaRcUpdate::regionCode).toArray(String[]::new))
                .setParameter(4, sorted.stream().map(HouseholdReplicaRcUpdate::state).toArray(String[]::new))
                .setParameter(5, sorted.stream().map(HouseholdReplicaRcUpdate::stateVersion).toArray(Long[]::new))
                .setParameter(6, sorted.stream().map(u -> text(u.registeredOn())).toArray(String[]::new))
                .setParameter(7, sorted.stream().map(u -> text(u.cadreAssignedOn())).toArray(String[]::new))
                .setParameter(8, sorted.stream().map(HouseholdReplicaRcUpdate::cadreVersion).toArray(Long[]::new))
                .setParameter(9, sorted.stream().map(u -> text(u.monitoringStartedOn())).toArray(String[]::new))
                .setParameter(10, sorted.stream().map(HouseholdReplicaRcUpdate::monitoringVersion).toArray(Long[]::new))
                .setParameter(11, sorted.stream().map(u -> text(u.lastMeasureOn())).toArray(String[]::new))
                .executeUpdate();
    }

    /**
     * Locks, skipping rows another transaction holds, up to {@code limit} households due for a check on {@code today}:
     * those an event changed since their last check, and — once a day — those for which a time rule may hold (the SQL
     * only narrows; {@code SystemChecks} decides). Restricted to {@code ids} when given; after {@code after} in id order when given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> claimDue(LocalDate today, SystemCheckThresholds t, Collection<UUID> ids, UUID after, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = getEntityManager().createNativeQuery("""
                        select h.id from household_replica_rc h
                        where %s and %s
                          and (h.check_pending
                               or ((h.checked_on is null or h.checked_on < cast(?2 as date)) and (
                                     (?3 and h.state in ('REGISTERED', 'EXITED') and h.cadre_assigned_on is null
                                      and h.registered_on <= cast(?2 as date) - ?4)
                                  or (?5 and h.monitoring_started_on is not null and h.state is distinct from 'REMOVED'
                                      and (h.last_measure_on is null or h.last_measure_on < h.monitoring_started_on)
                                      and h.monitoring_started_on <= cast(?2 as date) - ?6))))
                        order by h.id
                        limit ?7
                        for update of h skip locked""".formatted(
                        ids == null ? "cast(?1 as varchar) is not null" : "h.id = any(cast(?1 as uuid[]))",
                        after == null ? "cast(?8 as varchar) is not null" : "h.id > cast(?8 as uuid)"))
                .setParameter(1, ids == null ? "all" : ids.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new))
                .setParameter(2, today.toString())
                .setParameter(3, t.isEnabled(SystemCheckRule.HOUSEHOLD_WITHOUT_CADRE))
                .setParameter(4, t.cadreDays())
                .setParameter(5, t.isEnabled(SystemCheckRule.MONITORED_WITHOUT_MEASURE))
                .setParameter(6, t.measureDays())
                .setParameter(7, limit)
                .setParameter(8, after == null ? "all" : after)
                .getResultList();
        return claimed;
    }

    /** The households' facts as the system-check rules read them; unknown ids left out. */
    public Map<UUID, HouseholdFacts> facts(Collection<UUID> ids) {
        UUID[] distinct = ids.stream().filter(Objects::nonNull).distinct().sorted().toArray(UUID[]::new);
        Map<UUID, HouseholdFacts> out = new LinkedHashMap<>();
        if (distinct.length == 0) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select id, region_code, state, registered_on, cadre_assigned_on, monitoring_started_on, last_measure_on
                        from household_replica_rc where id = any(cast(?1 as uuid[])) order by id""")
                .setParameter(1, distinct)
                .getResultList();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            out.put(id, new HouseholdFacts(id.toString(), (String) r[1], (String) r[2], date(r[3]), date(r[4]), date(r[5]),
                    date(r[6])));
        }
        return out;
    }

    /** The checked households are no longer pending; checked on {@code today}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markChecked(Collection<UUID> ids, LocalDate today) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery(
                        "update household_replica_rc set check_pending = false, checked_on = cast(?2 as date) where id = any(cast(?1 as uuid[]))")
                .setParameter(1, ids.toArray(UUID[]::new))
                .setParameter(2, today.toString())
                .executeUpdate();
    }

    /** The households known to the replica, with their regions, for the link check ({@link LinkRules}). */
    public Map<String, LinkRules.Known> known(Collection<UUID> ids) {
        UUID[] distinct = ids.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        Map<String, LinkRules.Known> out = new LinkedHashMap<>();
        if (distinct.length == 0) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select id, region_code from household_replica_rc where id = any(cast(?1 as uuid[]))")
                .setParameter(1, distinct)
                .getResultList();
        for (Object[] r : rows) {
            out.put(r[0].toString(), new LinkRules.Known(r[0].toString(), (String) r[1]));
        }
        return out;
    }
}
