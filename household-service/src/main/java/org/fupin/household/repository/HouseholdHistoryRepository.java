package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HouseholdHistoryRepository implements PanacheRepositoryBase<HouseholdHistory, Long> {

    public List<HouseholdHistory> of(UUID householdId) {
        return list("householdId", Sort.by("seq"), householdId);
    }
}
