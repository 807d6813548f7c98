package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;

/**
 * A household was registered (建档立卡): the county announcement completed its workflow, or a provincial import brought
 * it in already registered. Carries no personal data: members appear as pseudonymous person ids (a keyed hash of the
 * resident ID number, the same in every event and household, so consumers can compare without seeing the number).
 *
 * @param householdId        aggregate id (UUID)
 * @param householdCode      the office's household code (户编号)
 * @param regionCode         12-digit village code
 * @param memberCount        persons in the household (户人口数)
 * @param identificationYear year of identification (识别年度)
 * @param householdType      ORDINARY, MINIMUM_LIVING_ALLOWANCE, EXTREME_POVERTY_SUPPORT or POLICY_SAFETY_NET
 * @param personIds          pseudonymous ids of the members
 * @param registeredAt       when the registration was recorded (processing time)
 * @param effectiveDate      the business date of the registration (county announcement's date, or the import's day)
 */
@EventType(value = "household.registered.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdRegisteredV1(String householdId, String householdCode, String regionCode, int memberCount,
                                    int identificationYear, String householdType, List<String> personIds,
                                    Instant registeredAt,
        LocalDate effectiveDate) {
}
