package org.fupin.reporting.rest;

/** @param loaded figures inserted or replaced */
public record PopulationLoadResult(int loaded) {
}
