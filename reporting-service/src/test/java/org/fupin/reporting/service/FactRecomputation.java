package org.fupin.reporting.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;

/**
 * The figures as reporting-service computed them before the roll-ups (V2): aggregated over the fact table per request.
 * The reference the roll-ups are compared with.
 */
final class FactRecomputation {
    private FactRecomputation() {
    }

    static final List<String> FIGURES = List.of("registered", "exited", "returned", "removed", "remaining", "monitored");

    /** households and persons per figure, in {@link #FIGURES} order: {h0, p0, h1, p1, ...}. */
    static long[] figures(EntityManager em, String regionPrefix, Integer year) {
        String registered = "status in ('REGISTERED', 'EXITED')" + inYear("identification_year", year);
        String exited = "status = 'EXITED'" + inYear("exit_year", year);
        String returned = "return_count > 0" + inYear("last_return_year", year);
        String removed = "status = 'REMOVED'" + inYear("removed_year", year);
        String remaining = "status = 'REGISTERED'";
        String monitored = "monitored and status <> 'REMOVED'";
        StringBuilder sql = new StringBuilder("select ");
        List<String> conditions = List.of(registered, exited, returned, removed, remaining, monitored);
        for (int i = 0; i < conditions.size(); i++) {
            String c = conditions.get(i);
            sql.append(i == 0 ? "" : ", ")
                    .append("count(*) filter (where ").append(c).append("), ")
                    .append("coalesce(sum(member_count) filter (where ").append(c).append("), 0)");
        }
        sql.append(" from household_fact where region_code like ?1");
        Query q = em.createNativeQuery(sql.toString()).setParameter(1, regionPrefix + "%");
        if (year != null) {
            q.setParameter(2, year);
        }
        Object[] row = (Object[]) q.getSingleResult();
        long[] out = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = ((Number) row[i]).longValue();
        }
        return out;
    }

    private static String inYear(String column, Integer year) {
        return year == null ? "" : " and " + column + " = ?2";
    }

    static long personsInSeveralHouseholds(EntityManager em, String regionPrefix) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from (
                          select p.person_id from household_person p join household_fact f on f.household_id = p.household_id
                          where f.region_code like ?1 and f.status <> 'REMOVED'
                          group by p.person_id having count(*) > 1) several""")
                .setParameter(1, regionPrefix + "%")
                .getSingleResult()).longValue();
    }
}
