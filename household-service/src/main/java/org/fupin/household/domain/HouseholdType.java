package org.fupin.household.domain;

public enum HouseholdType {
    /** 一般贫困户 */ ORDINARY,
    /** 低保贫困户 */ MINIMUM_LIVING_ALLOWANCE,
    /** 特困供养户 / 五保户 */ EXTREME_POVERTY_SUPPORT,
    /** 政策兜底 */ POLICY_SAFETY_NET
}
