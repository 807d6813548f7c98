package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.fupin.reporting.domain.ProjectFigures;
import org.fupin.reporting.domain.ProjectGrouping;
import org.fupin.reporting.domain.ProjectReportFilter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project figures' sums, aggregated in the database and grouped by the dimension asked for: three statements
 * whatever the number of projects (per group and stage; per group and fund source; distinct beneficiary households per
 * group and in total, joined with the household facts at query time). The formulas are the
 * domain's ({@link ProjectFigures.Sums}); this class only sums.
 */
@ApplicationScoped
public class ProjectReportRepository {

    @Inject
    EntityManager em;

    /**
     * @param groups the sums per group key (null key = projects without a category or batch); empty without grouping
     * @param total  the sums over every project in scope
     */
    public record Result(Map<String, ProjectFigures.Sums> groups, ProjectFigures.Sums total) {
    }

    /**
     * @param prefix      the region prefix (already checked against the caller's scope)
     * @param grouping    null for the total only
     * @param childLength for {@link ProjectGrouping#REGION}: the prefix length of the groups
     */
    public Result sums(String prefix, ProjectReportFilter filter, ProjectGrouping grouping, int childLength) {
        List<Object> params = new ArrayList<>();
        String where = where(prefix, filter, params);
        String g = groupExpression(grouping, childLength);
        Map<String, ProjectFigures.Sums> groups = new HashMap<>();
        ProjectFigures.Sums total = new ProjectFigures.Sums();

        for (Object[] r : rows("""
                select %s, p.stage, count(*), count(*) filter (where p.incomplete), sum(p.budget_total),
                       sum(p.investment_completed), sum(p.budget_total * coalesce(p.physical_progress, 0))
                from project_fact p where %s group by 1, 2""".formatted(g, where), params)) {
            String stage = (String) r[1];
            long projects = ((Number) r[2]).longValue();
            long incomplete = ((Number) r[3]).longValue();
            BigDecimal budget = (BigDecimal) r[4];
            BigDecimal investment = (BigDecimal) r[5];
            BigDecimal weighted = (BigDecimal) r[6];
            if (grouping != null) {
                group(groups, r[0]).add(stage, projects, incomplete, budget, investment, weighted);
            }
            total.add(stage, projects, incomplete, budget, investment, weighted);
        }
        for (Object[] r : rows("""
                select %s, b.fund_source, sum(b.amount)
                from project_budget b join project_fact p on p.project_id = b.project_id
                where %s and p.stage <> 'CANCELLED' group by 1, 2""".formatted(g, where), params)) {
            if (grouping != null) {
                group(groups, r[0]).addSource((String) r[1], (BigDecimal) r[2]);
            }
            total.addSource((String) r[1], (BigDecimal) r[2]);
        }
        // distinct (group, household) pairs of the known, non-removed households, joined once: the groups' counts and
        // the total's (each household once, whatever the groups it is in) from the same pairs
        for (Object[] r : rows("""
                with pairs as materialized (
                  select distinct %s as g, l.household_id, h.member_count
                  from project_beneficiary l
                  join project_fact p on p.project_id = l.project_id
                  join household_fact h on h.household_id = l.household_id and h.status <> 'REMOVED'
                  where %s and p.stage <> 'CANCELLED')
                select g, count(*), coalesce(sum(member_count), 0), false from pairs group by g
                union all
                select null, count(*), coalesce(sum(member_count), 0), true
                from (select distinct household_id, member_count from pairs) t""".formatted(g, where), params)) {
            long households = ((Number) r[1]).longValue();
            long persons = ((Number) r[2]).longValue();
            if ((Boolean) r[3]) {
                total.beneficiaries(households, persons);
            } else if (grouping != null) {
                group(groups, r[0]).beneficiaries(households, persons);
            }
        }
        return new Result(groups, total);
    }

    private static ProjectFigures.Sums group(Map<String, ProjectFigures.Sums> groups, Object key) {
        return groups.computeIfAbsent(key == null ? null : key.toString(), k -> new ProjectFigures.Sums());
    }

    /** The row filter; appends its parameters. Only fixed SQL text is concatenated, every value is a parameter. */
    private static String where(String prefix, ProjectReportFilter filter, List<Object> params) {
        StringBuilder w = new StringBuilder();
        params.add(prefix);
        w.append("p.region_code like ?").append(params.size()).append(" || '%'");
        if (filter.year() != null) {
            params.add(filter.year());
            w.append(" and p.project_year = ?").append(params.size());
        }
        if (filter.category() != null) {
            params.add(filter.category());
            w.append(" and p.category = ?").append(params.size());
        }
        if (filter.batch() != null) {
            params.add(filter.batch());
            w.append(" and p.batch = ?").append(params.size());
        }
        return w.toString();
    }

    private static String groupExpression(ProjectGrouping grouping, int childLength) {
        if (grouping == null) {
            return "cast(null as varchar)";
        }
        return switch (grouping) {
            case YEAR -> "cast(p.project_year as varchar)";
            case CATEGORY -> "p.category";
            case STAGE -> "p.stage";
            case BATCH -> "p.batch";
            case REGION -> "left(p.region_code, " + childLength + ")"; // an int from the domain, never caller text
        };
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q.getResultList();
    }
}
