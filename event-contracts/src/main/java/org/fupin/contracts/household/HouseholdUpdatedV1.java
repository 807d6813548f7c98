package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/** A household's registry data changed: members, type or income. Carries the figures consumers count. */
@EventType(value = "household.updated.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdUpdatedV1(String householdId, String regionCode, int memberCount, String householdType,
                                 List<String> personIds,
        LocalDate effectiveDate) {
}
