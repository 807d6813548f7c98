package org.fupin.reporting.service;

import org.fupin.reporting.domain.FundFigures;

import java.time.LocalDate;
import java.util.List;

/**
 * The fund figures of a region prefix as the service computes them; the resource maps them to its response.
 *
 * @param asOf the day the figures stand at the end of; null = now
 * @param rows one per group, in the key order ({@link FundFigures#KEY_ORDER}); empty without grouping
 */
public record FundReport(String region, Integer year, String category, String source, String batch, LocalDate asOf,
                         String groupBy, List<Row> rows, FundFigures.Figures total) {

    /** @param group the group's key: a year, a category, a source, a batch, a region prefix, or {@value FundFigures#UNKNOWN} */
    public record Row(String group, FundFigures.Figures figures) {
    }
}
