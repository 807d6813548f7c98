package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.time.Instant;

/** A household was removed from the registry as wrongly registered (错评, 剔除), with the reason. */
@EventType(value = "household.removed.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdRemovedV1(String householdId, String regionCode, int memberCount, String reason, Instant removedAt,
        LocalDate effectiveDate) {
}
