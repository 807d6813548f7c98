package org.fupin.rectification.domain;

import java.time.LocalDate;

/**
 * What the service's household replica (from {@code fupin.household.v1}) knows of a household, as the system-check rules
 * read it.
 *
 * @param state               the household state code (REGISTERED, EXITED, REMOVED, or a workflow state before)
 * @param registeredOn        the registration's effective date, null when not registered
 * @param cadreAssignedOn     the date a responsible cadre was last assigned, null when never
 * @param monitoringStartedOn the date the current monitoring period started, null when not monitored
 * @param lastMeasureOn       the date of the latest assistance measure (帮扶措施), null when none
 */
public record HouseholdFacts(String householdId, String regionCode, String state, LocalDate registeredOn,
                             LocalDate cadreAssignedOn, LocalDate monitoringStartedOn, LocalDate lastMeasureOn) {

    /** In the registry (建档立卡户): registered, or exited (摘帽不摘帮扶: the cadre stays). */
    public boolean isInRegistry() {
        return "REGISTERED".equals(state) || "EXITED".equals(state);
    }

    public boolean isMonitored() {
        return monitoringStartedOn != null && !"REMOVED".equals(state);
    }
}
