package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.reporting.domain.RegionNameBatch;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Region names ({@code region_name}, migration V7), keyed by the 12-digit zero-padded code. */
@ApplicationScoped
public class RegionNameRepository {

    @Inject
    EntityManager em;

    /** A region below a parent: its prefix and its name, null when none is loaded. */
    public record Child(String prefix, String name) {
    }

    /** Inserts or replaces the names (one statement, in code order). */
    public void upsert(List<RegionNameBatch.Entry> entries, String actor) {
        int n = entries.size();
        String[] codes = new String[n];
        String[] prefixes = new String[n];
        String[] levels = new String[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            RegionNameBatch.Entry e = entries.get(i);
            codes[i] = e.code();
            prefixes[i] = e.prefix();
            levels[i] = e.level();
            names[i] = e.name();
        }
        em.createNativeQuery("""
                        insert into region_name (region_code, region_prefix, level, name, updated_at, updated_by)
                        select t.region_code, t.region_prefix, t.level, t.name, now(), ?5
                        from unnest(cast(?1 as varchar[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as varchar[]))
                             as t(region_code, region_prefix, level, name)
                        order by t.region_code
                        on conflict (region_code) do update
                          set name = excluded.name, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter(1, codes).setParameter(2, prefixes).setParameter(3, levels).setParameter(4, names)
                .setParameter(5, actor)
                .executeUpdate();
    }

    /** Names by prefix, for the prefixes given that have one. */
    public Map<String, String> names(Collection<String> prefixes) {
        Map<String, String> byPrefix = new HashMap<>();
        if (prefixes.isEmpty()) {
            return byPrefix;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select region_prefix, name from region_name where region_prefix = any(cast(?1 as varchar[]))")
                .setParameter(1, prefixes.toArray(String[]::new))
                .getResultList();
        rows.forEach(r -> byPrefix.put((String) r[0], (String) r[1]));
        return byPrefix;
    }

    /**
     * The regions one level below a prefix that are named or appear in the data (households, projects, fund money,
     * population figures), by prefix, with their names. A record at the parent itself (a code whose lower groups are
     * zeros) is no child.
     *
     * @param childLength the length of the children's prefixes (2, 4, 6, 9 or 12)
     */
    public List<Child> children(String parent, int childLength) {
        String own = (parent + "000000000000").substring(0, childLength); // the parent itself, padded to a child's length
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.prefix, n.name from (
                            select region_prefix as prefix from region_name
                              where region_prefix like ?1 and length(region_prefix) = ?2
                            union
                            select region_prefix from household_rollup
                              where figure = 'registered' and year = 0 and region_prefix like ?1 and length(region_prefix) = ?2
                            union
                            select distinct left(region_code, ?2) from project_fact where region_code like ?1
                            union
                            select distinct left(region_code, ?2) from fund_project where region_code like ?1
                            union
                            select distinct left(region_code, ?2) from region_population where region_code like ?1
                        ) c
                        left join region_name n on n.region_prefix = c.prefix
                        where c.prefix <> ?3 and length(c.prefix) = ?2
                        order by c.prefix""")
                .setParameter(1, parent + "%").setParameter(2, childLength).setParameter(3, own)
                .getResultList();
        return rows.stream().map(r -> new Child((String) r[0], (String) r[1])).toList();
    }
}
