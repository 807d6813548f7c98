package org.fupin.fund.domain;

/**
 * The stages of a library project as fund-service's replica keeps them (from {@code fupin.project.v1}); the same names
 * as project-service's stages. fund-service never decides a stage, it only reads it.
 */
public enum ProjectStage {
    PLANNED, PRE_APPROVAL_DONE, TENDERING, UNDER_CONSTRUCTION, COMPLETED, ACCEPTED, CANCELLED;

    /** 已实施: under construction or further (counts for the implemented amount). */
    public boolean isStarted() {
        return this == UNDER_CONSTRUCTION || this == COMPLETED || this == ACCEPTED;
    }

    /** Closed for money: completed, accepted or cancelled; the unspent balance may be recalled (结余资金收回). */
    public boolean isClosed() {
        return this == COMPLETED || this == ACCEPTED || this == CANCELLED;
    }
}
