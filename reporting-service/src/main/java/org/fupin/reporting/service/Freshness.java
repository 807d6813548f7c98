package org.fupin.reporting.service;

import java.time.Instant;
import java.util.Map;

/**
 * How current a report is (数据截至): the time (CloudEvents {@code ce_time}) of the latest event applied by the
 * consumers the report depends on.
 *
 * @param latestEventAt the latest of them; null when none has applied an event yet
 * @param consumers     per consumer (incoming channel) the report depends on, its latest event time (absent: none yet)
 */
public record Freshness(Instant latestEventAt, Map<String, Instant> consumers) {
}
