package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

/** A household's registry figures changed (for now: its member count). */
@EventType(value = "household.updated.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdUpdatedV1(String householdId, String regionCode, int memberCount) {
}
