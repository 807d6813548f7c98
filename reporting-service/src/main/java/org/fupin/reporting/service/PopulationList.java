package org.fupin.reporting.service;

import java.util.List;

/** The population figures loaded inside a region prefix. */
public record PopulationList(String region, List<PopulationFigure> figures) {
}
