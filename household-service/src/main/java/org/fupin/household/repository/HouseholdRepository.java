package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.HouseholdFilter;

import java.util.ArrayList;
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
        return regionCode + String.format("%06d", n.longValue());
    }
}
