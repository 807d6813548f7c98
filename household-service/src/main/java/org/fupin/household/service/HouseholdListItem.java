package org.fupin.household.service;

import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.HouseholdType;

import java.util.UUID;

/** A household in a list (no member details). */
public record HouseholdListItem(UUID id, String householdCode, String regionCode, HouseholdState state,
                                HouseholdType householdType, String headName, String headResidentId, int memberCount,
                                Integer identificationYear, Integer exitYear, boolean monitored, String cadreId, long version) {
}
