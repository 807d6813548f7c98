package org.fupin.rectification.domain;

/** The steps of the workflow, each taken by one kind of actor ({@link Workflow#actorOf}). */
public enum IssueStep {
    /** The lead unit accepts the issue (OPEN → IN_PROGRESS) or takes it up again after a return (RETURNED → IN_PROGRESS). */
    ACCEPT,
    /** A responsible unit records a ledger entry (整改台账), optionally marking a milestone reached; the state stays. */
    RECORD_PROGRESS,
    /** The lead unit reports the issue rectified, with evidence (IN_PROGRESS → REPORTED). */
    REPORT,
    /** The condition of a system-check rule cleared: the system reports the issue with a system ledger entry. */
    SYSTEM_CLEAR,
    /** An inspector verifies and closes (销号) with a closing remark (REPORTED → CLOSED). */
    CLOSE,
    /** An inspector sends the report back with a reason (REPORTED → RETURNED). */
    RETURN,
    /** An inspector extends the deadline with a reason and the approver; the state stays. */
    EXTEND_DEADLINE
}
