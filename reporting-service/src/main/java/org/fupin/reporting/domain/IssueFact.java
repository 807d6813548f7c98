package org.fupin.reporting.domain;

import org.fupin.contracts.rectification.RectificationDeadlineExtendedV1;
import org.fupin.contracts.rectification.RectificationIssueAcceptedV1;
import org.fupin.contracts.rectification.RectificationIssueClosedV1;
import org.fupin.contracts.rectification.RectificationIssueRaisedV1;
import org.fupin.contracts.rectification.RectificationIssueReportedV1;
import org.fupin.contracts.rectification.RectificationIssueReturnedV1;
import org.fupin.contracts.rectification.RectificationProgressRecordedV1;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rectification figures need of one issue (问题), with its dated state changes and deadline changes, so that
 * every figure can be computed as of any day. Copied from rectification-service's domain (reporting-service must not
 * depend on another service) and extended by what a report filters and labels on: the source's document number and
 * date. Built from the issue's events in version order ({@link #fromEvents}, the reference the tests use) or from the
 * stored steps ({@link #fromSteps}, what {@code RectificationReportService} reads); both give the same figures.
 *
 * @param sourceDate the source document's date; null when no event told it (events published before it was added)
 */
public record IssueFact(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, LocalDate sourceDate,
                        String category, String regionCode, String leadUnit, Term term, LocalDate raisedOn,
                        LocalDate originalDeadline, List<StateChange> states, List<DeadlineChange> deadlines) {

    /** The workflow's states, as the events carry them. */
    public enum State { OPEN, IN_PROGRESS, REPORTED, RETURNED, CLOSED }

    /** Short or long-term (中长期) rectification. */
    public enum Term { SHORT, LONG_TERM }

    /** The issue entered {@code state} on {@code date}. */
    public record StateChange(LocalDate date, State state) {
    }

    /** From {@code date} on, the deadline is {@code deadline} (an approved extension). */
    public record DeadlineChange(LocalDate date, LocalDate deadline) {
    }

    /** One stored event of an issue: its version, business date, the state after it and the deadline in force after it. */
    public record Step(long version, LocalDate date, State state, LocalDate deadline) {
    }

    public IssueFact {
        states = List.copyOf(states);
        deadlines = List.copyOf(deadlines);
    }

    /**
     * The year the issue counts under: the source document's year, else (the date not told) the year it was raised.
     */
    public int year() {
        return (sourceDate != null ? sourceDate : raisedOn).getYear();
    }

    /**
     * The fact folded from one issue's events in version order (contract records of {@code fupin.rectification.v1});
     * progress events change nothing the figures count. The latest event's snapshot gives the grouping fields.
     *
     * @throws IllegalArgumentException when the first event is not the raise or an event is of another issue
     */
    public static IssueFact fromEvents(List<?> events) {
        if (events.isEmpty() || !(events.get(0) instanceof RectificationIssueRaisedV1 r)) {
            throw new IllegalArgumentException("an issue's events start with its raise");
        }
        List<StateChange> s = new ArrayList<>();
        List<DeadlineChange> d = new ArrayList<>();
        s.add(new StateChange(r.effectiveDate(), State.valueOf(r.state())));
        for (Object e : events.subList(1, events.size())) {
            if (e instanceof RectificationIssueAcceptedV1 a) {
                require(r, a.issueId());
                s.add(new StateChange(a.effectiveDate(), State.valueOf(a.state())));
            } else if (e instanceof RectificationIssueReportedV1 a) {
                require(r, a.issueId());
                s.add(new StateChange(a.effectiveDate(), State.valueOf(a.state())));
            } else if (e instanceof RectificationIssueReturnedV1 a) {
                require(r, a.issueId());
                s.add(new StateChange(a.effectiveDate(), State.valueOf(a.state())));
            } else if (e instanceof RectificationIssueClosedV1 a) {
                require(r, a.issueId());
                s.add(new StateChange(a.effectiveDate(), State.valueOf(a.state())));
            } else if (e instanceof RectificationDeadlineExtendedV1 a) {
                require(r, a.issueId());
                d.add(new DeadlineChange(a.effectiveDate(), a.deadline()));
            } else if (e instanceof RectificationProgressRecordedV1 a) {
                require(r, a.issueId());
            } else {
                throw new IllegalArgumentException("not a rectification issue event: " + e);
            }
        }
        return new IssueFact(r.issueId(), r.sourceId(), r.sourceType(), r.sourceDocumentNumber(), r.sourceDate(), r.category(),
                r.regionCode(), r.leadUnit(), Term.valueOf(r.term()), r.raisedOn(), r.originalDeadline(), s, d);
    }

    /**
     * The fact of the stored steps (one per event version received, in any order, each version once) and the snapshot
     * of the newest one. Every event carries the state and the deadline in force after it, and an issue's steps are never
     * dated before its previous one, so the newest step dated on or before a day gives the state and the deadline on that
     * day. While the raise has not arrived (version 1 missing) the issue counts as OPEN from {@code raisedOn}.
     */
    public static IssueFact fromSteps(String issueId, String sourceId, String sourceType, String sourceDocumentNumber,
                                      LocalDate sourceDate, String category, String regionCode, String leadUnit, Term term,
                                      LocalDate raisedOn, LocalDate originalDeadline, List<Step> steps) {
        List<Step> ordered = new ArrayList<>(steps);
        ordered.sort((a, b) -> Long.compare(a.version(), b.version()));
        List<StateChange> s = new ArrayList<>();
        List<DeadlineChange> d = new ArrayList<>();
        if (ordered.isEmpty() || ordered.get(0).version() != 1) {
            s.add(new StateChange(raisedOn, State.OPEN));
        }
        for (Step step : ordered) {
            s.add(new StateChange(step.date(), step.state()));
            d.add(new DeadlineChange(step.date(), step.deadline()));
        }
        return new IssueFact(issueId, sourceId, sourceType, sourceDocumentNumber, sourceDate, category, regionCode, leadUnit,
                term, raisedOn, originalDeadline, s, d);
    }

    private static void require(RectificationIssueRaisedV1 r, String id) {
        if (!r.issueId().equals(id)) {
            throw new IllegalArgumentException("event of issue " + id + " among the events of " + r.issueId());
        }
    }

    /** The state at the end of {@code day}; null when not yet raised then. */
    public State stateOn(LocalDate day) {
        if (!raisedBy(day)) {
            return null;
        }
        State st = null;
        for (StateChange c : states) {
            if (!c.date().isAfter(day)) {
                st = c.state();
            }
        }
        return st == null ? State.OPEN : st;
    }

    public boolean raisedBy(LocalDate day) {
        return !raisedOn.isAfter(day);
    }

    /** The deadline in force on {@code day}. */
    public LocalDate deadlineOn(LocalDate day) {
        LocalDate d = originalDeadline;
        for (DeadlineChange c : deadlines) {
            if (!c.date().isAfter(day)) {
                d = c.deadline();
            }
        }
        return d;
    }

    /** The day it was closed, or null. */
    public LocalDate closedOn() {
        for (StateChange c : states) {
            if (c.state() == State.CLOSED) {
                return c.date();
            }
        }
        return null;
    }

    public boolean closedBy(LocalDate day) {
        LocalDate c = closedOn();
        return c != null && !c.isAfter(day);
    }

    /** Overdue on {@code day}: raised by then, not closed by then, and past the deadline in force that day. */
    public boolean overdueOn(LocalDate day) {
        return raisedBy(day) && !closedBy(day) && day.isAfter(deadlineOn(day));
    }

    /** Closed by {@code day}, on or before the deadline in force on the closing day. */
    public boolean closedOnTimeBy(LocalDate day) {
        LocalDate c = closedOn();
        return c != null && !c.isAfter(day) && !c.isAfter(deadlineOn(c));
    }

    /** Sent back at least once by {@code day}. */
    public boolean returnedBy(LocalDate day) {
        return states.stream().anyMatch(c -> c.state() == State.RETURNED && !c.date().isAfter(day));
    }
}
