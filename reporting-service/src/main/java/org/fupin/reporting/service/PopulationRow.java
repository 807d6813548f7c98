package org.fupin.reporting.service;

import java.math.BigDecimal;

/** One row of a population load as given (checked by the domain's {@code PopulationBatch}). */
public record PopulationRow(String regionCode, BigDecimal population, BigDecimal year) {
}
