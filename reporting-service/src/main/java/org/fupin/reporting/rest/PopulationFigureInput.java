package org.fupin.reporting.rest;

import org.fupin.reporting.service.PopulationRow;

import java.math.BigDecimal;

/**
 * One row of a population load. Numbers are read exactly, so a fractional or out-of-range value is refused rather
 * than truncated; the checks (naming {@code [i].field}) are in the domain's {@code PopulationBatch}.
 *
 * @param regionCode a 12-digit region code or a prefix of 2, 4, 6, 9 or 12 digits; stored as the 12-digit zero-padded code
 * @param population registered (rural) population, a whole number ≥ 0
 * @param year       the year the figure describes; optional
 */
public record PopulationFigureInput(String regionCode, BigDecimal population, BigDecimal year) {

    PopulationRow toRow() {
        return new PopulationRow(regionCode, population, year);
    }
}
