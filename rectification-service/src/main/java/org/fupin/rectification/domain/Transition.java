package org.fupin.rectification.domain;

import java.time.LocalDate;

/**
 * One line of an issue's history: the step (null for raising), the state before (null when raised) and after, its
 * business date, who took it, and the remark, reason or closing remark given.
 */
public record Transition(IssueStep step, IssueState from, IssueState to, LocalDate date, String actor, String remark) {
}
