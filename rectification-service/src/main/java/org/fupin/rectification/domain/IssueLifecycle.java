package org.fupin.rectification.domain;

import org.fupin.contracts.rectification.RectificationDeadlineExtendedV1;
import org.fupin.contracts.rectification.RectificationIssueAcceptedV1;
import org.fupin.contracts.rectification.RectificationIssueClosedV1;
import org.fupin.contracts.rectification.RectificationIssueRaisedV1;
import org.fupin.contracts.rectification.RectificationIssueReportedV1;
import org.fupin.contracts.rectification.RectificationIssueReturnedV1;
import org.fupin.contracts.rectification.RectificationProgressRecordedV1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rectification issue as the rules see it (plain Java): its source, its record ({@link IssueData}), where it stands in
 * the {@link Workflow}, its ledger, deadline extensions, milestones and history. Each decision method checks who acts
 * ({@link IssueAccess}), whether the step is allowed now (409 with the allowed steps), the input (400) and the business
 * rules (422); then moves this object to the new values and returns the {@link Change} with the events to publish. A
 * refused change throws a {@link Refusal} and leaves this object as it was. Nothing is ever deleted.
 * <p>
 * Dates: every step has a business date (the service passes the one given, never in the future, or today); a step is
 * never dated before the issue's latest step (400 {@code date}).
 */
public final class IssueLifecycle {

    private final String id;
    private final FindingSource source;
    private final String findingKey;

    private IssueData data;
    private IssueState state;
    private LocalDate raisedOn;
    private LocalDate originalDeadline;
    private LocalDate deadline;
    private int returnCount;
    private LocalDate closedOn;
    private String closingRemark;
    private List<LedgerEntry> ledger;
    private List<DeadlineExtension> extensions;
    private List<Milestone> milestones;
    private List<Transition> history;

    /** What the lifecycle keeps besides the record, to store and restore. {@code state} is null before raising. */
    public record Status(IssueState state, LocalDate raisedOn, LocalDate originalDeadline, LocalDate deadline,
                         int returnCount, LocalDate closedOn, String closingRemark, List<LedgerEntry> ledger,
                         List<DeadlineExtension> extensions, List<Milestone> milestones, List<Transition> history) {
        public Status {
            ledger = ledger == null ? List.of() : List.copyOf(ledger);
            extensions = extensions == null ? List.of() : List.copyOf(extensions);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
            history = history == null ? List.of() : List.copyOf(history);
        }

        public static Status none() {
            return new Status(null, null, null, null, 0, null, null, List.of(), List.of(), List.of(), List.of());
        }
    }

    /**
     * @param findingKey the system-check finding key ({@link Finding#key()}), null for an issue raised by hand
     * @param data       null for an issue not yet raised
     */
    public IssueLifecycle(String id, FindingSource source, String findingKey, IssueData data, Status status) {
        this.id = Objects.requireNonNull(id, "id");
        this.source = Objects.requireNonNull(source, "source");
        this.findingKey = findingKey;
        this.data = data;
        restore(status);
    }

    /** An issue about to be raised from a source (by an inspector). */
    public static IssueLifecycle newIssue(String id, FindingSource source) {
        return new IssueLifecycle(id, source, null, null, Status.none());
    }

    /** An issue about to be raised by a system-check rule. */
    public static IssueLifecycle newFinding(String id, FindingSource systemSource, String findingKey) {
        if (systemSource.type() != SourceType.SYSTEM_CHECK || findingKey == null) {
            throw new IllegalArgumentException("a finding belongs to a system-check source and has a key");
        }
        return new IssueLifecycle(id, systemSource, findingKey, null, Status.none());
    }

    private void restore(Status s) {
        state = s.state();
        raisedOn = s.raisedOn();
        originalDeadline = s.originalDeadline();
        deadline = s.deadline();
        returnCount = s.returnCount();
        closedOn = s.closedOn();
        closingRemark = s.closingRemark();
        ledger = new ArrayList<>(s.ledger());
        extensions = new ArrayList<>(s.extensions());
        milestones = new ArrayList<>(s.milestones());
        history = new ArrayList<>(s.history());
    }

