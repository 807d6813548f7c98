package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VisitLogRepository implements PanacheRepositoryBase<VisitLog, UUID> {

    public List<VisitLog> of(UUID householdId) {
        return list("householdId = ?1 order by visitedOn, createdAt", householdId);
    }
}
