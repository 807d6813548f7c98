package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registered population per region, keyed by the 12-digit zero-padded code of the region the figure is for. */
@ApplicationScoped
public class RegionPopulationRepository {

    @Inject
    EntityManager em;

    public record Row(String regionCode, long population, Integer year, OffsetDateTime updatedAt, String updatedBy) {
    }

    /** Inserts or replaces the figure of one region (the year too: a new load replaces the figure entirely). */
    public void upsert(String regionCode, long population, Integer year, String actor) {
        em.createNativeQuery("""
                        insert into region_population (region_code, population, year, updated_at, updated_by)
                        values (?1, ?2, cast(?3 as integer), now(), ?4)
                        on conflict (region_code) do update
                          set population = excluded.population, year = excluded.year,
                              updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter(1, regionCode).setParameter(2, population).setParameter(3, year).setParameter(4, actor)
                .executeUpdate();
    }

    /** Figures of the regions inside the prefix (the prefix's own included), by region code. */
    public List<Row> inside(String regionPrefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select region_code, population, year, updated_at, updated_by from region_population
                        where region_code like ?1 order by region_code""")
                .setParameter(1, regionPrefix + "%")
                .getResultList();
        return rows.stream().map(r -> new Row((String) r[0], ((Number) r[1]).longValue(),
                r[2] == null ? null : ((Number) r[2]).intValue(), toOffset(r[3]), (String) r[4])).toList();
    }

    /** The figure loaded for exactly this region, if any. */
    public Long population(String regionCode) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select population from region_population where region_code = ?1")
                .setParameter(1, regionCode)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0).longValue();
    }

    /** Population by region code, for the regions inside the prefix. */
    public Map<String, Long> populationsInside(String regionPrefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select region_code, population from region_population where region_code like ?1")
                .setParameter(1, regionPrefix + "%")
                .getResultList();
        Map<String, Long> byCode = new LinkedHashMap<>();
        rows.forEach(r -> byCode.put((String) r[0], ((Number) r[1]).longValue()));
        return byCode;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }
}
