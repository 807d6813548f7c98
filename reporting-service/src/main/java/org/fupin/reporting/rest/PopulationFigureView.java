package org.fupin.reporting.rest;

import java.time.OffsetDateTime;

/**
 * A loaded population figure.
 *
 * @param regionCode 12-digit zero-padded code of the region the figure is for
 * @param prefix     that region's prefix (county {@code 522428000000} → {@code 522428})
 */
public record PopulationFigureView(String regionCode, String prefix, long population, Integer year, OffsetDateTime updatedAt,
                                   String updatedBy) {
}
