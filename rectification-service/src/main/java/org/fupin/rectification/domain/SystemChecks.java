package org.fupin.rectification.domain;

import org.fupin.platform.money.Rate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The system-check rules (系统核查) as plain functions of an object's facts, a day and the thresholds. Each rule either
 * holds (a {@link Finding} with its deduplication key) or does not (empty: not applicable or cleared). The service runs
 * them when an event changes an object and on its schedule for the time rules (with an injectable clock), and does:
 * <pre>
 * holds, no open issue with the key     → raise one (source: the rule's system-check source)
 * holds, an open issue with the key     → nothing (a replayed or repeated event never raises a second one)
 * does not hold, an open issue with key → IssueLifecycle.systemClear (→ REPORTED, system ledger entry), for an inspector
 * does not hold, no open issue          → nothing
 * </pre>
 * "Open" means not CLOSED; after closure a new occurrence raises a new issue. "N days after X" holds from day X + N on.
 */
public final class SystemChecks {
    private SystemChecks() {
    }

    /** What one rule says about one object on one day. */
    public record Outcome(SystemCheckRule rule, String key, Optional<Finding> finding) {
        public boolean holds() {
            return finding.isPresent();
        }
    }

    /** The enabled project rules' outcomes for a project on {@code today}. */
    public static List<Outcome> forProject(ProjectFacts p, LocalDate today, SystemCheckThresholds t) {
        List<Outcome> l = new ArrayList<>();
        add(l, t, SystemCheckRule.PROJECT_INCOMPLETE, p.projectId(), () -> projectIncomplete(p, today, t));
        add(l, t, SystemCheckRule.PROJECT_OVERDUE, p.projectId(), () -> projectOverdue(p, today, t));
        add(l, t, SystemCheckRule.PROJECT_REIMBURSEMENT_LOW, p.projectId(), () -> reimbursementLow(p, today, t));
        return l;
    }

    /** The enabled household rules' outcomes for a household on {@code today}. */
    public static List<Outcome> forHousehold(HouseholdFacts h, LocalDate today, SystemCheckThresholds t) {
        List<Outcome> l = new ArrayList<>();
        add(l, t, SystemCheckRule.HOUSEHOLD_WITHOUT_CADRE, h.householdId(), () -> withoutCadre(h, today, t));
        add(l, t, SystemCheckRule.MONITORED_WITHOUT_MEASURE, h.householdId(), () -> withoutMeasure(h, today, t));
        return l;
    }

    private static void add(List<Outcome> l, SystemCheckThresholds t, SystemCheckRule rule, String id,
                            java.util.function.Supplier<Optional<Finding>> f) {
        if (t.isEnabled(rule)) {
            l.add(new Outcome(rule, rule.keyFor(id), f.get()));
        }
    }

    /** 项目信息不完整: not cancelled, still lacking required fields on or after entry + N days. */
    public static Optional<Finding> projectIncomplete(ProjectFacts p, LocalDate today, SystemCheckThresholds t) {
        if (p.isCancelled() || p.missingFields().isEmpty() || p.enteredOn() == null) {
            return Optional.empty();
        }
        LocalDate since = p.enteredOn().plusDays(t.projectIncompleteDays());
        if (today.isBefore(since)) {
            return Optional.empty();
        }
        return finding(SystemCheckRule.PROJECT_INCOMPLETE, p.projectId(), p.regionCode(), since,
                "项目信息不完整: project entered on " + p.enteredOn() + " still lacks " + p.missingFields() + " "
                        + t.projectIncompleteDays() + " days after entry.");
    }

    /** 逾期未完工: not completed, accepted or cancelled, and past its planned end date (+ grace days). */
    public static Optional<Finding> projectOverdue(ProjectFacts p, LocalDate today, SystemCheckThresholds t) {
        if (p.isCancelled() || p.isCompleted() || p.plannedEndDate() == null) {
            return Optional.empty();
        }
        LocalDate last = p.plannedEndDate().plusDays(t.projectOverdueGraceDays());
        if (!today.isAfter(last)) {
            return Optional.empty();
        }
        return finding(SystemCheckRule.PROJECT_OVERDUE, p.projectId(), p.regionCode(), last.plusDays(1),
                "逾期未完工: planned to end on " + p.plannedEndDate() + ", still in stage " + p.stage() + ".");
    }

    /**
     * 报账滞后: completed (or accepted) more than N days ago, with reimbursed ÷ implemented amount below X %. A project with
     * no implemented amount has no rate (undefined) and is no finding.
     */
    public static Optional<Finding> reimbursementLow(ProjectFacts p, LocalDate today, SystemCheckThresholds t) {
        if (!p.isCompleted() || p.completedOn() == null || p.implementedAmount().amount().signum() <= 0) {
            return Optional.empty();
        }
        LocalDate last = p.completedOn().plusDays(t.reimbursementAfterDays());
        if (!today.isAfter(last)) {
            return Optional.empty();
        }
        Rate rate = Rate.of(p.reimbursed(), p.implementedAmount());
        // reimbursed × 100 < X × implemented: exact, no rounding of the rate decides
        boolean below = p.reimbursed().amount().multiply(BigDecimal.valueOf(100))
                .compareTo(t.reimbursementMinPercent().multiply(p.implementedAmount().amount())) < 0;
        if (!below) {
            return Optional.empty();
        }
        return finding(SystemCheckRule.PROJECT_REIMBURSEMENT_LOW, p.projectId(), p.regionCode(), last.plusDays(1),
                "报账滞后: completed on " + p.completedOn() + ", reimbursed " + p.reimbursed() + " of " + p.implementedAmount()
                        + " (" + rate.percent() + " %), below " + t.reimbursementMinPercent().toPlainString() + " % after "
                        + t.reimbursementAfterDays() + " days.");
    }

    /** 帮扶责任人未落实: in the registry (registered or exited), no cadre assigned, on or after registration + N days. */
    public static Optional<Finding> withoutCadre(HouseholdFacts h, LocalDate today, SystemCheckThresholds t) {
        if (!h.isInRegistry() || h.registeredOn() == null || h.cadreAssignedOn() != null) {
            return Optional.empty();
        }
        LocalDate since = h.registeredOn().plusDays(t.cadreDays());
        if (today.isBefore(since)) {
            return Optional.empty();
        }
        return finding(SystemCheckRule.HOUSEHOLD_WITHOUT_CADRE, h.householdId(), h.regionCode(), since,
                "帮扶责任人未落实: household registered on " + h.registeredOn() + " has no responsible cadre "
                        + t.cadreDays() + " days later.");
    }

    /**
     * 帮扶措施未落实: monitored, no assistance measure recorded since monitoring started, on or after the start + N days.
     */
    public static Optional<Finding> withoutMeasure(HouseholdFacts h, LocalDate today, SystemCheckThresholds t) {
        if (!h.isMonitored()) {
            return Optional.empty();
        }
        LocalDate started = h.monitoringStartedOn();
        if (h.lastMeasureOn() != null && !h.lastMeasureOn().isBefore(started)) {
            return Optional.empty();
        }
        LocalDate since = started.plusDays(t.measureDays());
        if (today.isBefore(since)) {
            return Optional.empty();
        }
        return finding(SystemCheckRule.MONITORED_WITHOUT_MEASURE, h.householdId(), h.regionCode(), since,
                "帮扶措施未落实: monitored since " + started + " without an assistance measure " + t.measureDays()
                        + " days later.");
    }

    private static Optional<Finding> finding(SystemCheckRule rule, String id, String region, LocalDate since, String text) {
        return Optional.of(new Finding(rule, rule.keyFor(id), id, region, since, text));
    }

    /** What the run does about one outcome, given whether an open (not CLOSED) issue with its key exists. */
    public enum Action { RAISE, CLEAR, NOTHING }

    public static Action decide(Outcome outcome, boolean openIssueExists) {
        if (outcome.holds()) {
            return openIssueExists ? Action.NOTHING : Action.RAISE;
        }
        return openIssueExists ? Action.CLEAR : Action.NOTHING;
    }

    /**
     * The issue a finding raises on {@code today}: its description, the rule's category, the object's region, the link to
     * the object, the rule's lead unit, a deadline {@code issueDays} later, short term, and the measure to take.
     */
    public static IssueData issueFor(Finding f, LocalDate today, SystemCheckThresholds t) {
        IssueLinks links = f.rule().objectKind() == SystemCheckRule.ObjectKind.PROJECT
                ? new IssueLinks(List.of(), List.of(f.objectId()), List.of())
                : new IssueLinks(List.of(f.objectId()), List.of(), List.of());
        return new IssueData(f.description(), f.rule().category(), f.regionCode(), links,
                new IssueUnits(t.leadUnits().get(f.rule()), List.of()), today.plusDays(t.issueDays()), IssueTerm.SHORT,
                measureFor(f.rule()), List.of());
    }

    /** The ledger text of a system clearing. */
    public static String clearedText(SystemCheckRule rule, LocalDate day) {
        return "系统核查 " + day + ": the condition of rule " + rule.code() + " no longer holds ("
                + switch (rule) {
                    case PROJECT_INCOMPLETE -> "the project record is complete or the project was cancelled";
                    case PROJECT_OVERDUE -> "the project was completed or cancelled, or its planned end date was moved";
                    case PROJECT_REIMBURSEMENT_LOW -> "reimbursement reached the threshold";
                    case HOUSEHOLD_WITHOUT_CADRE -> "a responsible cadre was assigned or the household left the registry";
                    case MONITORED_WITHOUT_MEASURE -> "an assistance measure was recorded or monitoring ended";
                } + "); to be verified and closed by an inspector.";
    }

    private static String measureFor(SystemCheckRule rule) {
        return switch (rule) {
            case PROJECT_INCOMPLETE -> "Complete the project record in the library.";
            case PROJECT_OVERDUE -> "Complete the project, or adjust its planned end date with an approved adjustment.";
            case PROJECT_REIMBURSEMENT_LOW -> "Settle the project's vouchers (报账).";
            case HOUSEHOLD_WITHOUT_CADRE -> "Assign a responsible cadre (帮扶责任人) to the household.";
            case MONITORED_WITHOUT_MEASURE -> "Record an assistance measure (帮扶措施) for the monitored household.";
        };
    }
}
