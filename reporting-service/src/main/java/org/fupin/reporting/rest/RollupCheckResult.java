package org.fupin.reporting.rest;

import org.fupin.reporting.service.RollupCheck;

import java.util.List;

/**
 * The roll-up check's answer.
 *
 * @param region        the prefix checked ({@code ""} = national), with every prefix inside it
 * @param consistent    every counter equals its recomputation from the facts
 * @param mismatchCount how many counters differ
 * @param mismatches    the first 1,000 of them, by prefix, figure, year
 */
public record RollupCheckResult(String region, boolean consistent, long mismatchCount, List<Mismatch> mismatches) {

    /**
     * @param figure  registered, exited, returned, removed, remaining, monitored, or dataQuality
     * @param year    null = all years
     * @param measure households, persons, or personsInSeveralHouseholds
     */
    public record Mismatch(String regionPrefix, String figure, Integer year, String measure, long expected, long actual) {
    }

    static RollupCheckResult of(RollupCheck c) {
        return new RollupCheckResult(c.region(), c.consistent(), c.mismatchCount(), c.mismatches().stream()
                .map(m -> new Mismatch(m.regionPrefix(), m.figure(), m.year(), m.measure(), m.expected(), m.actual())).toList());
    }
}
