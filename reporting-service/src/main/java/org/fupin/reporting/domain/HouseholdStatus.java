package org.fupin.reporting.domain;

/** A household fact's status: REGISTERED = poor now (remaining), EXITED (脱贫), REMOVED (剔除, wrongly registered). */
public enum HouseholdStatus {
    REGISTERED, EXITED, REMOVED
}
