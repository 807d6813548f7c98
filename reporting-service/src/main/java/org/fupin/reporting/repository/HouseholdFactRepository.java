package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

@ApplicationScoped
public class HouseholdFactRepository {

    @Inject
    EntityManager em;

    /** Inserts or replaces the fact, unless the stored version is already as new (a late or repeated event). */
    public void upsert(String householdId, String regionCode, int memberCount, String status, long version) {
        em.createNativeQuery("""
                        insert into household_fact (household_id, region_code, member_count, status, version, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, now())
                        on conflict (household_id) do update
                          set region_code = excluded.region_code, member_count = excluded.member_count,
                              status = excluded.status, version = excluded.version, updated_at = now()
                          where household_fact.version < excluded.version""")
                .setParameter(1, UUID.fromString(householdId)).setParameter(2, regionCode).setParameter(3, memberCount)
                .setParameter(4, status).setParameter(5, version)
                .executeUpdate();
    }

    public record Counts(long households, long persons) {
    }

    public Counts registered(String regionPrefix) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), coalesce(sum(member_count), 0) from household_fact
                        where region_code like ?1 and status = 'REGISTERED'""")
                .setParameter(1, regionPrefix + "%")
                .getSingleResult();
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
