package org.fupin.reporting.domain;

/**
 * A roll-up counter that differs from its recomputation from the facts.
 *
 * @param regionPrefix the counter's prefix ({@code ""} = national)
 * @param figure       a household figure's key, or {@code dataQuality}
 * @param year         null = all years
 * @param measure      {@code households}, {@code persons} or {@code personsInSeveralHouseholds}
 * @param expected     recomputed from the facts
 * @param actual       the counter (0 when it has no row)
 */
public record RollupMismatch(String regionPrefix, String figure, Integer year, String measure, long expected, long actual) {
}
