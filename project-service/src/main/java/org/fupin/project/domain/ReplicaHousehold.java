package org.fupin.project.domain;

/**
 * project-service's replica of one household of the registry, built from {@code fupin.household.v1} (it never calls
 * household-service): id, household code, village code, state (household-service's state name) and persons.
 */
public record ReplicaHousehold(String id, String householdCode, String regionCode, String state, int persons) {

    /** In the registry proper (建档立卡户 or 脱贫户): may be linked as a beneficiary. */
    public boolean isInRegistry() {
        return "REGISTERED".equals(state) || "EXITED".equals(state);
    }
}
