package org.fupin.reporting.service;

import org.fupin.platform.money.Rate;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Household figures of a region prefix as the service computes them; the resource maps them to its response.
 *
 * @param groupBy region or year; null = the region's figures only
 * @param rows    one per group (its figures with empty rows), in order; empty without grouping
 */
public record HouseholdReport(String region, Integer year,
                              Count registered, Count exited, Count returned, Count removed, Count remaining, Count monitored,
                              Long population, Rate povertyIncidence, Boolean mayLeavePoorCountyList,
                              String incidenceThresholdPercent, long personsInSeveralHouseholds, OffsetDateTime asOf,
                              String groupBy, List<Row> rows) {

    /** @param group a region prefix one level below, or a year */
    public record Row(String group, HouseholdReport figures) {
    }

    /** Households and the persons in them. */
    public record Count(long households, long persons) {
    }
}
