package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.fupin.household.domain.HouseholdStatus;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    public Optional<Household> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Household> findActiveByHeadHash(String hash) {
        return find("headIdHash = ?1 and status = ?2", hash, HouseholdStatus.REGISTERED).firstResultOptional();
    }

    public PanacheQuery<Household> inRegion(String prefix) {
        return find("regionCode like ?1", Sort.by("regionCode").and("householdCode"), prefix + "%");
    }

    public String nextHouseholdCode(String regionCode) {
        Number n = (Number) getEntityManager().createNativeQuery("select nextval('household_code_seq')").getSingleResult();
        return regionCode + String.format("%06d", n.longValue());
    }
}
