package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.Instant;

/**
 * A household was registered (建档立卡). Carries no personal data: no names, no resident ID numbers.
 *
 * @param householdId  aggregate id (UUID)
 * @param householdCode the office's household code (户编号)
 * @param regionCode   12-digit village code
 * @param memberCount  persons in the household (户人口数)
 * @param registeredAt when the registration was recorded
 */
@EventType(value = "household.registered.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdRegisteredV1(String householdId, String householdCode, String regionCode, int memberCount,
                                    Instant registeredAt) {
}
