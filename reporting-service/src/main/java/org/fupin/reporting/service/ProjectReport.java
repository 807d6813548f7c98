package org.fupin.reporting.service;

import org.fupin.reporting.domain.ProjectFigures;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The project figures of a region prefix as the service computes them; the resource maps them to its response.
 *
 * @param rows one per group, in the grouping's order; empty without grouping
 */
public record ProjectReport(String region, Integer year, String category, String batch, String groupBy, List<Row> rows,
                            ProjectFigures.Figures total, OffsetDateTime asOf) {

    /** @param group the group's key; null for projects without a category or batch */
    public record Row(String group, ProjectFigures.Figures figures) {
    }
}
