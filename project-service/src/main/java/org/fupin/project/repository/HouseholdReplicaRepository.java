package org.fupin.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.fupin.project.domain.ReplicaHousehold;
import org.fupin.project.domain.ReplicaUpdate;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * project-service's replica of the household registry ({@code household_replica}). Reads answer only households whose
 * registration arrived (code, state and persons known); a removed household (剔除) stays, with state REMOVED. Written
 * only by the household events consumer, set-based ({@link #apply}).
 */
@ApplicationScoped
public class HouseholdReplicaRepository implements PanacheRepositoryBase<HouseholdReplica, UUID> {

    /** The households with these codes, by household code; unknown codes are left out. */
    public Map<String, ReplicaHousehold> byCodes(Collection<String> householdCodes) {
        Map<String, ReplicaHousehold> out = new HashMap<>();
        List<String> codes = householdCodes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        if (codes.isEmpty()) {
            return out;
        }
        for (HouseholdReplica r : select("household_code = any(cast(?1 as varchar[]))", codes.toArray(String[]::new))) {
            if (r.isComplete()) {
                out.put(r.householdCode, r.toDomain());
            }
        }
        return out;
    }

    /**
     * The households with these ids, by household id (the UUID's canonical lower-case text); unknown ids, ids that are
     * no UUID and households whose registration has not arrived are left out.
     */
    public Map<String, ReplicaHousehold> byIds(Collection<String> householdIds) {
        Map<String, ReplicaHousehold> out = new HashMap<>();
        Set<UUID> ids = new LinkedHashSet<>();
        for (String id : householdIds) {
            try {
                if (id != null) {
                    ids.add(UUID.fromString(id));
                }
            } catch (IllegalArgumentException notAnId) {
                // not a household id: absent, like an unknown one
            }
        }
        if (ids.isEmpty()) {
            return out;
        }
        for (HouseholdReplica r : select("id = any(cast(?1 as uuid[]))", ids.toArray(UUID[]::new))) {
            if (r.isComplete()) {
                out.put(r.id.toString(), r.toDomain());
            }
        }
        return out;
    }

    /** One array parameter, whatever the number of codes or ids (an IN list would be limited to 32,767). */
    @SuppressWarnings("unchecked")
    private List<HouseholdReplica> select(String where, Object array) {
        return getEntityManager().createNativeQuery("select * from household_replica where " + where, HouseholdReplica.class)
                .setParameter(1, array)
                .getResultList();
    }

    /** The ids of the households that hold these codes now, by code (for the consumer's code check). */
    public Map<String, UUID> idsOfCodes(Collection<String> householdCodes) {
        Map<String, UUID> out = new HashMap<>();
        if (householdCodes.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "select household_code, id from household_replica where household_code = any(cast(?1 as varchar[]))")
                .setParameter(1, householdCodes.toArray(String[]::new))
                .getResultList();
        for (Object[] r : rows) {
            out.put((String) r[0], (UUID) r[1]);
        }
        return out;
    }

    /**
     * Merges the updates (at most one per household) into the stored rows in one statement, in id order: per field the
     * newer version wins, as {@link ReplicaUpdate#merge} decides in memory, so concurrent or reordered batches end alike.
     */
    public void apply(Collection<ReplicaUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<ReplicaUpdate> sorted = updates.stream().sorted(Comparator.comparing(u -> UUID.fromString(u.householdId()))).toList();
        int n = sorted.size();
        UUID[] ids = new UUID[n];
        String[] codes = new String[n];
        String[] regions = new String[n];
        String[] states = new String[n];
        Integer[] persons = new Integer[n];
        Long[] versions = new Long[n];
        Long[] stateVersions = new Long[n];
        Long[] personsVersions = new Long[n];
        for (int i = 0; i < n; i++) {
            ReplicaUpdate u = sorted.get(i);
            ids[i] = UUID.fromString(u.householdId());
            codes[i] = u.householdCode();
            regions[i] = u.regionCode();
            states[i] = u.state();
            persons[i] = u.persons();
            versions[i] = u.version();
            stateVersions[i] = u.stateVersion();
            personsVersions[i] = u.personsVersion();
        }
        getEntityManager().createNativeQuery("""
                        insert into household_replica as r (id, household_code, region_code, state, persons, version,
                               state_version, persons_version, updated_at)
                        select t.id, t.code, t.region, t.state, t.persons, t.version, t.state_version, t.persons_version, now()
                        from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                                    cast(?5 as integer[]), cast(?6 as bigint[]), cast(?7 as bigint[]), cast(?8 as bigint[]))
                             as t(id, code, region, state, persons, version, state_version, persons_version)
                        on conflict (id) do update set
                          household_code  = coalesce(excluded.household_code, r.household_code),
                          region_code     = case when excluded.version >= r.version then excluded.region_code else r.region_code end,
                          version         = greatest(excluded.version, r.version),
                          state           = case when excluded.state is not null and excluded.state_version >= r.state_version
                                                 then excluded.state else r.state end,
                          state_version   = case when excluded.state is not null and excluded.state_version >= r.state_version
                                                 then excluded.state_version else r.state_version end,
                          persons         = case when excluded.persons is not null and excluded.persons_version >= r.persons_version
                                                 then excluded.persons else r.persons end,
                          persons_version = case when excluded.persons is not null and excluded.persons_version >= r.persons_version
                                                 then excluded.persons_version else r.persons_version end,
                          updated_at      = now()""")
                .setParameter(1, ids).setParameter(2, codes).setParameter(3, regions).setParameter(4, states)
                .setParameter(5, persons).setParameter(6, versions).setParameter(7, stateVersions).setParameter(8, personsVersions)
                .executeUpdate();
    }
}
