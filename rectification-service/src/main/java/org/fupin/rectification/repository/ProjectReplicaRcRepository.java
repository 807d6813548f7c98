package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fupin.platform.money.Money;
import org.fupin.rectification.domain.LinkRules;
import org.fupin.rectification.domain.ProjectFacts;
import org.fupin.rectification.domain.SystemCheckRule;
import org.fupin.rectification.domain.SystemCheckThresholds;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The project replica ({@code project_replica_rc}) and the reimbursement entries of the projects' fund ledgers
 * ({@code fund_entry_rc}): written set-based by the consumers, read as the system check's {@link ProjectFacts} and as
 * {@link LinkRules.Known} for links.
 */
@ApplicationScoped
public class ProjectReplicaRcRepository implements PanacheRepositoryBase<ProjectReplicaRc, UUID> {

    private static final String FACTS = """
            select p.id, p.region_code, p.entered_on, p.stage, p.missing_fields, p.planned_end_date,
                   coalesce(p.completed_on, case when p.stage = 'ACCEPTED' then p.stage_date end), p.budget_total,
                   coalesce((select sum(f.reimbursed_delta) from fund_entry_rc f where f.project_id = p.id), 0)
            from project_replica_rc p""";

    /**
     * Stores the updates (at most one per project), in id order, in one statement: per column the newer version wins
     * (an older snapshot changes nothing, an equal one rewrites the same values); the entry date is the earliest told,
     * the completion date the one of the newest COMPLETED snapshot told. Every row touched is marked check-pending.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Collection<ProjectReplicaRcUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<ProjectReplicaRcUpdate> sorted = updates.stream().sorted(Comparator.comparing(ProjectReplicaRcUpdate::id)).toList();
        int n = sorted.size();
        UUID[] ids = new UUID[n];
        String[] codes = new String[n];
        String[] regions = new String[n];
        String[] stages = new String[n];
        String[] stageDates = new String[n];
        String[] entered = new String[n];
        String[] completed = new String[n];
        String[] missing = new String[n];
        String[] starts = new String[n];
        String[] ends = new String[n];
        String[] totals = new String[n];
        String[] effective = new String[n];
        Long[] versions = new Long[n];
        Boolean[] told = new Boolean[n];
        for (int i = 0; i < n; i++) {
            ProjectReplicaRcUpdate p = sorted.get(i);
            ids[i] = p.id();
            codes[i] = p.projectCode();
            regions[i] = p.regionCode();
            stages[i] = p.stage();
            stageDates[i] = text(p.stageDate());
            entered[i] = text(p.enteredOn());
            completed[i] = text(p.completedOn());
            missing[i] = String.join(",", p.missingFields()); // field names: [A-Za-z]+, no commas
            starts[i] = text(p.plannedStartDate());
            ends[i] = text(p.plannedEndDate());
            totals[i] = p.budgetTotal().toPlainString();
            effective[i] = text(p.effectiveDate());
            versions[i] = p.version();
            told[i] = p.plannedTold();
        }
        // dates and amounts travel as text and are cast by PostgreSQL: exact, and no driver-specific array types
        getEntityManager().createNativeQuery("""
                        insert into project_replica_rc as r (id, project_code, region_code, stage, stage_date, entered_on,
                               completed_on, missing_fields, planned_start_date, planned_end_date, budget_total,
                               effective_date, version, check_pending, updated_at)
                        select t.id, t.code, t.region, t.stage, cast(t.stage_date as date), cast(t.entered as date),
                               cast(t.completed as date), string_to_array(t.missing, ','),
                               -- an event that does not tell the planned dates keeps the stored ones
                               case when t.told then cast(t.start_date as date)
                                    else (select x.planned_start_date from project_replica_rc x where x.id = t.id) end,
                               case when t.told then cast(t.end_date as date)
                                    else (select x.planned_end_date from project_replica_rc x where x.id = t.id) end,
                               cast(t.total as numeric), cast(t.effective as date), t.version,
                               true, now()
                        from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                                    cast(?5 as varchar[]), cast(?6 as varchar[]), cast(?7 as varchar[]), cast(?8 as varchar[]),
                                    cast(?9 as varchar[]), cast(?10 as varchar[]), cast(?11 as varchar[]),
                                    cast(?12 as varchar[]), cast(?13 as bigint[]), cast(?14 as boolean[]))
                             as t(id, code, region, stage, stage_date, entered, completed, missing, start_date, end_date,
                                  total, effective, version, told)
                        on conflict (id) do update set
                          project_code       = case when excluded.version >= r.version then excluded.project_code else r.project_code end,
                          region_code        = case when excluded.version >= r.version then excluded.region_code else r.region_code end,
                          stage              = case when excluded.version >= r.version then excluded.stage else r.stage end,
                          stage_date         = case when excluded.version >= r.version then excluded.stage_date else r.stage_date end,
                          missing_fields     = case when excluded.version >= r.version then excluded.missing_fields else r.missing_fields end,
                          planned_start_date = case when excluded.version >= r.version then excluded.planned_start_date else r.planned_start_date end,
                          planned_end_date   = case when excluded.version >= r.version then excluded.planned_end_date else r.planned_end_date end,
                          budget_total       = case when excluded.version >= r.version then excluded.budget_total else r.budget_total end,
                          effective_date     = case when excluded.version >= r.version then excluded.effective_date else r.effective_date end,
                          entered_on         = least(r.entered_on, excluded.entered_on),
                          completed_on       = case when excluded.completed_on is not null and excluded.version >= r.version
                                                    then excluded.completed_on
                                                    else coalesce(r.completed_on, excluded.completed_on) end,
                          version            = greatest(r.version, excluded.version),
                          check_pending      = true,
                          updated_at         = now()""")
                .setParameter(1, ids).setParameter(2, codes).setParameter(3, regions).setParameter(4, stages)
                .setParameter(5, stageDates).setParameter(6, entered).setParameter(7, completed).setParameter(8, missing)
                .setParameter(9, starts).setParameter(10, ends).setParameter(11, totals).setParameter(12, effective)
                .setParameter(13, versions).setParameter(14, told)
                .executeUpdate();
    }

    /** One reimbursement entry (报账 +, 红字冲销 −) of a project's ledger, as a fund event tells it. */
    public record FundEntry(UUID entryId, UUID projectId, String kind, BigDecimal reimbursedDelta, LocalDate effectiveDate) {
    }

