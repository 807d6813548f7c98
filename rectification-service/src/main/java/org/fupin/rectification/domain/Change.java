package org.fupin.rectification.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a domain method decided: the action (for history and audit), the state before and after, the business date it
 * takes effect, remarks, and the events to publish (event-contract records, in order). The new values themselves are in
 * the {@link IssueLifecycle} the method was called on.
 */
public record Change(String action, IssueState from, IssueState to, LocalDate effectiveDate, String remarks,
                     List<Object> events) {

    public Change {
        events = List.copyOf(events);
    }

    /** One line for the audit log: the transition and the remarks. */
    public String auditDetail() {
        return (from == null ? "" : from + " -> ") + to + (remarks == null ? "" : "; " + remarks);
    }
}
