package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.reporting.domain.ProjectSnapshot;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The newest snapshot per project ({@code project_fact}), its budget split ({@code project_budget}) and beneficiary
 * households ({@code project_beneficiary}), read and written set-based: a batch of events costs a fixed number of
 * statements whatever its size. The decision (which snapshot is newest) is the domain's ({@link ProjectSnapshot#merge}).
 */
@ApplicationScoped
public class ProjectFactRepository {

    @Inject
    EntityManager em;

    /** The stored projects, locked ({@code for update}, in id order), with their budgets and households; absent ones left out. */
    public Map<UUID, ProjectSnapshot> lock(Collection<UUID> projectIds) {
        Map<UUID, ProjectSnapshot> out = new HashMap<>();
        if (projectIds.isEmpty()) {
            return out;
        }
        UUID[] ids = projectIds.toArray(UUID[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select project_id, project_code, region_code, category, project_year, batch, stage, cast(stage_date as varchar),
                               cast(physical_progress as varchar), cast(investment_completed as varchar),
                               array_to_string(missing_fields, ','), cast(effective_date as varchar), version, beneficiaries_version
                        from project_fact where project_id = any(cast(?1 as uuid[]))
                        order by project_id for update""")
                .setParameter(1, ids)
                .getResultList();
        if (rows.isEmpty()) {
            return out;
        }
        Map<UUID, Map<String, BigDecimal>> budgets = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> budgetRows = em.createNativeQuery("""
                        select project_id, fund_source, cast(amount as varchar) from project_budget
                        where project_id = any(cast(?1 as uuid[]))""")
                .setParameter(1, ids)
                .getResultList();
        for (Object[] r : budgetRows) {
            budgets.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put((String) r[1], new BigDecimal((String) r[2]));
        }
        Map<UUID, Set<UUID>> households = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> linkRows = em.createNativeQuery("""
                        select project_id, household_id from project_beneficiary where project_id = any(cast(?1 as uuid[]))""")
                .setParameter(1, ids)
                .getResultList();
        for (Object[] r : linkRows) {
            households.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add((UUID) r[1]);
        }
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            String missing = (String) r[10];
            out.put(id, new ProjectSnapshot(id, (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    (String) r[5], (String) r[6], date(r[7]), budgets.getOrDefault(id, Map.of()), decimal(r[8]), decimal(r[9]),
                    missing == null || missing.isEmpty() ? List.of() : Arrays.asList(missing.split(",")), date(r[11]),
                    ((Number) r[12]).longValue(), households.getOrDefault(id, Set.of()), ((Number) r[13]).longValue()));
        }
        return out;
    }

    /**
     * Inserts or replaces the projects (one statement) and their budget splits (two); the households of those in
     * {@code listsReplaced} are replaced too (two statements).
     */
    public void save(Collection<ProjectSnapshot> projects, Set<UUID> listsReplaced) {
        if (projects.isEmpty()) {
            return;
        }
        List<ProjectSnapshot> sorted = projects.stream().sorted(Comparator.comparing(ProjectSnapshot::projectId)).toList();
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
        String[] progress = new String[n];
        String[] investments = new String[n];
        Boolean[] incomplete = new Boolean[n];
        String[] missing = new String[n];
        String[] effective = new String[n];
        Long[] versions = new Long[n];
        Long[] listVersions = new Long[n];
        List<UUID> budgetProjects = new ArrayList<>();
        List<String> budgetSources = new ArrayList<>();
        List<String> budgetAmounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ProjectSnapshot p = sorted.get(i);
            ids[i] = p.projectId();
            codes[i] = p.projectCode();
            regions[i] = p.regionCode();
            categories[i] = p.category();
            years[i] = p.projectYear();
            batches[i] = p.batch();
            stages[i] = p.stage();
            stageDates[i] = text(p.stageDate());
            totals[i] = p.budgetTotal().toPlainString();
            progress[i] = p.physicalProgress() == null ? null : p.physicalProgress().toPlainString();
            investments[i] = p.investmentCompleted().toPlainString();
            incomplete[i] = p.incomplete();
            missing[i] = String.join(",", p.missingFields());
            effective[i] = text(p.effectiveDate());
            versions[i] = p.version();
            listVersions[i] = p.beneficiariesVersion();
            p.budget().forEach((source, amount) -> {
                budgetProjects.add(p.projectId());
                budgetSources.add(source);
                budgetAmounts.add(amount.toPlainString());
            });
        }
        em.createNativeQuery("""
                        insert into project_fact (project_id, project_code, region_code, category, project_year, batch, stage,
                               stage_date, budget_total, physical_progress, investment_completed, incomplete, missing_fields,
                               effective_date, version, beneficiaries_version, updated_at)
                        select t.id, t.code, t.region, t.category, t.year, t.batch, t.stage, cast(t.stage_date as date),
                               cast(t.total as numeric), cast(t.progress as numeric), cast(t.investment as numeric), t.incomplete,
                               coalesce(cast(string_to_array(nullif(t.missing, ''), ',') as varchar[]), cast('{}' as varchar[])),
                               cast(t.effective as date),
                               t.version, t.list_version, now()
                        from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                                    cast(?5 as integer[]), cast(?6 as varchar[]), cast(?7 as varchar[]), cast(?8 as varchar[]),
                                    cast(?9 as varchar[]), cast(?10 as varchar[]), cast(?11 as varchar[]), cast(?12 as boolean[]),
                                    cast(?13 as varchar[]), cast(?14 as varchar[]), cast(?15 as bigint[]), cast(?16 as bigint[]))
                             as t(id, code, region, category, year, batch, stage, stage_date, total, progress, investment,
                                  incomplete, missing, effective, version, list_version)
                        on conflict (project_id) do update
                          set project_code = excluded.project_code, region_code = excluded.region_code,
                              category = excluded.category, project_year = excluded.project_year, batch = excluded.batch,
                              stage = excluded.stage, stage_date = excluded.stage_date, budget_total = excluded.budget_total,
                              physical_progress = excluded.physical_progress, investment_completed = excluded.investment_completed,
                              incomplete = excluded.incomplete, missing_fields = excluded.missing_fields,
                              effective_date = excluded.effective_date, version = excluded.version,
                              beneficiaries_version = excluded.beneficiaries_version, updated_at = excluded.updated_at""")
                .setParameter(1, ids).setParameter(2, codes).setParameter(3, regions).setParameter(4, categories)
                .setParameter(5, years).setParameter(6, batches).setParameter(7, stages).setParameter(8, stageDates)
                .setParameter(9, totals).setParameter(10, progress).setParameter(11, investments).setParameter(12, incomplete)
                .setParameter(13, missing).setParameter(14, effective).setParameter(15, versions).setParameter(16, listVersions)
                .executeUpdate();
        em.createNativeQuery("delete from project_budget where project_id = any(cast(?1 as uuid[]))")
                .setParameter(1, ids)
                .executeUpdate();
        if (!budgetProjects.isEmpty()) {
            em.createNativeQuery("""
                            insert into project_budget (project_id, fund_source, amount)
                            select t.id, t.source, cast(t.amount as numeric)
                            from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as varchar[])) as t(id, source, amount)""")
                    .setParameter(1, budgetProjects.toArray(UUID[]::new))
                    .setParameter(2, budgetSources.toArray(String[]::new))
                    .setParameter(3, budgetAmounts.toArray(String[]::new))
                    .executeUpdate();
        }
        replaceHouseholds(sorted.stream().filter(p -> listsReplaced.contains(p.projectId())).toList());
    }

    private void replaceHouseholds(List<ProjectSnapshot> projects) {
        if (projects.isEmpty()) {
            return;
        }
        em.createNativeQuery("delete from project_beneficiary where project_id = any(cast(?1 as uuid[]))")
                .setParameter(1, projects.stream().map(ProjectSnapshot::projectId).toArray(UUID[]::new))
                .executeUpdate();
        List<UUID> owners = new ArrayList<>();
        List<UUID> households = new ArrayList<>();
        for (ProjectSnapshot p : projects) {
            for (UUID h : p.householdIds()) {
                owners.add(p.projectId());
                households.add(h);
            }
        }
        if (!households.isEmpty()) {
            em.createNativeQuery("""
                            insert into project_beneficiary (project_id, household_id)
                            select * from unnest(cast(?1 as uuid[]), cast(?2 as uuid[]))""")
                    .setParameter(1, owners.toArray(UUID[]::new))
                    .setParameter(2, households.toArray(UUID[]::new))
                    .executeUpdate();
        }
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
