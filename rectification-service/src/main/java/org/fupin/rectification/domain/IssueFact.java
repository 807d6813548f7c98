package org.fupin.rectification.domain;

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
 * What the figures need of one issue, with its dated state changes and deadline changes, so that every figure can be
 * computed as of any day. Built from the issue's events in version order ({@link #fromEvents}, what reporting-service
 * keeps) or from a lifecycle ({@link #of}, what rectification-service shows); both give the same figures.
 */
public record IssueFact(String issueId, String sourceId, String sourceType, String category, String regionCode,
                        String leadUnit, IssueTerm term, LocalDate raisedOn, LocalDate originalDeadline,
                        List<StateChange> states, List<DeadlineChange> deadlines) {

    /** The issue entered {@code state} on {@code date}. */
    public record StateChange(LocalDate date, IssueState state) {
    }

    /** From {@code date} on, the deadline is {@code deadline} (an approved extension). */
    public record DeadlineChange(LocalDate date, LocalDate deadline) {
    }

    public IssueFact {
        states = List.copyOf(states);
        deadlines = List.copyOf(deadlines);
    }

    /** The fact of a lifecycle (the service's own view). */
    public static IssueFact of(IssueLifecycle i) {
        List<StateChange> s = new ArrayList<>();
        for (Transition t : i.history()) {
            if (t.from() != t.to()) {
                s.add(new StateChange(t.date(), t.to()));
            }
        }
        List<DeadlineChange> d = new ArrayList<>();
        for (DeadlineExtension x : i.extensions()) {
            d.add(new DeadlineChange(x.approvedOn(), x.newDeadline()));
        }
        IssueData data = i.data();
        return new IssueFact(i.id(), i.source().id(), i.source().type().code(), data.category(), data.regionCode(),
                data.units().leadUnit(), data.term(), i.raisedOn(), i.originalDeadline(), s, d);
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
        s.add(new StateChange(r.effectiveDate(), IssueState.valueOf(r.state())));
        String sourceId = r.sourceId();
        String sourceType = r.sourceType();
        String category = r.category();
        String region = r.regionCode();
        String lead = r.leadUnit();
        for (Object e : events.subList(1, events.size())) {
            if (e instanceof RectificationIssueAcceptedV1 a) {
                require(r, a.issueId());
                s.add(new StateChange(a.effectiveDate(), IssueState.valueOf(a.state())));
            } else if (e instanceof RectificationIssueReportedV1 a) {
                require(r, a.issueId());
                s.add(new StateChange(a.effectiveDate(), IssueState.valueOf(a.state())));
            } else if (e instanceof RectificationIssueReturnedV1 a) {
                require(r, a.issueId());
                s.add(new StateChange(a.effectiveDate(), IssueState.valueOf(a.state())));
            } else if (e instanceof RectificationIssueClosedV1 a) {
                require(r, a.issueId());
                s.add(new StateChange(a.effectiveDate(), IssueState.valueOf(a.state())));
            } else if (e instanceof RectificationDeadlineExtendedV1 a) {
                require(r, a.issueId());
                d.add(new DeadlineChange(a.effectiveDate(), a.deadline()));
            } else if (e instanceof RectificationProgressRecordedV1 a) {
                require(r, a.issueId());
            } else {
                throw new IllegalArgumentException("not a rectification issue event: " + e);
            }
        }
        return new IssueFact(r.issueId(), sourceId, sourceType, category, region, lead, IssueTerm.valueOf(r.term()),
                r.raisedOn(), r.originalDeadline(), s, d);
    }

    private static void require(RectificationIssueRaisedV1 r, String id) {
        if (!r.issueId().equals(id)) {
            throw new IllegalArgumentException("event of issue " + id + " among the events of " + r.issueId());
        }
    }

    /** The state at the end of {@code day}; null when not yet raised then. */
    public IssueState stateOn(LocalDate day) {
        IssueState st = null;
        for (StateChange c : states) {
            if (!c.date().isAfter(day)) {
                st = c.state();
            }
        }
        return st;
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
            if (c.state() == IssueState.CLOSED) {
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
        return states.stream().anyMatch(c -> c.state() == IssueState.RETURNED && !c.date().isAfter(day));
    }
}
