package org.fupin.reporting.service;

import org.fupin.reporting.domain.RollupMismatch;

import java.util.List;

/**
 * The roll-ups of a region compared with their recomputation from the facts.
 *
 * @param region      the prefix checked ({@code ""} = national): its own counters and those of every prefix inside it
 * @param consistent  no mismatch
 * @param mismatches  the counters that differ (at most {@link RollupCheckService#MAX_LISTED})
 * @param mismatchCount all of them
 */
public record RollupCheck(String region, boolean consistent, long mismatchCount, List<RollupMismatch> mismatches) {
}
