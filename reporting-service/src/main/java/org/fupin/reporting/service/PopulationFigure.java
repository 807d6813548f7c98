package org.fupin.reporting.service;

import java.time.OffsetDateTime;

/** A loaded population figure: the 12-digit code, its prefix, the figure, its year, who loaded it when. */
public record PopulationFigure(String regionCode, String prefix, long population, Integer year, OffsetDateTime updatedAt,
                               String updatedBy) {
}
