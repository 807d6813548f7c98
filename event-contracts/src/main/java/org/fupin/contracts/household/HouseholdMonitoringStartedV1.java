package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;

/** A household became a monitored household (防返贫监测对象): income near the line, or a hardship. */
@EventType(value = "household.monitoring-started.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdMonitoringStartedV1(String householdId, String regionCode, int memberCount, List<String> reasons,
                                           Instant startedAt,
        LocalDate effectiveDate) {
}
