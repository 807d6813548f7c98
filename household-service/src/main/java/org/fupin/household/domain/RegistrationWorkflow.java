package org.fupin.household.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registration state machine ("two public notices and one announcement", 两公示一公告):
 * <pre>
 * APPLIED ─investigated→ INVESTIGATED ─democratic review→ DEMOCRATICALLY_REVIEWED ─village notice→ VILLAGE_NOTICE
 *   ─township review (≥ N days of notice)→ TOWNSHIP_REVIEWED ─township notice→ TOWNSHIP_NOTICE
 *   ─county announcement (≥ N days of notice)→ REGISTERED
 * VILLAGE_NOTICE / TOWNSHIP_NOTICE ─objection→ APPLIED (back to investigation)
 * </pre>
 */
public final class RegistrationWorkflow {

    private RegistrationWorkflow() {
    }

    private record Edge(HouseholdState from, WorkflowStep step) {
    }

    private static final Map<Edge, HouseholdState> EDGES = Map.of(
            new Edge(HouseholdState.APPLIED, WorkflowStep.INVESTIGATED), HouseholdState.INVESTIGATED,
            new Edge(HouseholdState.INVESTIGATED, WorkflowStep.DEMOCRATICALLY_REVIEWED), HouseholdState.DEMOCRATICALLY_REVIEWED,
            new Edge(HouseholdState.DEMOCRATICALLY_REVIEWED, WorkflowStep.VILLAGE_NOTICE_STARTED), HouseholdState.VILLAGE_NOTICE,
            new Edge(HouseholdState.VILLAGE_NOTICE, WorkflowStep.TOWNSHIP_REVIEWED), HouseholdState.TOWNSHIP_REVIEWED,
            new Edge(HouseholdState.VILLAGE_NOTICE, WorkflowStep.OBJECTION_RAISED), HouseholdState.APPLIED,
            new Edge(HouseholdState.TOWNSHIP_REVIEWED, WorkflowStep.TOWNSHIP_NOTICE_STARTED), HouseholdState.TOWNSHIP_NOTICE,
            new Edge(HouseholdState.TOWNSHIP_NOTICE, WorkflowStep.COUNTY_ANNOUNCED), HouseholdState.REGISTERED,
            new Edge(HouseholdState.TOWNSHIP_NOTICE, WorkflowStep.OBJECTION_RAISED), HouseholdState.APPLIED);

    /** Steps that close a notice, and so need the notice to have run its minimum days. */
    private static final Set<WorkflowStep> CLOSES_A_NOTICE = EnumSet.of(WorkflowStep.TOWNSHIP_REVIEWED, WorkflowStep.COUNTY_ANNOUNCED);

    /** A step that cannot be taken now; the message says why. */
    public static final class Refused extends RuntimeException {
        private final HouseholdState current;
        private final List<WorkflowStep> allowed;

        Refused(String message, HouseholdState current, List<WorkflowStep> allowed) {
            super(message);
            this.current = current;
            this.allowed = allowed;
        }

        public HouseholdState current() {
            return current;
        }

        public List<WorkflowStep> allowed() {
            return allowed;
        }
    }

    public static List<WorkflowStep> allowedSteps(HouseholdState state) {
        return EDGES.keySet().stream().filter(e -> e.from() == state).map(Edge::step).sorted().toList();
    }

    /**
     * @param noticeStartedOn the day the running notice started (for steps that close a notice)
     * @param stepDate        the day the step is taken (offices may record a past date, never a future one)
     * @param minNoticeDays   the configured minimum length of a public notice
     * @return the state after the step
     * @throws Refused when the step is not allowed in this state, or the notice has not run long enough
     */
    public static HouseholdState take(HouseholdState current, WorkflowStep step, LocalDate noticeStartedOn, LocalDate stepDate,
                                      int minNoticeDays) {
        HouseholdState next = EDGES.get(new Edge(current, step));
        if (next == null) {
            throw new Refused("Step " + step + " is not allowed in state " + current + "; allowed: " + allowedSteps(current) + ".",
                    current, allowedSteps(current));
        }
        if (CLOSES_A_NOTICE.contains(step)) {
            long days = noticeStartedOn == null ? 0 : ChronoUnit.DAYS.between(noticeStartedOn, stepDate);
            if (noticeStartedOn == null || days < minNoticeDays) {
                throw new Refused("The public notice started on " + noticeStartedOn + " has run " + days + " day(s); it must run at least "
                        + minNoticeDays + " days before " + step + ".", current, allowedSteps(current));
            }
        }
        return next;
    }

    /** Whether the step opens a public notice (its date is then the notice's start). */
    public static boolean startsANotice(WorkflowStep step) {
        return step == WorkflowStep.VILLAGE_NOTICE_STARTED || step == WorkflowStep.TOWNSHIP_NOTICE_STARTED;
    }

    /** For documentation and the OpenAPI description: every allowed step per state. */
    public static Map<HouseholdState, List<WorkflowStep>> table() {
        Map<HouseholdState, List<WorkflowStep>> t = new EnumMap<>(HouseholdState.class);
        for (HouseholdState s : HouseholdState.values()) {
            t.put(s, allowedSteps(s));
        }
        return t;
    }
}
