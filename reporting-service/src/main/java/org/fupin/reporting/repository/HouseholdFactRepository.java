package org.fupin.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.reporting.domain.HouseholdFact;
import org.fupin.reporting.domain.HouseholdStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fact per registered household ({@code household_fact}) and its members ({@code household_person}), read and
 * written set-based: a batch of events costs a fixed number of statements, whatever its size. The decisions (version
 * guard, transitions) are the domain's ({@link HouseholdFact#apply}); this class only loads and stores.
 */
@ApplicationScoped
public class HouseholdFactRepository {

    /** Persons are locked in this many buckets (advisory locks): bounded lock-table use, whatever the batch size. */
    static final int PERSON_LOCK_BUCKETS = 1024;
    /** Advisory-lock key space of the person buckets (the high half of the bigint key). */
    static final long PERSON_LOCK_SPACE = 0x46555049L << 32; // "FUPI"

    @Inject
    EntityManager em;

    /** The facts of the households, locked ({@code for update}, in id order), by household id; absent ones left out. */
    public Map<UUID, HouseholdFact> lockFacts(Collection<UUID> householdIds) {
        Map<UUID, HouseholdFact> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select household_id, region_code, member_count, status, version, identification_year, household_type,
                               exit_year, removed_year, monitored, last_return_year, return_count
                        from household_fact where household_id = any(cast(?1 as uuid[]))
                        order by household_id for update""")
                .setParameter(1, householdIds.toArray(UUID[]::new))
                .getResultList();
        for (Object[] r : rows) {
            HouseholdFact f = new HouseholdFact((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), HouseholdStatus.valueOf((String) r[3]),
                    ((Number) r[4]).longValue(), integer(r[5]), (String) r[6], integer(r[7]), integer(r[8]), (Boolean) r[9],
                    integer(r[10]), ((Number) r[11]).intValue());
            out.put(f.householdId(), f);
        }
        return out;
    }

    /** The stored members of the households: household id → person ids (a household without members is left out). */
    public Map<UUID, List<String>> personsOf(Collection<UUID> householdIds) {
        Map<UUID, List<String>> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select household_id, person_id from household_person where household_id = any(cast(?1 as uuid[]))")
                .setParameter(1, householdIds.toArray(UUID[]::new))
                .getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return out;
    }

    /**
     * Serialises the transactions that change the households of the same persons (two replicas registering one person
     * in two households at once would each see the person in one household only): a transaction-scoped advisory lock per
     * bucket of person ids, taken in bucket order (no deadlocks), held until commit. Call it before
     * {@link #householdsOfPersons}: under READ COMMITTED that read then sees every commit of a transaction that held the
     * lock before.
     */
    public void lockPersons(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        select count(pg_advisory_xact_lock(k)::text) from (
                          select distinct ?2 + (hashtextextended(p, 0) & ?3) as k from unnest(cast(?1 as varchar[])) p order by k) b""")
                .setParameter(1, personIds.toArray(String[]::new))
                .setParameter(2, PERSON_LOCK_SPACE)
                .setParameter(3, (long) PERSON_LOCK_BUCKETS - 1)
                .getSingleResult();
    }

    /** For each person: their non-removed households (id → region code), as stored now. Persons without one are left out. */
    public Map<String, Map<UUID, String>> householdsOfPersons(Collection<String> personIds) {
        Map<String, Map<UUID, String>> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select p.person_id, f.household_id, f.region_code
                        from household_person p join household_fact f on f.household_id = p.household_id
                        where p.person_id = any(cast(?1 as varchar[])) and f.status <> 'REMOVED'""")
                .setParameter(1, personIds.toArray(String[]::new))
                .getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((UUID) r[1], (String) r[2]);
        }
        return out;
    }

    /** Inserts or replaces the facts, in one statement. */
    public void save(Collection<HouseholdFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        int n = facts.size();
        UUID[] ids = new UUID[n];
        String[] regions = new String[n];
        Integer[] members = new Integer[n];
        String[] statuses = new String[n];
        Long[] versions = new Long[n];
        Integer[] identificationYears = new Integer[n];
        String[] types = new String[n];
        Integer[] exitYears = new Integer[n];
        Integer[] removedYears = new Integer[n];
        Boolean[] monitored = new Boolean[n];
        Integer[] returnYears = new Integer[n];
        Integer[] returns = new Integer[n];
        int i = 0;
        for (HouseholdFact f : facts.stream().sorted(java.util.Comparator.comparing(HouseholdFact::householdId)).toList()) {
            ids[i] = f.householdId();
            regions[i] = f.regionCode();
            members[i] = f.memberCount();
            statuses[i] = f.status().name();
            versions[i] = f.version();
            identificationYears[i] = f.identificationYear();
            types[i] = f.householdType();
            exitYears[i] = f.exitYear();
            removedYears[i] = f.removedYear();
            monitored[i] = f.monitored();
            returnYears[i] = f.lastReturnYear();
            returns[i] = f.returnCount();
            i++;
        }
        em.createNativeQuery("""
                        insert into household_fact (household_id, region_code, member_count, status, version, updated_at,
                               identification_year, household_type, exit_year, removed_year, monitored, last_return_year, return_count)
                        select t.id, t.region, t.members, t.status, t.version, now(), t.identification_year, t.type, t.exit_year,
                               t.removed_year, t.monitored, t.return_year, t.returns
                        from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as integer[]), cast(?4 as varchar[]),
                                    cast(?5 as bigint[]), cast(?6 as integer[]), cast(?7 as varchar[]), cast(?8 as integer[]),
                                    cast(?9 as integer[]), cast(?10 as boolean[]), cast(?11 as integer[]), cast(?12 as integer[]))
                             as t(id, region, members, status, version, identification_year, type, exit_year, removed_year,
                                  monitored, return_year, returns)
                        on conflict (household_id) do update
                          set region_code = excluded.region_code, member_count = excluded.member_count, status = excluded.status,
                              version = excluded.version, updated_at = excluded.updated_at,
                              identification_year = excluded.identification_year, household_type = excluded.household_type,
                              exit_year = excluded.exit_year, removed_year = excluded.removed_year, monitored = excluded.monitored,
                              last_return_year = excluded.last_return_year, return_count = excluded.return_count""")
                .setParameter(1, ids).setParameter(2, regions).setParameter(3, members).setParameter(4, statuses)
                .setParameter(5, versions).setParameter(6, identificationYears).setParameter(7, types).setParameter(8, exitYears)
                .setParameter(9, removedYears).setParameter(10, monitored).setParameter(11, returnYears).setParameter(12, returns)
                .executeUpdate();
    }

    /** Replaces the members of the households wholesale (household id → person ids), in two statements. */
    public void replacePersons(Map<UUID, List<String>> persons) {
        if (persons.isEmpty()) {
            return;
        }
        em.createNativeQuery("delete from household_person where household_id = any(cast(?1 as uuid[]))")
                .setParameter(1, persons.keySet().toArray(UUID[]::new))
                .executeUpdate();
        List<UUID> households = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        persons.forEach((household, members) -> members.stream().distinct().forEach(p -> {
            households.add(household);
            ids.add(p);
        }));
        if (!ids.isEmpty()) {
            em.createNativeQuery("""
                            insert into household_person (household_id, person_id)
                            select * from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]))""")
                    .setParameter(1, households.toArray(UUID[]::new))
                    .setParameter(2, ids.toArray(String[]::new))
                    .executeUpdate();
        }
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
