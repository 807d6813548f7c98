package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fupin.fund.domain.FundProject;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * fund-service's replica of the project library ({@code project_replica} + {@code project_replica_budget}), read as the
 * fund domain's {@link FundProject} (or as the whole stored snapshot). A cancelled project stays, with
 * {@link FundProject#cancelled()}. Written only by the project events consumer, set-based
 * ({@link #apply}); every read goes to the database (scalar rows, never a cached entity), so a row locked by
 * {@link #lockById} is read as it stands once the lock is held.
 */
@ApplicationScoped
public class ProjectReplicaRepository implements PanacheRepositoryBase<ProjectReplica, UUID> {

    private static final String COLUMNS = "id, project_code, region_code, category, project_year, batch, stage, stage_date, "
            + "effective_date, version";

    /** The project, if its events arrived. */
    public Optional<FundProject> byId(UUID id) {
        return snapshot(id).map(ProjectReplicaRecord::toDomain);
    }

    /** The projects with these ids, by id; unknown ids are left out. One array parameter, whatever the number of ids. */
    public Map<UUID, FundProject> byIds(Collection<UUID> ids) {
        Map<UUID, FundProject> out = new LinkedHashMap<>();
        snapshots(ids).forEach((id, p) -> out.put(id, p.toDomain()));
        return out;
    }

    /**
     * The project, its row locked until the transaction ends ({@code select … for update}): the consumer cannot replace
     * its snapshot or budget split meanwhile (it updates this row before it touches the split), so an allocation checked
     * against it stays within the budget it read. Lock several projects in id order to avoid deadlocks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FundProject> lockById(UUID id) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(select("id = ?1", id, true).get(id)).map(ProjectReplicaRecord::toDomain);
    }

    /** The whole stored snapshot (with batch, stage date, business date and version), if the project's events arrived. */
    public Optional<ProjectReplicaRecord> snapshot(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(select("id = ?1", id, false).get(id));
    }

    /** The whole stored snapshots of these projects, by id; unknown ids are left out. */
    public Map<UUID, ProjectReplicaRecord> snapshots(Collection<UUID> ids) {
        UUID[] distinct = ids.stream().filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        return distinct.length == 0 ? Map.of() : select("id = any(cast(?1 as uuid[]))", distinct, false);
    }

    private Map<UUID, ProjectReplicaRecord> select(String where, Object parameter, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select " + COLUMNS + " from project_replica where " + where
                        + " order by id" + (forUpdate ? " for update" : ""))
                .setParameter(1, parameter)
                .getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        UUID[] found = rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
        Map<UUID, Map<String, BigDecimal>> budgets = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> amounts = getEntityManager().createNativeQuery(
                        "select project_id, fund_source, amount from project_replica_budget where project_id = any(cast(?1 as uuid[]))")
                .setParameter(1, found)
                .getResultList();
        for (Object[] a : amounts) {
            budgets.computeIfAbsent((UUID) a[0], k -> new HashMap<>()).put((String) a[1], (BigDecimal) a[2]);
        }
        Map<UUID, ProjectReplicaRecord> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            out.put(id, new ProjectReplicaRecord(id, (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    (String) r[5], (String) r[6], date(r[7]), budgets.getOrDefault(id, Map.of()), date(r[8]),
                    ((Number) r[9]).longValue()));
        }
        return out;
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((Date) value).toLocalDate();
    }

    /**
     * Stores the snapshots (at most one per project) where they are not older than the stored ones, in three statements
     * and in id order: the rows are upserted with the version guard (an older snapshot changes nothing; an equal one
     * rewrites the same values), then the budget split of exactly the rows written is replaced. The upsert takes each
     * row's lock before its split is touched, which is what {@link #lockById} relies on.
     */
    public void apply(Collection<ProjectReplicaRecord> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        List<ProjectReplicaRecord> sorted = snapshots.stream().sorted(Comparator.comparing(ProjectReplicaRecord::id)).toList();
        int n = sorted.size();
        UUID[] ids = new UUID[n];
        String[] codes = new String[n];
        String[] regions = new String[n];
        String[] categories = new String[n];
        Integer[] years = new Integer[n];
        String[] batches = new String[n];
        String[] stages = new String[n];
        String[] stageDates = new String[n];
        String[] totals = new String[n];
        String[] effectiveDates = new String[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            ProjectReplicaRecord p = sorted.get(i);
            ids[i] = p.id();
            codes[i] = p.projectCode();
            regions[i] = p.regionCode();
            categories[i] = p.category();
            years[i] = p.projectYear();
            batches[i] = p.batch();
            stages[i] = p.stage();
            stageDates[i] = p.stageDate() == null ? null : p.stageDate().toString();
            totals[i] = p.budgetTotal().toPlainString();
            effectiveDates[i] = p.effectiveDate() == null ? null : p.effectiveDate().toString();
            versions[i] = p.version();
        }
        // dates and amounts travel as text and are cast by PostgreSQL: exact, and no driver-specific array types
        @SuppressWarnings("unchecked")
        List<UUID> written = getEntityManager().createNativeQuery("""
                        insert into project_replica as r (id, project_code, region_code, category, project_year, batch, stage,
                               stage_date, budget_total, effective_date, version, updated_at)
                        select t.id, t.code, t.region, t.category, t.year, t.batch, t.stage, cast(t.stage_date as date),
                               cast(t.total as numeric), cast(t.effective_date as date), t.version, now()
                        from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                                    cast(?5 as integer[]), cast(?6 as varchar[]), cast(?7 as varchar[]), cast(?8 as varchar[]),
                                    cast(?9 as varchar[]), cast(?10 as varchar[]), cast(?11 as bigint[]))
                             as t(id, code, region, category, year, batch, stage, stage_date, total, effective_date, version)
                        on conflict (id) do update set
                          project_code   = excluded.project_code,
                          region_code    = excluded.region_code,
                          category       = excluded.category,
                          project_year   = excluded.project_year,
                          batch          = excluded.batch,
                          stage          = excluded.stage,
                          stage_date     = excluded.stage_date,
                          budget_total   = excluded.budget_total,
                          effective_date = excluded.effective_date,
                          version        = excluded.version,
                          updated_at     = now()
                        where excluded.version >= r.version
                        returning r.id""")
                .setParameter(1, ids).setParameter(2, codes).setParameter(3, regions).setParameter(4, categories)
                .setParameter(5, years).setParameter(6, batches).setParameter(7, stages).setParameter(8, stageDates)
                .setParameter(9, totals).setParameter(10, effectiveDates).setParameter(11, versions)
                .getResultList();
        if (written.isEmpty()) {
            return;
        }
        UUID[] replaced = written.toArray(UUID[]::new);
        getEntityManager().createNativeQuery("delete from project_replica_budget where project_id = any(cast(?1 as uuid[]))")
                .setParameter(1, replaced)
                .executeUpdate();
        Set<UUID> isWritten = Set.copyOf(written);
        List<UUID> budgetIds = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (ProjectReplicaRecord p : sorted) {
            if (isWritten.contains(p.id())) {
                p.budget().forEach((source, amount) -> {
                    budgetIds.add(p.id());
                    sources.add(source);
                    amounts.add(amount.toPlainString());
                });
            }
        }
        if (budgetIds.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                        insert into project_replica_budget (project_id, fund_source, amount)
                        select t.id, t.source, cast(t.amount as numeric)
                        from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as varchar[])) as t(id, source, amount)""")
                .setParameter(1, budgetIds.toArray(UUID[]::new))
                .setParameter(2, sources.toArray(String[]::new))
                .setParameter(3, amounts.toArray(String[]::new))
                .executeUpdate();
    }
}
