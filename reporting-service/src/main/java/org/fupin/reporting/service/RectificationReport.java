package org.fupin.reporting.service;

import org.fupin.reporting.domain.RectificationFigures;

import java.time.LocalDate;
import java.util.List;

/**
 * The rectification figures of a region prefix as the service computes them; the resource maps them to its response.
 *
 * @param asOf the day counted (the figures stand at its end)
 * @param rows one per group, keys ascending as text; empty without grouping
 */
public record RectificationReport(String region, Integer year, String sourceType, String source, String category, String unit,
                                  LocalDate asOf, String groupBy, List<RectificationFigures.Row> rows,
                                  RectificationFigures.Figures total) {
}
