package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fact per registered household. Every change is guarded by the aggregate version: a write happens only when the
 * event's version is not older than the stored one, so a late event changes nothing. Equal versions are applied because
 * household-service emits several events from one change under one version (registered + monitoring-started,
 * updated + monitoring-started), in order; every effect is idempotent, so a repeat of an event is harmless too.
 * Changes of a household that has no fact (not registered here) touch no row.
 */
@ApplicationScoped
public class HouseholdFactRepository {

    @Inject
    EntityManager em;

    /**
     * Inserts the fact of a registered household, or replaces the registration data of an existing one when the
     * event is newer.
     *
     * @return true when the row was written
     */
    public boolean register(UUID householdId, String regionCode, int memberCount, int identificationYear, String householdType,
                            long version) {
        return em.createNativeQuery("""
                        insert into household_fact (household_id, region_code, member_count, status, version, updated_at,
                                                    identification_year, household_type)
                        values (?1, ?2, ?3, 'REGISTERED', ?4, now(), ?5, ?6)
                        on conflict (household_id) do update
                          set region_code = excluded.region_code, member_count = excluded.member_count,
                              status = excluded.status, version = excluded.version, updated_at = now(),
                              identification_year = excluded.identification_year, household_type = excluded.household_type
                          where household_fact.version <= excluded.version""")
                .setParameter(1, householdId).setParameter(2, regionCode).setParameter(3, memberCount)
                .setParameter(4, version).setParameter(5, identificationYear).setParameter(6, householdType)
                .executeUpdate() > 0;
    }

    /** household.updated.v1: member count, type and region; the members themselves via {@link #replacePersons}. */
    public boolean update(UUID householdId, String regionCode, int memberCount, String householdType, long version) {
        return guarded("member_count = :members, household_type = :type", householdId, regionCode, version,
                Map.of("members", memberCount, "type", householdType));
    }

    public boolean exit(UUID householdId, String regionCode, int memberCount, int exitYear, long version) {
        return guarded("status = 'EXITED', member_count = :members, exit_year = :year", householdId, regionCode, version,
                Map.of("members", memberCount, "year", exitYear));
    }

    /** 返贫: poor again (REGISTERED); the exit year stays as history. A return is counted once, from EXITED. */
    public boolean returnToPoverty(UUID householdId, String regionCode, int memberCount, int returnYear, long version) {
        return guarded("return_count = return_count + case when status = 'EXITED' then 1 else 0 end, status = 'REGISTERED',"
                        + " member_count = :members, last_return_year = :year",
                householdId, regionCode, version, Map.of("members", memberCount, "year", returnYear));
    }

    public boolean remove(UUID householdId, String regionCode, int memberCount, int removedYear, long version) {
        return guarded("status = 'REMOVED', member_count = :members, removed_year = :year", householdId, regionCode, version,
                Map.of("members", memberCount, "year", removedYear));
    }

    public boolean startMonitoring(UUID householdId, String regionCode, int memberCount, long version) {
        return guarded("monitored = true, member_count = :members", householdId, regionCode, version, Map.of("members", memberCount));
    }

    public boolean endMonitoring(UUID householdId, String regionCode, long version) {
        return guarded("monitored = false", householdId, regionCode, version, Map.of());
    }

    /** Replaces the household's members wholesale. */
    public void replacePersons(UUID householdId, List<String> personIds) {
        em.createNativeQuery("delete from household_person where household_id = ?1").setParameter(1, householdId).executeUpdate();
        for (String personId : personIds == null ? List.<String>of() : personIds.stream().distinct().toList()) {
            em.createNativeQuery("insert into household_person (household_id, person_id) values (?1, ?2)")
                    .setParameter(1, householdId).setParameter(2, personId).executeUpdate();
        }
    }

    /** {@code update ... set <assignments> where household_id = :id and version <= :version}, with the given parameters. */
    private boolean guarded(String assignments, UUID householdId, String regionCode, long version, Map<String, Object> values) {
        Query q = em.createNativeQuery("update household_fact set " + assignments
                + ", region_code = :region, version = :version, updated_at = now() where household_id = :id and version <= :version");
        q.setParameter("id", householdId).setParameter("region", regionCode).setParameter("version", version);
        values.forEach(q::setParameter);
        return q.executeUpdate() > 0;
    }

    public record Counts(long households, long persons) {
    }

    /** Every household figure of a region prefix; the year-bound ones restricted to {@code year} when it is given. */
    public record Figures(Counts registered, Counts exited, Counts returned, Counts removed, Counts remaining, Counts monitored) {
    }

    public Figures figures(String regionPrefix, Integer year) {
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
        Counts[] c = new Counts[conditions.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Counts(((Number) row[2 * i]).longValue(), ((Number) row[2 * i + 1]).longValue());
        }
        return new Figures(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    private static String inYear(String column, Integer year) {
        return year == null ? "" : " and " + column + " = ?2";
    }

    /** 数据比对: person ids that appear in more than one non-removed household inside the prefix. */
    public long personsInSeveralHouseholds(String regionPrefix) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from (
                          select p.person_id from household_person p join household_fact f on f.household_id = p.household_id
                          where f.region_code like ?1 and f.status <> 'REMOVED'
                          group by p.person_id having count(*) > 1) several""")
                .setParameter(1, regionPrefix + "%")
                .getSingleResult()).longValue();
    }
}
