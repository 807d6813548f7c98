package org.fupin.project.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.fupin.project.domain.ProjectStage.ACCEPTED;
import static org.fupin.project.domain.ProjectStage.CANCELLED;
import static org.fupin.project.domain.ProjectStage.COMPLETED;
import static org.fupin.project.domain.ProjectStage.PLANNED;
import static org.fupin.project.domain.ProjectStage.PRE_APPROVAL_DONE;
import static org.fupin.project.domain.ProjectStage.TENDERING;
import static org.fupin.project.domain.ProjectStage.UNDER_CONSTRUCTION;
import static org.fupin.project.domain.StageStep.ACCEPTANCE;
import static org.fupin.project.domain.StageStep.CANCELLATION;
import static org.fupin.project.domain.StageStep.COMPLETION;
import static org.fupin.project.domain.StageStep.CONSTRUCTION_START;
import static org.fupin.project.domain.StageStep.PRE_APPROVAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lifecycle table of the domain page: 入库 → 前期审批 → 招投标 → 开工建设 → 完工 → 验收, cancellation (终止) before
 * completion; every (stage, step) pair is either the one transition the page allows or a 409 naming the allowed steps.
 */
class StageFlowTest {

    /** The expected table, written from the page, independent of the implementation's. */
    static final Map<ProjectStage, Map<StageStep, ProjectStage>> EXPECTED = Map.of(
            PLANNED, Map.of(PRE_APPROVAL, PRE_APPROVAL_DONE, CANCELLATION, CANCELLED),
            PRE_APPROVAL_DONE, Map.of(StageStep.TENDERING, TENDERING, CANCELLATION, CANCELLED),
            TENDERING, Map.of(CONSTRUCTION_START, UNDER_CONSTRUCTION, CANCELLATION, CANCELLED),
            UNDER_CONSTRUCTION, Map.of(COMPLETION, COMPLETED, CANCELLATION, CANCELLED),
            COMPLETED, Map.of(ACCEPTANCE, ACCEPTED),
            ACCEPTED, Map.of(),
            CANCELLED, Map.of());

    static Stream<Arguments> everyPair() {
        List<Arguments> l = new ArrayList<>();
        for (ProjectStage s : ProjectStage.values()) {
            for (StageStep step : StageStep.values()) {
                l.add(Arguments.of(s, step));
            }
        }
        return l.stream();
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyPair")
    void everyStageAndStepPair(ProjectStage stage, StageStep step) {
        ProjectStage expected = EXPECTED.get(stage).get(step);
        if (expected != null) {
            assertEquals(expected, StageFlow.full().next(stage, step));
        } else {
            Refusal r = assertThrows(Refusal.class, () -> StageFlow.full().next(stage, step));
            assertEquals(Refusal.Kind.CONFLICT, r.kind());
            assertEquals(409, r.status());
            assertEquals(stage, r.details().get("currentStage"));
            assertEquals(Set.copyOf(EXPECTED.get(stage).keySet()), Set.copyOf((List<?>) r.details().get("allowedSteps")));
            assertTrue(r.getMessage().contains(stage.name()) && r.getMessage().contains(step.name()), r.getMessage());
        }
    }

    @Test
    void theTableIsThePagesTable() {
        assertEquals(EXPECTED, StageFlow.full().table());
        assertEquals(List.of(COMPLETION, CANCELLATION), StageFlow.full().allowedSteps(UNDER_CONSTRUCTION));
        assertEquals(List.of(), StageFlow.full().allowedSteps(ACCEPTED));
    }

    @Test
    void aCategoryWithoutTenderingGoesFromPreApprovalStraightToConstruction() {
        StageFlow noTendering = StageFlow.skipping(EnumSet.of(TENDERING));
        assertEquals(UNDER_CONSTRUCTION, noTendering.next(PRE_APPROVAL_DONE, CONSTRUCTION_START));
        assertEquals(List.of(CONSTRUCTION_START, CANCELLATION), noTendering.allowedSteps(PRE_APPROVAL_DONE));
        Refusal r = assertThrows(Refusal.class, () -> noTendering.next(PRE_APPROVAL_DONE, StageStep.TENDERING));
        assertEquals(List.of(CONSTRUCTION_START, CANCELLATION), r.details().get("allowedSteps"));
        assertFalse(noTendering.passesThrough(TENDERING));
        assertEquals(List.of(PLANNED, PRE_APPROVAL_DONE), noTendering.stagesBefore(UNDER_CONSTRUCTION));
    }

    @Test
    void aCategorySkippingBothPreparatoryStagesStartsConstructionFromPlanned() {
        StageFlow direct = StageFlow.skipping(EnumSet.of(PRE_APPROVAL_DONE, TENDERING));
        assertEquals(List.of(CONSTRUCTION_START, CANCELLATION), direct.allowedSteps(PLANNED));
        assertEquals(UNDER_CONSTRUCTION, direct.next(PLANNED, CONSTRUCTION_START));
        assertThrows(Refusal.class, () -> direct.next(PLANNED, PRE_APPROVAL));
        // a project already in a stage its category now skips still moves on
        assertEquals(UNDER_CONSTRUCTION, direct.next(TENDERING, CONSTRUCTION_START));
        assertEquals(COMPLETED, direct.next(UNDER_CONSTRUCTION, COMPLETION));
    }

    @Test
    void onlyThePreparatoryStagesMayBeSkipped() {
        for (ProjectStage s : EnumSet.complementOf(EnumSet.copyOf(StageFlow.SKIPPABLE))) {
            assertThrows(IllegalArgumentException.class, () -> StageFlow.skipping(EnumSet.of(s)), s.name());
        }
        assertThrows(IllegalArgumentException.class, () -> new ProjectRules(Set.of("x"), Map.of("x", Set.of(ACCEPTED)),
                Map.of(), ProjectRules.BASE_REQUIRED));
    }

    @Test
    void startedAndCompletedAreWhatTheFiguresCount() {
        assertEquals(EnumSet.of(UNDER_CONSTRUCTION, COMPLETED, ACCEPTED),
                EnumSet.copyOf(Stream.of(ProjectStage.values()).filter(ProjectStage::isStarted).toList()));
        assertEquals(EnumSet.of(COMPLETED, ACCEPTED),
                EnumSet.copyOf(Stream.of(ProjectStage.values()).filter(ProjectStage::isCompleted).toList()));
    }
}
