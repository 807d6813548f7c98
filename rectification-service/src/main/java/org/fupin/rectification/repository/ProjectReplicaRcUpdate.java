package org.fupin.rectification.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one project event tells the replica: the project's whole snapshot at {@code version}, plus the entry date when it
 * is the registered event and the completion date when its stage is COMPLETED (both kept whatever the version, as only
 * those events tell them). {@code plannedTold}: the event carries the planned dates (events published before they were
 * part of every project snapshot carry them only in {@code project.adjusted.v1}); an event that does not tell them
 * leaves the stored ones.
 */
public record ProjectReplicaRcUpdate(UUID id, String projectCode, String regionCode, String stage, LocalDate stageDate,
                                     LocalDate enteredOn, LocalDate completedOn, List<String> missingFields,
                                     boolean plannedTold, LocalDate plannedStartDate, LocalDate plannedEndDate,
                                     BigDecimal budgetTotal,
                                     LocalDate effectiveDate, long version) {

    public ProjectReplicaRcUpdate {
        Objects.requireNonNull(id, "id");
        missingFields = missingFields == null ? List.of() : List.copyOf(missingFields);
        budgetTotal = budgetTotal == null ? BigDecimal.ZERO : budgetTotal;
    }

    /** Two updates of one project folded as the upsert does: the newer snapshot, the dates told by either. */
    public ProjectReplicaRcUpdate merge(ProjectReplicaRcUpdate next) {
        ProjectReplicaRcUpdate newer = next.version >= version ? next : this;
        ProjectReplicaRcUpdate older = newer == next ? this : next;
        return new ProjectReplicaRcUpdate(id, newer.projectCode, newer.regionCode, newer.stage, newer.stageDate,
                first(older.enteredOn, newer.enteredOn), newer.completedOn != null ? newer.completedOn : older.completedOn,
                newer.missingFields, newer.plannedTold || older.plannedTold,
                newer.plannedTold ? newer.plannedStartDate : older.plannedStartDate,
                newer.plannedTold ? newer.plannedEndDate : older.plannedEndDate, newer.budgetTotal, newer.effectiveDate,
                newer.version);
    }

    private static LocalDate first(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }
}
