package org.fupin.project.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a domain method decided: the action (for history and audit), the stage before and after, the business date it
 * takes effect, remarks, the fields that changed with their values before and after (for the history), and the events
 * to publish (event-contract records, in order). The new values themselves are in the {@link ProjectLifecycle} the
 * method was called on.
 */
public record Change(String action, ProjectStage from, ProjectStage to, LocalDate effectiveDate, String remarks,
                     List<FieldChange> fieldChanges, List<Object> events) {

    /** One changed field: API name, value before and after as text (null when absent). */
    public record FieldChange(String field, String before, String after) {
    }

    public Change {
        fieldChanges = List.copyOf(fieldChanges);
        events = List.copyOf(events);
    }

    /** One line for the audit log: the transition and the remarks. */
    public String auditDetail() {
        return (from == null ? "" : from + " -> ") + to + (remarks == null ? "" : "; " + remarks);
    }
}
