package org.fupin.reporting.rest;

import java.util.List;

/** The population figures loaded inside a region prefix, by region code. */
public record PopulationFigures(String region, List<PopulationFigureView> figures) {
}
