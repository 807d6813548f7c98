package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.HouseholdFilter;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    public Optional<Household> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Household> findByCode(String code) {
        return find("householdCode", code).firstResultOptional();
    }

    /** The other household an active person already belongs to. */
    public Optional<Membership> activeMembershipOf(String idHash, UUID exceptHousehold) {
        return getEntityManager().createQuery("select new org.fupin.household.repository.Membership("
                        + "m.household.householdCode, m.household.regionCode) from HouseholdMember m"
                        + " where m.idHash = :hash and m.active = true and m.household.id <> :except", Membership.class)
                .setParameter("hash", idHash).setParameter("except", exceptHousehold == null ? new UUID(0, 0) : exceptHousehold)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The households the active persons with these ID hashes belong to, by hash (one query). */
    public Map<String, Membership> activeMemberships(Collection<String> idHashes) {
        Map<String, Membership> found = new HashMap<>();
        if (!idHashes.isEmpty()) {
            getEntityManager().unwrap(Session.class).doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("select m.id_hash, h.household_code, h.region_code from household_member m"
                        + " join household h on h.id = m.household_id where m.id_hash = any(?) and m.active")) {
                    ps.setArray(1, c.createArrayOf("varchar", idHashes.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), new Membership(rs.getString(2), rs.getString(3)));
                        }
                    }
                }
            });
        }
        return found;
    }

    /** Those of these household codes that are taken (one query). */
    public List<String> existingCodes(Collection<String> codes) {
        List<String> found = new ArrayList<>();
        if (!codes.isEmpty()) {
            getEntityManager().unwrap(Session.class).doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("select household_code from household where household_code = any(?)")) {
                    ps.setArray(1, c.createArrayOf("varchar", codes.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            });
        }
        return found;
    }

    public PanacheQuery<Household> search(HouseholdFilter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        where.add("regionCode like :region");
        p.and("region", f.regionPrefix() + "%");
        if (f.state() != null) {
            where.add("state = :state");
            p.and("state", f.state());
        }
        if (f.type() != null) {
            where.add("householdType = :type");
            p.and("type", f.type());
        }
        if (f.cause() != null) {
            where.add("(mainCause = :cause or concat(',', otherCauses, ',') like :causeLike)");
            p.and("cause", f.cause()).and("causeLike", "%," + f.cause() + ",%");
        }
        if (f.identificationYear() != null) {
            where.add("identificationYear = :iy");
            p.and("iy", f.identificationYear());
        }
        if (f.exitYear() != null) {
            where.add("exitYear = :ey");
            p.and("ey", f.exitYear());
        }
        if (f.monitored() != null) {
            where.add("monitored = :monitored");
            p.and("monitored", f.monitored());
        }
        if (Boolean.TRUE.equals(f.withoutCadre())) {
            where.add("cadreId is null and state in :registry");
            p.and("registry", List.of(HouseholdState.REGISTERED, HouseholdState.EXITED));
        }
        return find(String.join(" and ", where), sort, p);
    }

    public String nextHouseholdCode(String regionCode) {
        Number n = (Number) getEntityManager().createNativeQuery("select nextval('household_code_seq')").getSingleResult();
        return householdCode(regionCode, n.longValue());
    }

    /** {@code count} numbers for new household codes (one query). */
    public List<Long> nextHouseholdCodes(int count) {
        if (count == 0) {
            return List.of();
        }
        List<?> rows = getEntityManager().createNativeQuery("select nextval('household_code_seq') from generate_series(1, ?1)")
                .setParameter(1, count).getResultList();
        return rows.stream().map(n -> ((Number) n).longValue()).toList();
    }

    /** The code of a new household: its village and a number of the sequence. */
    public String householdCode(String regionCode, long number) {
        return regionCode + String.format("%06d", number);
    }
}
