package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.time.Instant;

/** A household exited poverty (脱贫) in the given year, its income above that year's line and 两不愁三保障 met. */
@EventType(value = "household.exited.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdExitedV1(String householdId, String regionCode, int memberCount, int exitYear, Instant exitedAt,
        LocalDate effectiveDate) {
}
