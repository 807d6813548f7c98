package org.fupin.household.domain;

/** Where a household stands in the registry. The full registration workflow and exit/return/removal come later. */
public enum HouseholdStatus {
    /** 建档立卡户: registered for an identification year. */
    REGISTERED
}
