package org.fupin.household.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A household's assistance: its responsible cadre, measures and visits. */
public record AssistanceRecord(HouseholdDetails.Cadre cadre, List<Measure> measures, List<Visit> visits) {

    public record Measure(UUID id, String kind, String description, LocalDate startedOn, String createdBy) {
    }

    public record Visit(UUID id, LocalDate visitedOn, String visitor, String notes) {
    }
}
