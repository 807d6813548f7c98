package org.fupin.household.rest;

import org.fupin.household.service.HistoryLine;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One line of a household's history: who did what, when, from which state to which. */
public record HistoryEntry(long seq, OffsetDateTime at, String actor, String action, String fromState, String toState,
                           LocalDate date, String remarks) {

    public static HistoryEntry of(HistoryLine l) {
        return new HistoryEntry(l.seq(), l.at(), l.actor(), l.action(), l.fromState(), l.toState(), l.date(), l.remarks());
    }
}
