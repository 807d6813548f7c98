package org.fupin.rectification.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.fupin.rectification.domain.Issues.CO_UNIT;
import static org.fupin.rectification.domain.Issues.INSPECTOR;
import static org.fupin.rectification.domain.Issues.LEAD_UNIT;
import static org.fupin.rectification.domain.Issues.OTHER_UNIT;
import static org.fupin.rectification.domain.Issues.VIEWER;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what: inspectors raise, close, return and extend; units accept, record progress and report — a unit only on
 * the issues it is responsible for (another unit's issue is 404, like one outside the region), and accept/report only as
 * the lead unit; viewers read. Evidence follows the issue.
 */
class IssueAccessTest {

    static final IssueUnits UNITS = new IssueUnits(Issues.LEAD, List.of(Issues.CO));

    static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (Refusal e) {
            return e.status();
        }
    }

    @Test
    void readers() {
        assertTrue(IssueAccess.canRead(INSPECTOR, UNITS));
        assertTrue(IssueAccess.canRead(VIEWER, UNITS));
        assertTrue(IssueAccess.canRead(LEAD_UNIT, UNITS));
        assertTrue(IssueAccess.canRead(CO_UNIT, UNITS));
        assertFalse(IssueAccess.canRead(OTHER_UNIT, UNITS));
        assertEquals(404, status(() -> IssueAccess.requireRead(OTHER_UNIT, UNITS)), "another unit's issue does not exist for it");
        assertEquals(404, status(() -> IssueAccess.requireEvidenceRead(OTHER_UNIT, UNITS)), "nor does its evidence");
        assertEquals(200, status(() -> IssueAccess.requireEvidenceRead(CO_UNIT, UNITS)));
        assertEquals(403, status(() -> IssueAccess.requireRead(Actor.unit("x", null), UNITS)), "a unit token without unit claim fails closed");
        assertEquals(403, status(() -> IssueAccess.requireRead(new Actor("nobody", Set.of(), null), UNITS)));
        Actor inspectorAndUnitWithoutClaim = new Actor("both", Set.of(ActorKind.INSPECTOR, ActorKind.UNIT), null);
        assertEquals(200, status(() -> IssueAccess.requireRead(inspectorAndUnitWithoutClaim, UNITS)));
        assertEquals(403, status(() -> IssueAccess.requireStep(inspectorAndUnitWithoutClaim, UNITS, IssueStep.ACCEPT)));
    }

    @ParameterizedTest
    @EnumSource(IssueStep.class)
    void whoTakesEachStep(IssueStep step) {
        int inspector = status(() -> IssueAccess.requireStep(INSPECTOR, UNITS, step));
        int lead = status(() -> IssueAccess.requireStep(LEAD_UNIT, UNITS, step));
        int co = status(() -> IssueAccess.requireStep(CO_UNIT, UNITS, step));
        int other = status(() -> IssueAccess.requireStep(OTHER_UNIT, UNITS, step));
        int viewer = status(() -> IssueAccess.requireStep(VIEWER, UNITS, step));
        int system = status(() -> IssueAccess.requireStep(Actor.system(), UNITS, step));
        assertEquals(404, other, "another unit never learns the issue exists");
        assertEquals(403, viewer, "viewers only read");
        switch (step) {
            case ACCEPT, REPORT -> assertEquals(List.of(403, 200, 403, 403), List.of(inspector, lead, co, system));
            case RECORD_PROGRESS -> assertEquals(List.of(403, 200, 200, 403), List.of(inspector, lead, co, system));
            case CLOSE, RETURN, EXTEND_DEADLINE -> assertEquals(List.of(200, 403, 403, 403), List.of(inspector, lead, co, system));
            case SYSTEM_CLEAR -> assertEquals(List.of(403, 403, 403, 200), List.of(inspector, lead, co, system));
        }
    }

    @Test
    void onlyInspectorsRaise() {
        assertDoesNotThrow(() -> IssueAccess.requireRaise(INSPECTOR));
        for (Actor a : List.of(LEAD_UNIT, VIEWER, Actor.system())) {
            assertEquals(403, status(() -> IssueAccess.requireRaise(a)), a.name());
            IssueLifecycle i = IssueLifecycle.newIssue("i", Issues.source());
            assertEquals(403, status(() -> i.raise(Issues.shortIssue(), Issues.RULES, a, Issues.RAISED)));
            assertEquals(null, i.state());
        }
    }

    @Test
    void theLifecycleChecksAccessBeforeTheState() {
        IssueLifecycle closed = Issues.closed();
        assertEquals(404, status(() -> closed.accept(OTHER_UNIT, LocalDate.of(2021, 5, 1), null)),
                "another unit gets 404 even where the step is not allowed: nothing is revealed");
        assertEquals(403, status(() -> closed.close(VIEWER, LocalDate.of(2021, 5, 1), "x")));
        IssueLifecycle open = Issues.open();
        assertEquals(403, status(() -> open.accept(CO_UNIT, LocalDate.of(2021, 3, 20), null)), "a co-unit does not accept");
        assertEquals(403, status(() -> open.accept(INSPECTOR, LocalDate.of(2021, 3, 20), null)));
        assertEquals(IssueState.OPEN, open.state());
        IssueLifecycle inProgress = Issues.inProgress();
        assertDoesNotThrow(() -> inProgress.recordProgress(CO_UNIT, new IssueLifecycle.Entry(LocalDate.of(2021, 3, 20),
                "配合核查资金", List.of("ev-3"), null)));
        assertEquals(Issues.CO, inProgress.ledger().get(0).unit());
        assertEquals("clerk-zhao", inProgress.ledger().get(0).recordedBy());
        assertEquals(403, status(() -> inProgress.report(CO_UNIT, new IssueLifecycle.Entry(LocalDate.of(2021, 3, 21), "完成",
                List.of("ev-3"), null))), "a co-unit does not report");
    }

    @Test
    void theStepsShownToEachActor() {
        IssueLifecycle i = Issues.inProgress();
        assertEquals(List.of(IssueStep.RECORD_PROGRESS, IssueStep.REPORT, IssueStep.EXTEND_DEADLINE), i.allowedSteps());
        assertEquals(List.of(IssueStep.RECORD_PROGRESS, IssueStep.REPORT), i.allowedStepsFor(LEAD_UNIT));
        assertEquals(List.of(IssueStep.RECORD_PROGRESS), i.allowedStepsFor(CO_UNIT));
        assertEquals(List.of(IssueStep.EXTEND_DEADLINE), i.allowedStepsFor(INSPECTOR));
        assertEquals(List.of(), i.allowedStepsFor(VIEWER));
        assertEquals(List.of(), i.allowedStepsFor(OTHER_UNIT));
    }

    @Test
    void unitsAreValidated() {
        assertEquals(List.of("leadUnit"), new IssueUnits(" ", List.of()).errors().stream().map(Refusal.FieldError::field).toList());
        assertEquals(List.of("coUnits[0]", "coUnits[2]", "coUnits[3]"), new IssueUnits("A", List.of("A", "B", "B", " "))
                .errors().stream().map(Refusal.FieldError::field).toList());
        assertTrue(new IssueUnits(" A ", List.of(" B")).isResponsible("B"));
        assertTrue(new IssueUnits(" A ", List.of(" B")).isResponsible("A"));
        assertFalse(new IssueUnits("A", List.of("B")).isResponsible(null));
    }
}
