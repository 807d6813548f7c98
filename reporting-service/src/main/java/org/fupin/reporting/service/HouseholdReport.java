package org.fupin.reporting.service;

import org.fupin.platform.money.Rate;

import java.time.OffsetDateTime;

/** Household figures of a region prefix as the service computes them; the resource maps them to its response. */
public record HouseholdReport(String region, Integer year,
                              Count registered, Count exited, Count returned, Count removed, Count remaining, Count monitored,
                              Long population, Rate povertyIncidence, Boolean mayLeavePoorCountyList,
                              String incidenceThresholdPercent, long personsInSeveralHouseholds, OffsetDateTime asOf) {

    /** Households and the persons in them. */
    public record Count(long households, long persons) {
    }
}
