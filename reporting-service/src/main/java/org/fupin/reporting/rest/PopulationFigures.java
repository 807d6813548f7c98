package org.fupin.reporting.rest;

import org.fupin.reporting.service.Freshness;
import org.fupin.reporting.service.PopulationList;

import java.util.List;

/**
 * The population figures loaded inside a region prefix, by region code.
 *
 * @param freshness {@code latestEventAt}: the latest load of a figure inside the prefix (figures are loaded, not consumed)
 */
public record PopulationFigures(String region, List<PopulationFigureView> figures, Freshness freshness) {

    static PopulationFigures of(PopulationList l) {
        java.time.Instant latest = l.figures().stream().map(f -> f.updatedAt().toInstant()).max(java.time.Instant::compareTo).orElse(null);
        return new PopulationFigures(l.region(), l.figures().stream().map(f -> new PopulationFigureView(f.regionCode(), f.prefix(),
                f.population(), f.year(), f.updatedAt(), f.updatedBy())).toList(), new Freshness(latest, java.util.Map.of()));
    }
}
