package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An assistance measure (帮扶措施) was added to the household's file. The household itself does not change: the event
 * carries the household's current version (as a later event may too). No personal data, no free text: the measure's
 * kind and description stay in household-service.
 *
 * @param measureId   the measure's id
 * @param measureDate the date the measure started (its business date, = {@code effectiveDate})
 * @param addedAt     when it was recorded (processing time)
 */
@EventType(value = "household.measure-added.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdMeasureAddedV1(String householdId, String regionCode, String measureId, LocalDate measureDate,
                                      Instant addedAt, LocalDate effectiveDate) {
}