    /** The current values, to store. */
    public Status status() {
        return new Status(state, raisedOn, originalDeadline, deadline, returnCount, closedOn, closingRemark, ledger,
                extensions, milestones, history);
    }

    public String id() {
        return id;
    }

    public FindingSource source() {
        return source;
    }

    public String findingKey() {
        return findingKey;
    }

    public IssueData data() {
        return data;
    }

    public IssueState state() {
        return state;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public IssueUnits units() {
        return data.units();
    }

    public boolean isSystemCheck() {
        return source.type() == SourceType.SYSTEM_CHECK;
    }

    /** The steps allowed now, as the 409 answer and the issue view show them (SYSTEM_CLEAR only on system-check issues). */
    public List<IssueStep> allowedSteps() {
        if (state == null) {
            return List.of();
        }
        return Workflow.allowedSteps(state).stream().filter(s -> s != IssueStep.SYSTEM_CLEAR || isSystemCheck()).toList();
    }

    /** The steps this actor may take now (for the view: which buttons to show). */
    public List<IssueStep> allowedStepsFor(Actor actor) {
        List<IssueStep> l = new ArrayList<>();
        for (IssueStep s : allowedSteps()) {
            try {
                IssueAccess.requireStep(actor, data.units(), s);
                l.add(s);
            } catch (Refusal r) {
                // not this actor's step
            }
        }
        return l;
    }

    // ---- raising ----

    /**
     * An inspector raises the issue from its source on {@code date} (not before the source document's date): the
     * data is validated (400); links are checked against the replicas by the service ({@link LinkRules}) before.
     */
    public Change raise(IssueData newData, RectificationRules rules, Actor actor, LocalDate date) {
        requireNew();
        IssueAccess.requireRaise(actor);
        if (isSystemCheck()) {
            throw Refusal.invalid("sourceId", "issues of a system-check source are raised by the automatic rules only");
        }
        if (date.isBefore(source.date())) {
            throw Refusal.invalid("date", "must not be before the source document's date (" + source.date() + ")");
        }
        return doRaise(newData.validated(rules, date), actor, date, null);
    }

    /** The system-check run raises the issue of a finding on {@code date}. */
    public Change raiseFinding(IssueData newData, RectificationRules rules, LocalDate date) {
        requireNew();
        if (!isSystemCheck()) {
            throw new IllegalStateException("not a system-check issue");
        }
        return doRaise(newData.validated(rules, date), Actor.system(), date, "system check " + findingKey);
    }

    private Change doRaise(IssueData valid, Actor actor, LocalDate date, String remark) {
        data = valid;
        state = IssueState.OPEN;
        raisedOn = date;
        originalDeadline = valid.deadline();
        deadline = valid.deadline();
        int n = 0;
        for (Milestone.Plan p : valid.milestones()) {
            milestones.add(new Milestone(++n, p.description(), p.dueDate(), null, null));
        }
        history.add(new Transition(null, null, state, date, actor.name(), remark));
        IssueLinks links = valid.links();
        return new Change("raised", null, state, date, remark, List.of(new RectificationIssueRaisedV1(id, source.id(),
                source.type().code(), source.documentNumber(), valid.category(), valid.regionCode(), valid.units().leadUnit(),
                valid.units().coUnits(), valid.term().name(), raisedOn, deadline, originalDeadline, state.name(),
                returnCount, findingKey, links.householdIds(), links.projectIds(), links.fundDocumentIds(),
                milestones.stream().map(Milestone::dueDate).toList(), source.date(), Instant.now(), date)));
    }

    private void requireNew() {
        if (state != null) {
            throw new IllegalStateException("issue " + id + " was already raised");
        }
    }

    // ---- the workflow ----

    /** The lead unit accepts the issue (OPEN → IN_PROGRESS) or takes it up again after a return (RETURNED → IN_PROGRESS). */
    public Change accept(Actor actor, LocalDate date, String remark) {
        IssueState from = state;
        IssueState to = step(actor, IssueStep.ACCEPT, date);
        String r = optionalText(remark, "remark");
        moveTo(to, IssueStep.ACCEPT, date, actor, r);
        return new Change("accepted", from, to, date, r, List.of(new RectificationIssueAcceptedV1(id, source.id(),
                source.type().code(), source.documentNumber(), data.category(), data.regionCode(), data.units().leadUnit(),
                data.units().coUnits(), data.term().name(), raisedOn, deadline, originalDeadline, state.name(), returnCount,
                findingKey, from.name(), date)));
    }

    /** A ledger entry to record: its date, what was done, the evidence it references, the milestone it marks (or null). */
    public record Entry(LocalDate date, String text, List<String> evidenceIds, Integer milestoneNumber) {
        public Entry {
            evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
        }
    }

    /**
     * A responsible unit (lead or co-unit) records a ledger entry while the issue is in progress. A long-term issue's
     * entry may mark one milestone reached (400 for an unknown number or on a short issue, 422 {@code milestone-reached}
     * when it already was).
     */
    public Change recordProgress(Actor actor, Entry entry) {
        IssueState to = step(actor, IssueStep.RECORD_PROGRESS, entry.date());
        String text = Texts.require(entry.text(), "text", IssueData.MAX_TEXT);
        requireEvidenceList(entry.evidenceIds());
        Integer m = entry.milestoneNumber();
        if (m != null) {
            if (data.term() != IssueTerm.LONG_TERM) {
                throw Refusal.invalid("milestoneNumber", "only long-term issues have milestones");
            }
            if (m < 1 || m > milestones.size()) {
                throw Refusal.invalid("milestoneNumber", "must be between 1 and " + milestones.size());
            }
            Milestone ms = milestones.get(m - 1);
            if (ms.reached()) {
                throw Refusal.unprocessable("milestone-reached", "Milestone already reached", "Milestone " + m
                        + " was reached on " + ms.reachedOn() + ".", "milestoneNumber").with("reachedOn", ms.reachedOn());
            }
        }
        LedgerEntry e = new LedgerEntry(ledger.size() + 1, entry.date(), text, entry.evidenceIds(), actor.name(),
                actor.unit(), LedgerEntry.Kind.PROGRESS, m);
        ledger.add(e);
        if (m != null) {
            milestones.set(m - 1, milestones.get(m - 1).reach(entry.date(), e.number()));
        }
        return new Change(m == null ? "progress-recorded" : "milestone-reached", to, to, entry.date(),
                m == null ? null : "milestone " + m, List.of(new RectificationProgressRecordedV1(id, source.id(),
                source.type().code(), source.documentNumber(), data.category(), data.regionCode(), data.units().leadUnit(),
                data.units().coUnits(), data.term().name(), raisedOn, deadline, originalDeadline, state.name(), returnCount,
                findingKey, e.number(), e.evidenceIds().size(), m, milestonesReached(), milestones.size(), entry.date())));
    }

    /**
     * The lead unit reports the issue rectified (IN_PROGRESS → REPORTED) with a ledger entry that references at least one
     * evidence file (422 {@code evidence-required}); a long-term issue only when every milestone was reached (422
     * {@code milestones-open} naming them).
     */
    public Change report(Actor actor, Entry entry) {
        IssueState from = state;
        IssueState to = step(actor, IssueStep.REPORT, entry.date());
        String text = Texts.require(entry.text(), "text", IssueData.MAX_TEXT);
        if (entry.milestoneNumber() != null) {
            throw Refusal.invalid("milestoneNumber", "a report marks no milestone; record progress first");
        }
        requireEvidenceList(entry.evidenceIds());
        if (entry.evidenceIds().isEmpty()) {
            throw Refusal.unprocessable("evidence-required", "Evidence required", "An issue is reported rectified with "
                    + "evidence (佐证材料): upload the files and name them in evidenceIds.", "evidenceIds");
        }
        List<Integer> open = milestones.stream().filter(ms -> !ms.reached()).map(Milestone::number).toList();
        if (!open.isEmpty()) {
            throw Refusal.unprocessable("milestones-open", "Milestones not reached", "A long-term issue is reported "
                    + "rectified once every milestone is reached; open: " + open + ".", "milestones")
                    .with("openMilestones", open);
        }
        LedgerEntry e = new LedgerEntry(ledger.size() + 1, entry.date(), text, entry.evidenceIds(), actor.name(),
                actor.unit(), LedgerEntry.Kind.REPORT, null);
        ledger.add(e);
        moveTo(to, IssueStep.REPORT, entry.date(), actor, null);
        return reported(from, e, false, "reported");
    }

    /**
     * The condition of the issue's system-check rule cleared (the run found it so on {@code date}): the issue moves to
     * REPORTED with a system ledger entry saying why, for an inspector to close. On an issue already REPORTED or CLOSED
     * there is nothing to do: no change (null), so a repeated run is harmless.
     */
    public Change systemClear(LocalDate date, String why) {
        if (!isSystemCheck()) {
            throw new IllegalStateException("issue " + id + " is not a system-check issue");
        }
        if (state == IssueState.REPORTED || state == IssueState.CLOSED) {
            return null;
        }
        IssueState from = state;
        LocalDate d = date.isBefore(latestDate()) ? latestDate() : date; // the run never dates before the last step
        IssueState to = step(Actor.system(), IssueStep.SYSTEM_CLEAR, d);
        String text = Texts.require(why, "text", IssueData.MAX_TEXT);
        LedgerEntry e = new LedgerEntry(ledger.size() + 1, d, text, List.of(), Actor.SYSTEM_NAME, null,
                LedgerEntry.Kind.SYSTEM, null);
        ledger.add(e);
        moveTo(to, IssueStep.SYSTEM_CLEAR, d, Actor.system(), text);
        return reported(from, e, true, "cleared");
    }

    private Change reported(IssueState from, LedgerEntry e, boolean bySystem, String action) {
        return new Change(action, from, state, e.date(), bySystem ? e.text() : null,
                List.of(new RectificationIssueReportedV1(id, source.id(), source.type().code(), source.documentNumber(),
                        data.category(), data.regionCode(), data.units().leadUnit(), data.units().coUnits(),
                        data.term().name(), raisedOn, deadline, originalDeadline, state.name(), returnCount, findingKey,
                        from.name(), e.number(), e.evidenceIds().size(), bySystem, e.date())));
    }

    /** 销号: an inspector verifies the rectification and closes the issue (REPORTED → CLOSED) with a closing remark. */
    public Change close(Actor actor, LocalDate date, String closingRemark) {
        IssueState from = state;
        IssueState to = step(actor, IssueStep.CLOSE, date);
        String remark = Texts.require(closingRemark, "closingRemark", IssueData.MAX_TEXT);
        moveTo(to, IssueStep.CLOSE, date, actor, remark);
        this.closedOn = date;
        this.closingRemark = remark;
        return new Change("closed", from, to, date, remark, List.of(new RectificationIssueClosedV1(id, source.id(),
                source.type().code(), source.documentNumber(), data.category(), data.regionCode(), data.units().leadUnit(),
                data.units().coUnits(), data.term().name(), raisedOn, deadline, originalDeadline, state.name(), returnCount,
                findingKey, !date.isAfter(deadline), date)));
    }

    /** An inspector sends the report back (REPORTED → RETURNED) with the reason. */
    public Change returnIssue(Actor actor, LocalDate date, String reason) {
        IssueState from = state;
        IssueState to = step(actor, IssueStep.RETURN, date);
        String r = Texts.require(reason, "reason", IssueData.MAX_TEXT);
        moveTo(to, IssueStep.RETURN, date, actor, r);
        returnCount++;
        return new Change("returned", from, to, date, r, List.of(new RectificationIssueReturnedV1(id, source.id(),
                source.type().code(), source.documentNumber(), data.category(), data.regionCode(), data.units().leadUnit(),
                data.units().coUnits(), data.term().name(), raisedOn, deadline, originalDeadline, state.name(), returnCount,
                findingKey, date)));
    }

    /**
     * An inspector extends the deadline (整改延期) on {@code date} with the reason and who approved it; the new deadline is
     * after the current one. Any state but CLOSED; the state does not change. Every extension is kept.
     */
    public Change extendDeadline(Actor actor, LocalDate newDeadline, String reason, String approver, LocalDate date) {
        IssueState to = step(actor, IssueStep.EXTEND_DEADLINE, date);
        List<Refusal.FieldError> errors = new ArrayList<>();
        String r = Texts.required(reason, "reason", IssueData.MAX_TEXT, errors);
        String a = Texts.required(approver, "approver", 200, errors);
        if (newDeadline == null) {
            errors.add(new Refusal.FieldError("deadline", "is required: the new deadline"));
        } else if (!newDeadline.isAfter(deadline)) {
            errors.add(new Refusal.FieldError("deadline", "must be after the current deadline (" + deadline + ")"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        LocalDate previous = deadline;
        DeadlineExtension x = new DeadlineExtension(extensions.size() + 1, previous, newDeadline, r, a, date, actor.name());
        extensions.add(x);
        deadline = newDeadline;
        history.add(new Transition(IssueStep.EXTEND_DEADLINE, to, to, date, actor.name(),
                previous + " -> " + newDeadline + ": " + r + " (approved by " + a + ")"));
        return new Change("deadline-extended", to, to, date, previous + " -> " + newDeadline + "; " + r + " (" + a + ")",
                List.of(new RectificationDeadlineExtendedV1(id, source.id(), source.type().code(), source.documentNumber(),
                        data.category(), data.regionCode(), data.units().leadUnit(), data.units().coUnits(),
                        data.term().name(), raisedOn, deadline, originalDeadline, state.name(), returnCount, findingKey,
                        previous, x.number(), date)));
    }

    /** Access (404/403), then the workflow (409), then the date (400): the state after the step. */
    private IssueState step(Actor actor, IssueStep step, LocalDate date) {
        requireRaised();
        IssueAccess.requireStep(actor, data.units(), step);
        IssueState next = Workflow.next(state, step, allowedSteps());
        if (step == IssueStep.SYSTEM_CLEAR && !isSystemCheck()) {
            throw Refusal.notInState(state, step, allowedSteps());
        }
        Objects.requireNonNull(date, "date");
        if (date.isBefore(latestDate())) {
            throw Refusal.invalid("date", "must not be before the issue's latest step (" + latestDate() + ")");
        }
        return next;
    }

    private void moveTo(IssueState to, IssueStep step, LocalDate date, Actor actor, String remark) {
        history.add(new Transition(step, state, to, date, actor.name(), remark));
        state = to;
    }

    private LocalDate latestDate() {
        LocalDate last = raisedOn;
        for (Transition t : history) {
            if (t.date().isAfter(last)) {
                last = t.date();
            }
        }
        return last;
    }

    private void requireRaised() {
        if (state == null) {
            throw new IllegalStateException("issue " + id + " was not raised");
        }
    }

    private static void requireEvidenceList(List<String> ids) {
        if (ids.size() > LedgerEntry.MAX_EVIDENCE) {
            throw Refusal.invalid("evidenceIds", "at most " + LedgerEntry.MAX_EVIDENCE + " evidence files per entry");
        }
        if (ids.stream().anyMatch(e -> e == null || e.isBlank()) || ids.stream().distinct().count() != ids.size()) {
            throw Refusal.invalid("evidenceIds", "must name distinct evidence files");
        }
    }

    private static String optionalText(String text, String field) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        String t = Texts.optional(text, field, IssueData.MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return t;
    }

    // ---- deadlines, overdue, schedule ----

    /** The deadline in force on {@code day}: the original one, replaced by each extension from the day it was approved. */
    public LocalDate deadlineOn(LocalDate day) {
        LocalDate d = originalDeadline;
        for (DeadlineExtension x : extensions) {
            if (!x.approvedOn().isAfter(day)) {
                d = x.newDeadline();
            }
        }
        return d;
    }

    /**
     * Overdue on {@code day} (逾期): raised by then, past the deadline in force that day, and not closed by the end of that
     * day. Always for a given day; a REPORTED issue waiting for verification past its deadline is overdue too.
     */
    public boolean isOverdueOn(LocalDate day) {
        requireRaised();
        if (day.isBefore(raisedOn)) {
            return false;
        }
        boolean closedByThen = closedOn != null && !closedOn.isAfter(day);
        return !closedByThen && day.isAfter(deadlineOn(day));
    }

    /** Closed on or before the deadline in force on the closing day; null while not closed. */
    public Boolean closedOnTime() {
        return closedOn == null ? null : !closedOn.isAfter(deadlineOn(closedOn));
    }

    public int milestonesReached() {
        return (int) milestones.stream().filter(Milestone::reached).count();
    }

    /** The milestones past due and not reached on {@code day}. */
    public List<Milestone> overdueMilestonesOn(LocalDate day) {
        return milestones.stream().filter(m -> m.isOverdueOn(day)).toList();
    }

    /**
     * A long-term issue's next periodic progress report is due this many days ({@link RectificationRules#progressIntervalDays})
     * after its latest ledger entry, or after its acceptance when it has none; null for a short issue or one not in
     * progress (not yet accepted, reported, returned or closed: the unit has nothing to report then).
     */
    public LocalDate nextProgressDue(RectificationRules rules) {
        if (data.term() != IssueTerm.LONG_TERM || state != IssueState.IN_PROGRESS) {
            return null;
        }
        LocalDate last = null;
        for (Transition t : history) {
            if (t.step() == IssueStep.ACCEPT) {
                last = t.date();
            }
        }
        for (LedgerEntry e : ledger) {
            if (last == null || e.date().isAfter(last)) {
                last = e.date();
            }
        }
        return last.plusDays(rules.progressIntervalDays());
    }

    /** The periodic progress report is late on {@code day}. */
    public boolean isProgressLateOn(LocalDate day, RectificationRules rules) {
        LocalDate due = nextProgressDue(rules);
        return due != null && day.isAfter(due);
    }

    /**
     * A long-term issue is on schedule on {@code day} (按进度推进) when it is not closed, not overdue, no milestone is past
     * due, and its periodic progress is not late. Short issues: null.
     */
    public Boolean isOnScheduleOn(LocalDate day, RectificationRules rules) {
        if (data.term() != IssueTerm.LONG_TERM) {
            return null;
        }
        return state != IssueState.CLOSED && !isOverdueOn(day) && overdueMilestonesOn(day).isEmpty()
                && !isProgressLateOn(day, rules);
    }

    public LocalDate raisedOn() {
        return raisedOn;
    }

    public LocalDate originalDeadline() {
        return originalDeadline;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String closingRemark() {
        return closingRemark;
    }

    public int returnCount() {
        return returnCount;
    }

    public List<LedgerEntry> ledger() {
        return List.copyOf(ledger);
    }

    public List<DeadlineExtension> extensions() {
        return List.copyOf(extensions);
    }

    public List<Milestone> milestones() {
        return List.copyOf(milestones);
    }

    public List<Transition> history() {
        return List.copyOf(history);
    }
}
