package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.time.Instant;

/** An exited household fell back into poverty (返贫) in the given year. */
@EventType(value = "household.returned.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdReturnedV1(String householdId, String regionCode, int memberCount, int returnYear, String reason,
                                  Instant returnedAt,
        LocalDate effectiveDate) {
}
