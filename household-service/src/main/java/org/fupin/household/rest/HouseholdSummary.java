package org.fupin.household.rest;

import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.HouseholdType;
import org.fupin.household.service.HouseholdListItem;

import java.util.UUID;

/** A row of the household list (no member details). */
public record HouseholdSummary(UUID id, String householdCode, String regionCode, HouseholdState state,
                               HouseholdType householdType, String headName, String headResidentId, int memberCount,
                               Integer identificationYear, Integer exitYear, boolean monitored, String cadreId, long version) {

    public static HouseholdSummary of(HouseholdListItem i) {
        return new HouseholdSummary(i.id(), i.householdCode(), i.regionCode(), i.state(), i.householdType(), i.headName(),
                i.headResidentId(), i.memberCount(), i.identificationYear(), i.exitYear(), i.monitored(), i.cadreId(), i.version());
    }
}
