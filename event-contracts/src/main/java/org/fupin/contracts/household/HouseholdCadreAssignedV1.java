package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.time.Instant;

/** A responsible cadre (帮扶责任人) was assigned; the cadre is named by the office's staff id, not by name. */
@EventType(value = "household.cadre-assigned.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdCadreAssignedV1(String householdId, String regionCode, String cadreId, Instant assignedAt,
        LocalDate effectiveDate) {
}
