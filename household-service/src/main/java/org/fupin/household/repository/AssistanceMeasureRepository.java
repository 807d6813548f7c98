package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssistanceMeasureRepository implements PanacheRepositoryBase<AssistanceMeasure, UUID> {

    public List<AssistanceMeasure> of(UUID householdId) {
        return list("householdId = ?1 order by startedOn, createdAt", householdId);
    }
}
