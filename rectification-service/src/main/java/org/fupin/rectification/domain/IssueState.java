package org.fupin.rectification.domain;

/** Where an issue stands in the rectification workflow ({@link Workflow}). Nothing is ever deleted. */
public enum IssueState {
    /** Raised, waiting for the lead unit to accept it. */
    OPEN,
    /** The lead unit accepted it and is rectifying (整改中). */
    IN_PROGRESS,
    /** Reported rectified with evidence (or cleared by a system-check rule), waiting for an inspector. */
    REPORTED,
    /** An inspector sent the report back with a reason; the lead unit takes it up again. */
    RETURNED,
    /** 销号: verified and crossed off by an inspector. Final. */
    CLOSED
}
