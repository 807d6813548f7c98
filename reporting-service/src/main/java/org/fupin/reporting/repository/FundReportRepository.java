package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.fupin.reporting.domain.FundFigures;
import org.fupin.reporting.domain.FundFigures.Filter;
import org.fupin.reporting.domain.FundFigures.GroupBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fund figures' sums in one statement per report, the same sums as {@link FundFigures} computes in memory (the
 * reference its tests compare with):
 * <ol>
 *   <li>the candidate projects: any version, or any money, inside the region prefix (so the exact filter after choosing
 *   each project's point needs no scan of the rest);</li>
 *   <li>each candidate's point as of the day (newest version valid on it; now: newest version), and those that pass the
 *   filter (region, year, category, batch);</li>
 *   <li>the money per project × source × region as of the day: the yearly sums before the day's year, that year's monthly
 *   sums before the day's month and that month's entries up to the day (a year's or month's last day needs no finer
 *   level; now: every year);</li>
 *   <li>the contributions, as {@code FundFigures} has them: each passing project once (without a source filter), its
 *   budget per source, and the money, under its project's point when the project is known on the day, else under the
 *   region the events carry (only without a year, category or batch filter);</li>
 *   <li>per group and in total (grouping sets: the total computed, not summed): distinct live projects, their budget,
 *   distinct live projects under construction or further, their budget (implemented amount), and the money.</li>
 * </ol>
 * Only fixed SQL text is concatenated; every value is a parameter.
 */
@ApplicationScoped
public class FundReportRepository {

    @Inject
    EntityManager em;

    /** The sums of one group or of the total. */
    public record Sums(long projects, BigDecimal budget, long implementedProjects, BigDecimal implemented,
                       BigDecimal allocated, BigDecimal disbursed, BigDecimal reimbursed) {
        public FundFigures.Figures figures() {
            return FundFigures.figures(projects, budget, implementedProjects, implemented, allocated, disbursed, reimbursed);
        }
    }

    /**
     * @param groups the sums per group key as the database cut it (REGION: the code cut to {@code childLength}), in no order;
     *               empty without grouping
     */
    public record Result(Map<String, Sums> groups, Sums total) {
    }

    /**
     * @param filter      region prefix (already checked against the caller's scope), year, category, batch, source
     * @param day         as of the end of this day; null = now
     * @param groupBy     null for the total only
     * @param childLength for {@link GroupBy#REGION}: the length the region codes are cut to
     */
    public Result sums(Filter filter, LocalDate day, GroupBy groupBy, int childLength) {
        List<Object> params = new ArrayList<>();
        String prefix = param(params, filter.regionPrefix() == null ? "" : filter.regionPrefix());
        String source = filter.source() == null ? null : param(params, filter.source());
        boolean needsProject = filter.year() != null || filter.category() != null || filter.batch() != null;

        StringBuilder pointFilter = new StringBuilder("pt.region_code like " + prefix + " || '%'");
        if (filter.year() != null) {
            pointFilter.append(" and pt.project_year = ").append(param(params, filter.year()));
        }
        if (filter.category() != null) {
            pointFilter.append(" and pt.category = ").append(param(params, filter.category()));
        }
        if (filter.batch() != null) {
            pointFilter.append(" and pt.batch = ").append(param(params, filter.batch()));
        }

        String pointsAsOf = "";
        String sourceOfMoney = source == null ? "" : " and fund_source = " + source;
        String columns = "select project_id, fund_source, region_code, allocated, disbursed, reimbursed from ";
        String mine = " where project_id in (select project_id from cand)" + sourceOfMoney;
        String money;
        if (day == null) {
            money = columns + "fund_year" + mine;
        } else {
            // years before the day's year, its months before the day's month, its entries up to the day
            String d = param(params, day);
            pointsAsOf = " and p.valid_from <= cast(" + d + " as date)";
            boolean yearEnd = day.getMonthValue() == 12 && day.getDayOfMonth() == 31;
            boolean monthEnd = day.equals(day.with(TemporalAdjusters.lastDayOfMonth()));
            money = columns + "fund_year" + mine + " and year " + (yearEnd ? "<=" : "<") + " " + param(params, day.getYear());
            if (!yearEnd) {
                String month = param(params, day.withDayOfMonth(1));
                money += " union all " + columns + "fund_month" + mine
                        + " and month >= cast(" + param(params, day.withDayOfYear(1)) + " as date)"
                        + " and month " + (monthEnd ? "<=" : "<") + " cast(" + month + " as date)";
                if (!monthEnd) {
                    money += " union all " + columns + "fund_fact" + mine
                            + " and entry_date >= cast(" + month + " as date) and entry_date <= cast(" + d + " as date)";
                }
            }
        }

        String presence = source != null ? "" : """
                select pt.project_id, cast(null as varchar) as fund_source, pt.region_code, pt.project_year, pt.category,
                       pt.batch, pt.stage, cast(0 as numeric) as budget, cast(0 as numeric) as a, cast(0 as numeric) as d,
                       cast(0 as numeric) as r
                from ptf pt
                union all
                """;
        String sql = """
                with cand as materialized (
                  select project_id from project_point where region_code like %1$s || '%%'
                  union
                  select project_id from fund_project where region_code like %1$s || '%%'),
                pt as materialized (
                  select distinct on (p.project_id) p.project_id, p.version, p.region_code, p.project_year, p.category, p.batch, p.stage
                  from project_point p
                  where p.project_id in (select project_id from cand)%2$s
                  order by p.project_id, p.version desc),
                ptf as materialized (
                  select * from pt where %3$s),
                money as (
                  select m.project_id, m.fund_source, m.region_code, sum(m.allocated) as a, sum(m.disbursed) as d,
                         sum(m.reimbursed) as r
                  from (%4$s) m group by 1, 2, 3),
                contributions as (
                  %5$sselect pt.project_id, b.fund_source, pt.region_code, pt.project_year, pt.category, pt.batch, pt.stage,
                         b.amount as budget, cast(0 as numeric) as a, cast(0 as numeric) as d, cast(0 as numeric) as r
                  from ptf pt join project_point_budget b on b.project_id = pt.project_id and b.version = pt.version%6$s
                  union all
                  select m.project_id, m.fund_source, coalesce(pt.region_code, m.region_code), pt.project_year, pt.category,
                         pt.batch, pt.stage, cast(0 as numeric), m.a, m.d, m.r
                  from money m left join pt on pt.project_id = m.project_id left join ptf on ptf.project_id = m.project_id
                  where pt.project_id is null and %7$s and m.region_code like %1$s || '%%'
                     or ptf.project_id is not null),
                keyed as (
                  select %8$s as k, project_id, budget, a, d, r,
                         stage is not null and stage <> 'CANCELLED' as live,
                         stage in ('UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED') as started
                  from contributions c)
                select k, grouping(k) as is_total,
                       count(distinct project_id) filter (where live),
                       coalesce(sum(budget) filter (where live), 0),
                       count(distinct project_id) filter (where live and started),
                       coalesce(sum(budget) filter (where live and started), 0),
                       coalesce(sum(a), 0), coalesce(sum(d), 0), coalesce(sum(r), 0)
                from keyed group by grouping sets ((k), ())"""
                .formatted(prefix, pointsAsOf, pointFilter, money, presence,
                        source == null ? "" : " where b.fund_source = " + source,
                        needsProject ? "false" : "true", key(groupBy, childLength));
        Map<String, Sums> groups = new LinkedHashMap<>();
        Sums total = null;
        for (Object[] r : rows(sql, params)) {
            Sums s = new Sums(((Number) r[2]).longValue(), (BigDecimal) r[3], ((Number) r[4]).longValue(), (BigDecimal) r[5],
                    (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8]);
            if (((Number) r[1]).intValue() == 1) {
                total = s;
            } else if (r[0] != null) { // grouped by source: a project's presence without any source is in the total only
                groups.put((String) r[0], s);
            }
        }
        return new Result(groups, total);
    }

    private static String key(GroupBy groupBy, int childLength) {
        if (groupBy == null) {
            return "cast(null as varchar)";
        }
        return switch (groupBy) {
            case YEAR -> "coalesce(cast(c.project_year as varchar), '" + FundFigures.UNKNOWN + "')";
            case CATEGORY -> "coalesce(c.category, '" + FundFigures.UNKNOWN + "')";
            case BATCH -> "coalesce(c.batch, '" + FundFigures.UNKNOWN + "')";
            case SOURCE -> "c.fund_source";
            case REGION -> "left(c.region_code, " + childLength + ")"; // an int from the domain, never caller text
        };
    }

    /** Adds a parameter; returns its placeholder. */
    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
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
