package org.fupin.household.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One change of a household: who did what, when, from which state to which, effective on which date. */
public record HistoryLine(long seq, OffsetDateTime at, String actor, String action, String fromState, String toState,
                          LocalDate date, String remarks) {
}
