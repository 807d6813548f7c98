package org.fupin.rectification.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.fupin.rectification.domain.IssueState.CLOSED;
import static org.fupin.rectification.domain.IssueState.IN_PROGRESS;
import static org.fupin.rectification.domain.IssueState.OPEN;
import static org.fupin.rectification.domain.IssueState.REPORTED;
import static org.fupin.rectification.domain.IssueState.RETURNED;
import static org.fupin.rectification.domain.IssueStep.ACCEPT;
import static org.fupin.rectification.domain.IssueStep.CLOSE;
import static org.fupin.rectification.domain.IssueStep.EXTEND_DEADLINE;
import static org.fupin.rectification.domain.IssueStep.RECORD_PROGRESS;
import static org.fupin.rectification.domain.IssueStep.REPORT;
import static org.fupin.rectification.domain.IssueStep.RETURN;
import static org.fupin.rectification.domain.IssueStep.SYSTEM_CLEAR;

/**
 * The rectification workflow as an explicit state machine:
 * <pre>
 * state        step              → state        who
 * OPEN         ACCEPT            → IN_PROGRESS  lead unit
 *              SYSTEM_CLEAR      → REPORTED     system (system-check issues only)
 *              EXTEND_DEADLINE   → OPEN         inspector
 * IN_PROGRESS  RECORD_PROGRESS   → IN_PROGRESS  lead unit or co-unit
 *              REPORT            → REPORTED     lead unit, with evidence
 *              SYSTEM_CLEAR      → REPORTED     system
 *              EXTEND_DEADLINE   → IN_PROGRESS  inspector
 * REPORTED     CLOSE             → CLOSED       inspector, with a closing remark (销号)
 *              RETURN            → RETURNED     inspector, with the reason
 *              EXTEND_DEADLINE   → REPORTED     inspector
 * RETURNED     ACCEPT            → IN_PROGRESS  lead unit (takes it up again)
 *              SYSTEM_CLEAR      → REPORTED     system
 *              EXTEND_DEADLINE   → RETURNED     inspector
 * CLOSED       —
 * </pre>
 * Any other (state, step) pair is refused with 409 naming the current state and the allowed steps.
 */
public final class Workflow {
    private Workflow() {
    }

    private static final Map<IssueState, Map<IssueStep, IssueState>> TABLE;

    static {
        Map<IssueState, Map<IssueStep, IssueState>> t = new EnumMap<>(IssueState.class);
        t.put(OPEN, steps(ACCEPT, IN_PROGRESS, SYSTEM_CLEAR, REPORTED, EXTEND_DEADLINE, OPEN));
        t.put(IN_PROGRESS, steps(RECORD_PROGRESS, IN_PROGRESS, REPORT, REPORTED, SYSTEM_CLEAR, REPORTED,
                EXTEND_DEADLINE, IN_PROGRESS));
        t.put(REPORTED, steps(CLOSE, CLOSED, RETURN, RETURNED, EXTEND_DEADLINE, REPORTED));
        t.put(RETURNED, steps(ACCEPT, IN_PROGRESS, SYSTEM_CLEAR, REPORTED, EXTEND_DEADLINE, RETURNED));
        t.put(CLOSED, Map.of());
        TABLE = Collections.unmodifiableMap(t);
    }

    private static Map<IssueStep, IssueState> steps(Object... stepThenState) {
        Map<IssueStep, IssueState> m = new LinkedHashMap<>();
        for (int i = 0; i < stepThenState.length; i += 2) {
            m.put((IssueStep) stepThenState[i], (IssueState) stepThenState[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The steps a unit takes only as the lead unit (牵头单位); co-units record progress only. */
    public static final Set<IssueStep> LEAD_UNIT_ONLY = Set.of(ACCEPT, REPORT);

    /** Who takes a step. */
    public static ActorKind actorOf(IssueStep step) {
        return switch (step) {
            case ACCEPT, RECORD_PROGRESS, REPORT -> ActorKind.UNIT;
            case SYSTEM_CLEAR -> ActorKind.SYSTEM;
            case CLOSE, RETURN, EXTEND_DEADLINE -> ActorKind.INSPECTOR;
        };
    }

    /** Every step allowed in a state, in the table's order. */
    public static List<IssueStep> allowedSteps(IssueState state) {
        return List.copyOf(TABLE.get(state).keySet());
    }

    /**
     * @return the state after the step
     * @throws Refusal 409 naming the current state and the allowed steps when the step is not allowed in the state
     */
    public static IssueState next(IssueState current, IssueStep step, List<IssueStep> allowedToShow) {
        IssueState next = TABLE.get(current).get(step);
        if (next == null) {
            throw Refusal.notInState(current, step, allowedToShow);
        }
        return next;
    }

    /** @see #next(IssueState, IssueStep, List) */
    public static IssueState next(IssueState current, IssueStep step) {
        return next(current, step, allowedSteps(current));
    }

    /** The whole table, for documentation and tests. */
    public static Map<IssueState, Map<IssueStep, IssueState>> table() {
        return TABLE;
    }

    /** Whether the state counts as done (closed); every other state is still open for the figures. */
    public static boolean isClosed(IssueState state) {
        return state == CLOSED;
    }
}
