package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.time.Instant;

/** A household left monitoring after a stable period, with the recorded reason. */
@EventType(value = "household.monitoring-ended.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdMonitoringEndedV1(String householdId, String regionCode, String reason, Instant endedAt,
        LocalDate effectiveDate) {
}