    /**
     * Keeps the entries not yet kept (by entry id: a replay or a second delivery adds nothing) and marks their projects
     * check-pending (those already in the replica; a project arriving later is checked then, with its money).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addFundEntries(Collection<FundEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<FundEntry> sorted = entries.stream().sorted(Comparator.comparing(FundEntry::entryId)).toList();
        @SuppressWarnings("unchecked")
        List<UUID> projects = getEntityManager().createNativeQuery("""
                        insert into fund_entry_rc (entry_id, project_id, kind, reimbursed_delta, effective_date)
                        select t.entry_id, t.project_id, t.kind, cast(t.delta as numeric), cast(t.effective as date)
                        from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                                    cast(?5 as varchar[])) as t(entry_id, project_id, kind, delta, effective)
                        on conflict (entry_id) do nothing
                        returning project_id""")
                .setParameter(1, sorted.stream().map(FundEntry::entryId).toArray(UUID[]::new))
                .setParameter(2, sorted.stream().map(FundEntry::projectId).toArray(UUID[]::new))
                .setParameter(3, sorted.stream().map(FundEntry::kind).toArray(String[]::new))
                .setParameter(4, sorted.stream().map(e -> e.reimbursedDelta().toPlainString()).toArray(String[]::new))
                .setParameter(5, sorted.stream().map(e -> text(e.effectiveDate())).toArray(String[]::new))
                .getResultList();
        if (projects.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                        update project_replica_rc set check_pending = true, updated_at = now()
                        where id in (select id from project_replica_rc where id = any(cast(?1 as uuid[])) order by id for update)""")
                .setParameter(1, projects.stream().distinct().sorted().toArray(UUID[]::new))
                .executeUpdate();
    }

    /**
     * Locks, skipping rows another transaction holds, up to {@code limit} projects due for a check on {@code today}: those
     * an event changed since their last check, and — once a day — those for which a time rule may hold (the SQL only
     * narrows; {@code SystemChecks} decides). Restricted to {@code ids} when given; after {@code after} in id order when given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> claimDue(LocalDate today, SystemCheckThresholds t, Collection<UUID> ids, UUID after, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = getEntityManager().createNativeQuery("""
                        select p.id from project_replica_rc p
                        where %s and %s
                          and (p.check_pending
                               or ((p.checked_on is null or p.checked_on < cast(?2 as date)) and p.stage <> 'CANCELLED' and (
                                     (?3 and cardinality(p.missing_fields) > 0 and p.entered_on <= cast(?2 as date) - ?4)
                                  or (?5 and p.stage not in ('COMPLETED', 'ACCEPTED') and p.planned_end_date < cast(?2 as date) - ?6)
                                  or (?7 and p.stage in ('COMPLETED', 'ACCEPTED') and p.budget_total > 0
                                      and coalesce(p.completed_on, p.stage_date) < cast(?2 as date) - ?8
                                      and coalesce((select sum(f.reimbursed_delta) from fund_entry_rc f where f.project_id = p.id), 0) * 100
                                          < cast(?9 as numeric) * p.budget_total))))
                        order by p.id
                        limit ?10
                        for update of p skip locked""".formatted(
                        ids == null ? "cast(?1 as varchar) is not null" : "p.id = any(cast(?1 as uuid[]))",
                        after == null ? "cast(?11 as varchar) is not null" : "p.id > cast(?11 as uuid)"))
                .setParameter(1, ids == null ? "all" : ids.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new))
                .setParameter(2, today.toString())
                .setParameter(3, t.isEnabled(SystemCheckRule.PROJECT_INCOMPLETE))
                .setParameter(4, t.projectIncompleteDays())
                .setParameter(5, t.isEnabled(SystemCheckRule.PROJECT_OVERDUE))
                .setParameter(6, t.projectOverdueGraceDays())
                .setParameter(7, t.isEnabled(SystemCheckRule.PROJECT_REIMBURSEMENT_LOW))
                .setParameter(8, t.reimbursementAfterDays())
                .setParameter(9, t.reimbursementMinPercent().toPlainString())
                .setParameter(10, limit)
                .setParameter(11, after == null ? "all" : after)
                .getResultList();
        return claimed;
    }

    /** The projects' facts as the system-check rules read them, with their reimbursed sums; unknown ids left out. */
    public Map<UUID, ProjectFacts> facts(Collection<UUID> ids) {
        UUID[] distinct = ids.stream().filter(Objects::nonNull).distinct().sorted().toArray(UUID[]::new);
        Map<UUID, ProjectFacts> out = new LinkedHashMap<>();
        if (distinct.length == 0) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(FACTS + " where p.id = any(cast(?1 as uuid[])) order by p.id")
                .setParameter(1, distinct)
                .getResultList();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            out.put(id, new ProjectFacts(id.toString(), (String) r[1], date(r[2]), (String) r[3], strings(r[4]), date(r[5]),
                    date(r[6]), new Money((BigDecimal) r[7]), new Money((BigDecimal) r[8])));
        }
        return out;
    }

    /** The checked projects are no longer pending; checked on {@code today}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markChecked(Collection<UUID> ids, LocalDate today) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery(
                        "update project_replica_rc set check_pending = false, checked_on = cast(?2 as date) where id = any(cast(?1 as uuid[]))")
                .setParameter(1, ids.toArray(UUID[]::new))
                .setParameter(2, today.toString())
                .executeUpdate();
    }

    /** The projects known to the replica, with their regions, for the link check ({@link LinkRules}). */
    public Map<String, LinkRules.Known> known(Collection<UUID> ids) {
        UUID[] distinct = ids.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        Map<String, LinkRules.Known> out = new LinkedHashMap<>();
        if (distinct.length == 0) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select id, region_code from project_replica_rc where id = any(cast(?1 as uuid[]))")
                .setParameter(1, distinct)
                .getResultList();
        for (Object[] r : rows) {
            out.put(r[0].toString(), new LinkRules.Known(r[0].toString(), (String) r[1]));
        }
        return out;
    }

    /** The reimbursed sum (报账, reversals deducted) of a project's ledger as the fund events told it. */
    public BigDecimal reimbursed(UUID projectId) {
        Object sum = getEntityManager()
                .createNativeQuery("select coalesce(sum(reimbursed_delta), 0) from fund_entry_rc where project_id = ?1")
                .setParameter(1, projectId)
                .getSingleResult();
        return (BigDecimal) sum;
    }

    static List<String> strings(Object array) {
        if (array == null) {
            return List.of();
        }
        if (array instanceof String[] s) {
            return Arrays.asList(s);
        }
        if (array instanceof Object[] o) {
            List<String> l = new ArrayList<>();
            for (Object x : o) {
                l.add(String.valueOf(x));
            }
            return l;
        }
        if (array instanceof java.sql.Array a) {
            try {
                return strings(a.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("not an array: " + array.getClass());
    }

    static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((Date) value).toLocalDate();
    }

    static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
