package org.fupin.reporting.rest;

import org.fupin.reporting.service.PopulationList;

import java.util.List;

/** The population figures loaded inside a region prefix, by region code. */
public record PopulationFigures(String region, List<PopulationFigureView> figures) {

    static PopulationFigures of(PopulationList l) {
        return new PopulationFigures(l.region(), l.figures().stream().map(f -> new PopulationFigureView(f.regionCode(), f.prefix(),
                f.population(), f.year(), f.updatedAt(), f.updatedBy())).toList());
    }
}
