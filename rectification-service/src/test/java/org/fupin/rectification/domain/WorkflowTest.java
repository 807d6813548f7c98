package org.fupin.rectification.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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
import static org.fupin.rectification.domain.Issues.INSPECTOR;
import static org.fupin.rectification.domain.Issues.LEAD_UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's workflow: OPEN → IN_PROGRESS (accept) → REPORTED (report, evidence) → CLOSED (close) or RETURNED (return)
 * → IN_PROGRESS (accept again); extension in any state but CLOSED; system clearing of system-check issues. Every
 * (state, step) pair is either the one transition allowed or a 409 naming the current state and the allowed steps —
 * both in the table and through the lifecycle, where a refusal changes nothing.
 */
class WorkflowTest {

    /** The expected table, written from the issue text, independent of the implementation's. */
    static final Map<IssueState, Map<IssueStep, IssueState>> EXPECTED = Map.of(
            OPEN, Map.of(ACCEPT, IN_PROGRESS, SYSTEM_CLEAR, REPORTED, EXTEND_DEADLINE, OPEN),
            IN_PROGRESS, Map.of(RECORD_PROGRESS, IN_PROGRESS, REPORT, REPORTED, SYSTEM_CLEAR, REPORTED,
                    EXTEND_DEADLINE, IN_PROGRESS),
            REPORTED, Map.of(CLOSE, CLOSED, RETURN, RETURNED, EXTEND_DEADLINE, REPORTED),
            RETURNED, Map.of(ACCEPT, IN_PROGRESS, SYSTEM_CLEAR, REPORTED, EXTEND_DEADLINE, RETURNED),
            CLOSED, Map.of());

    static Stream<Arguments> everyPair() {
        List<Arguments> l = new ArrayList<>();
        for (IssueState s : IssueState.values()) {
            for (IssueStep step : IssueStep.values()) {
                l.add(Arguments.of(s, step));
            }
        }
        return l.stream();
    }

    @Test
    void theTableIsTheIssuesTable() {
        assertEquals(EXPECTED, Workflow.table());
        assertEquals(List.of(), Workflow.allowedSteps(CLOSED));
    }

    @ParameterizedTest(name = "table {0} --{1}-->")
    @MethodSource("everyPair")
    void everyStateAndStepPairInTheTable(IssueState state, IssueStep step) {
        IssueState expected = EXPECTED.get(state).get(step);
        if (expected != null) {
            assertEquals(expected, Workflow.next(state, step));
        } else {
            Refusal r = assertThrows(Refusal.class, () -> Workflow.next(state, step));
            assertEquals(409, r.status());
            assertEquals(state, r.details().get("currentState"));
            assertEquals(step, r.details().get("step"));
            assertEquals(Set.copyOf(EXPECTED.get(state).keySet()), Set.copyOf((List<?>) r.details().get("allowedSteps")));
        }
    }

    /** Takes the step on the issue as the actor whose step it is, with valid input. */
    static Change take(IssueLifecycle i, IssueStep step) {
        LocalDate day = LocalDate.of(2021, 5, 1);
        return switch (step) {
            case ACCEPT -> i.accept(LEAD_UNIT, day, null);
            case RECORD_PROGRESS -> i.recordProgress(LEAD_UNIT, new IssueLifecycle.Entry(day, "入户核查", List.of(), null));
            case REPORT -> i.report(LEAD_UNIT, new IssueLifecycle.Entry(day, "整改完成", List.of("ev-9"), null));
            case SYSTEM_CLEAR -> i.systemClear(day, "cleared");
            case CLOSE -> i.close(INSPECTOR, day, "整改到位");
            case RETURN -> i.returnIssue(INSPECTOR, day, "材料不全");
            case EXTEND_DEADLINE -> i.extendDeadline(INSPECTOR, LocalDate.of(2021, 9, 30), "需跨年度实施", "县委副书记", day);
        };
    }

    @ParameterizedTest(name = "system-check issue {0} --{1}-->")
    @MethodSource("everyPair")
    void everyPairThroughTheLifecycleOfASystemCheckIssue(IssueState state, IssueStep step) {
        IssueLifecycle i = Issues.systemIn(state);
        assertEquals(state, i.state());
        IssueState expected = EXPECTED.get(state).get(step);
        IssueLifecycle.Status before = i.status();
        if (step == SYSTEM_CLEAR && (state == REPORTED || state == CLOSED)) {
            assertEquals(null, i.systemClear(LocalDate.of(2021, 5, 1), "again"), "a repeated clearing is no change");
            assertEquals(before, i.status());
        } else if (expected != null) {
            Change c = take(i, step);
            assertEquals(expected, i.state());
            assertEquals(state, c.from());
            assertEquals(expected, c.to());
            assertEquals(1, c.events().size(), "every step publishes one event");
        } else {
            Refusal r = assertThrows(Refusal.class, () -> take(i, step));
            assertEquals(409, r.status(), r.getMessage());
            assertEquals(state, r.details().get("currentState"));
            assertEquals(i.allowedSteps(), r.details().get("allowedSteps"));
            assertEquals(before, i.status(), "a refusal changes nothing");
        }
    }

    @ParameterizedTest(name = "issue {0} --{1}-->")
    @MethodSource("everyPair")
    void everyPairThroughTheLifecycleOfAnIssueRaisedByHand(IssueState state, IssueStep step) {
        IssueLifecycle i = Issues.in(state);
        IssueState expected = EXPECTED.get(state).get(step);
        IssueLifecycle.Status before = i.status();
        if (step == SYSTEM_CLEAR) {
            // only system-check issues are cleared by the system; the service never asks for others
            assertThrows(IllegalStateException.class, () -> take(i, step));
            assertFalse(i.allowedSteps().contains(SYSTEM_CLEAR));
        } else if (expected != null) {
            take(i, step);
            assertEquals(expected, i.state());
        } else {
            Refusal r = assertThrows(Refusal.class, () -> take(i, step));
            assertEquals(409, r.status(), r.getMessage());
            assertEquals(state, r.details().get("currentState"));
            List<?> allowed = (List<?>) r.details().get("allowedSteps");
            assertFalse(allowed.contains(SYSTEM_CLEAR), "the answer shows only steps a person can take");
            assertEquals(i.allowedSteps(), allowed);
            assertTrue(r.getMessage().contains(state.name()) && r.getMessage().contains(step.name()), r.getMessage());
        }
        if (expected == null) {
            assertEquals(before, i.status(), "a refusal changes nothing");
        }
    }

    @Test
    void theWholeWayRoundAReturnToClosure() {
        IssueLifecycle i = Issues.returned();
        assertEquals(1, i.returnCount());
        i.accept(LEAD_UNIT, LocalDate.of(2021, 4, 6), "重新整改");
        i.report(LEAD_UNIT, new IssueLifecycle.Entry(LocalDate.of(2021, 4, 20), "补充材料", List.of("ev-2"), null));
        Change c = i.close(INSPECTOR, LocalDate.of(2021, 4, 25), "销号");
        assertEquals(CLOSED, i.state());
        assertNotNull(c);
        assertEquals(java.util.Arrays.asList(null, ACCEPT, REPORT, RETURN, ACCEPT, REPORT, CLOSE),
                i.history().stream().map(Transition::step).toList());
        assertEquals(List.of(OPEN, IN_PROGRESS, REPORTED, RETURNED, IN_PROGRESS, REPORTED, CLOSED),
                i.history().stream().map(Transition::to).toList());
        assertEquals(LocalDate.of(2021, 4, 25), i.closedOn());
        assertEquals("销号", i.closingRemark());
        assertEquals(List.of(), i.allowedSteps());
    }
}
