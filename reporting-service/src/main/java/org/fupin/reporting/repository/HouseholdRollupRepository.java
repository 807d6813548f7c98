package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.reporting.domain.HouseholdFact;
import org.fupin.reporting.domain.HouseholdFigure;
import org.fupin.reporting.domain.RollupDelta;
import org.fupin.reporting.domain.RollupMismatch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The roll-ups ({@code household_rollup}, {@code data_quality_rollup}, migration V3): counters per region prefix at
 * every level, figure and year, changed by the projection's deltas in the facts' transaction and read by the reports.
 * Deltas are upserted in key order in one statement ({@code households = households + delta}), so concurrent batches
 * commute and never deadlock on the counters.
 */
@ApplicationScoped
public class HouseholdRollupRepository {

    @Inject
    EntityManager em;

    public record Counts(long households, long persons) {
        static final Counts NONE = new Counts(0, 0);
    }

    /** Every household figure of a region prefix; the year-bound ones restricted to {@code year} when it is given. */
    public record Figures(Counts registered, Counts exited, Counts returned, Counts removed, Counts remaining, Counts monitored) {
    }

    /** Adds the deltas to the counters (one statement, in key order). */
    public void add(List<RollupDelta.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] prefixes = new String[n];
        String[] figures = new String[n];
        Integer[] years = new Integer[n];
        Long[] households = new Long[n];
        Long[] persons = new Long[n];
        for (int i = 0; i < n; i++) {
            RollupDelta.Change c = changes.get(i);
            prefixes[i] = c.key().regionPrefix();
            figures[i] = c.key().figure().key();
            years[i] = c.key().year();
            households[i] = c.households();
            persons[i] = c.persons();
        }
        em.createNativeQuery("""
                        insert into household_rollup as r (region_prefix, figure, year, households, persons)
                        select * from unnest(cast(?1 as varchar[]), cast(?2 as varchar[]), cast(?3 as integer[]),
                                             cast(?4 as bigint[]), cast(?5 as bigint[])) as t(region_prefix, figure, year, households, persons)
                        order by region_prefix, figure, year
                        on conflict (region_prefix, figure, year) do update
                          set households = r.households + excluded.households, persons = r.persons + excluded.persons""")
                .setParameter(1, prefixes).setParameter(2, figures).setParameter(3, years)
                .setParameter(4, households).setParameter(5, persons)
                .executeUpdate();
    }

    /** Adds the changes of persons in several households per prefix (one statement, in prefix order). */
    public void addDataQuality(Map<String, Long> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into data_quality_rollup as r (region_prefix, persons_in_several_households)
                        select * from unnest(cast(?1 as varchar[]), cast(?2 as bigint[])) as t(region_prefix, delta)
                        order by region_prefix
                        on conflict (region_prefix) do update
                          set persons_in_several_households = r.persons_in_several_households + excluded.persons_in_several_households""")
                .setParameter(1, changes.keySet().toArray(String[]::new))
                .setParameter(2, changes.values().toArray(Long[]::new))
                .executeUpdate();
    }

    /** The six figures of a prefix: at most eleven rows by primary key (all years, and the year when given). */
    public Figures figures(String regionPrefix, Integer year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select figure, year, households, persons from household_rollup
                        where region_prefix = ?1 and year in (?2, ?3)""")
                .setParameter(1, regionPrefix)
                .setParameter(2, HouseholdFact.ALL_YEARS)
                .setParameter(3, year == null ? HouseholdFact.ALL_YEARS : year)
                .getResultList();
        Map<HouseholdFigure, Counts> counts = new EnumMap<>(HouseholdFigure.class);
        for (Object[] r : rows) {
            HouseholdFigure figure = HouseholdFigure.ofKey((String) r[0]);
            int rowYear = ((Number) r[1]).intValue();
            // a year-bound figure for a year reads that year's row; the others (and "all years") read year 0
            int wanted = figure.yearBound() && year != null ? year : HouseholdFact.ALL_YEARS;
            if (rowYear == wanted) {
                counts.put(figure, new Counts(((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
            }
        }
        return new Figures(get(counts, HouseholdFigure.REGISTERED), get(counts, HouseholdFigure.EXITED),
                get(counts, HouseholdFigure.RETURNED), get(counts, HouseholdFigure.REMOVED), get(counts, HouseholdFigure.REMAINING),
                get(counts, HouseholdFigure.MONITORED));
    }

    private static Counts get(Map<HouseholdFigure, Counts> counts, HouseholdFigure figure) {
        return counts.getOrDefault(figure, Counts.NONE);
    }

    /**
     * The prefixes one level below {@code parent} that have (had) households: every such prefix has a 'registered'
     * counter of all years (partial index of V7); a household registered at the parent itself is no child.
     */
    public List<String> knownChildren(String parent, int childLength) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                        select region_prefix from household_rollup
                        where figure = 'registered' and year = 0 and region_prefix like ?1 and length(region_prefix) = ?2
                          and region_prefix <> ?3
                        order by region_prefix""")
                .setParameter(1, parent + "%").setParameter(2, childLength)
                .setParameter(3, (parent + "000000000000").substring(0, childLength))
                .getResultList();
        return rows;
    }

    /** The years with a year-bound counter of the prefix, ascending. */
    public List<Integer> years(String regionPrefix) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("""
                        select distinct year from household_rollup where region_prefix = ?1 and year <> ?2 order by year""")
                .setParameter(1, regionPrefix).setParameter(2, HouseholdFact.ALL_YEARS)
                .getResultList();
        return rows.stream().map(Number::intValue).toList();
    }

    /** 数据比对: person ids in more than one non-removed household inside the prefix (one row by primary key). */
    public long personsInSeveralHouseholds(String regionPrefix) {
        List<?> rows = em.createNativeQuery("select persons_in_several_households from data_quality_rollup where region_prefix = ?1")
                .setParameter(1, regionPrefix)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }


    /**
     * Recomputes the roll-ups of every prefix inside {@code scope} from the facts (the migration's
     * {@code household_rollup_recomputed} and {@code data_quality_rollup_recomputed}) and compares them with the counters;
     * a missing counter is 0. Each comparison is one statement, so it sees one snapshot of facts and counters.
     *
     * @return the mismatches, by prefix, figure, year and measure; empty when the roll-ups are consistent
     */
    public List<RollupMismatch> check(String scope) {
        List<RollupMismatch> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select coalesce(e.region_prefix, r.region_prefix), coalesce(e.figure, r.figure), coalesce(e.year, r.year),
                               coalesce(e.households, 0), coalesce(r.households, 0), coalesce(e.persons, 0), coalesce(r.persons, 0)
                        from household_rollup_recomputed(?1) e
                        full join (select * from household_rollup where region_prefix like ?2) r
                          on r.region_prefix = e.region_prefix and r.figure = e.figure and r.year = e.year
                        where coalesce(e.households, 0) <> coalesce(r.households, 0) or coalesce(e.persons, 0) <> coalesce(r.persons, 0)
                        order by 1, 2, 3""")
                .setParameter(1, scope).setParameter(2, scope + "%")
                .getResultList();
        for (Object[] r : rows) {
            String prefix = (String) r[0];
            String figure = (String) r[1];
            int y = ((Number) r[2]).intValue();
            Integer year = y == HouseholdFact.ALL_YEARS ? null : y;
            long[] v = {((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue()};
            if (v[0] != v[1]) {
                out.add(new RollupMismatch(prefix, figure, year, "households", v[0], v[1]));
            }
            if (v[2] != v[3]) {
                out.add(new RollupMismatch(prefix, figure, year, "persons", v[2], v[3]));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> quality = em.createNativeQuery("""
                        select coalesce(e.region_prefix, r.region_prefix), coalesce(e.persons_in_several_households, 0),
                               coalesce(r.persons_in_several_households, 0)
                        from data_quality_rollup_recomputed(?1) e
                        full join (select * from data_quality_rollup where region_prefix like ?2) r on r.region_prefix = e.region_prefix
                        where coalesce(e.persons_in_several_households, 0) <> coalesce(r.persons_in_several_households, 0)
                        order by 1""")
                .setParameter(1, scope).setParameter(2, scope + "%")
                .getResultList();
        for (Object[] r : quality) {
            out.add(new RollupMismatch((String) r[0], "dataQuality", null, "personsInSeveralHouseholds",
                    ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return out;
    }
}
