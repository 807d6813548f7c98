package org.fupin.rectification.domain;

import java.time.LocalDate;

/**
 * A milestone of a long-term issue (中长期整改的阶段目标): numbered from 1 in due-date order, what is to be reached and by
 * when; reached on the date of the ledger entry (its {@code entryNumber}) that marks it.
 */
public record Milestone(int number, String description, LocalDate dueDate, LocalDate reachedOn, Integer entryNumber) {

    /** What an inspector plans when raising a long-term issue. */
    public record Plan(String description, LocalDate dueDate) {
    }

    public boolean reached() {
        return reachedOn != null;
    }

    /** Past its due date on {@code day} and not reached by then. */
    public boolean isOverdueOn(LocalDate day) {
        return day.isAfter(dueDate) && (reachedOn == null || reachedOn.isAfter(day));
    }

    Milestone reach(LocalDate date, int entry) {
        return new Milestone(number, description, dueDate, date, entry);
    }
}
