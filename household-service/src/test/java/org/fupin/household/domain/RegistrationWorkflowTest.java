package org.fupin.household.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;

import static org.fupin.household.domain.HouseholdState.APPLIED;
import static org.fupin.household.domain.HouseholdState.EXITED;
import static org.fupin.household.domain.HouseholdState.REGISTERED;
import static org.fupin.household.domain.HouseholdState.REMOVED;
import static org.fupin.household.domain.HouseholdState.TOWNSHIP_NOTICE;
import static org.fupin.household.domain.HouseholdState.VILLAGE_NOTICE;
import static org.fupin.household.domain.WorkflowStep.COUNTY_ANNOUNCED;
import static org.fupin.household.domain.WorkflowStep.OBJECTION_RAISED;
import static org.fupin.household.domain.WorkflowStep.TOWNSHIP_NOTICE_STARTED;
import static org.fupin.household.domain.WorkflowStep.VILLAGE_NOTICE_STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationWorkflowTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    HouseholdState take(HouseholdState s, WorkflowStep step) {
        return RegistrationWorkflow.take(s, step, DAY, DAY.plusDays(7), 7);
    }

    @Test
    void theFullPathEndsRegistered() {
        HouseholdState s = APPLIED;
        s = take(s, WorkflowStep.INVESTIGATED);
        assertEquals(HouseholdState.INVESTIGATED, s);
        s = take(s, WorkflowStep.DEMOCRATICALLY_REVIEWED);
        assertEquals(HouseholdState.DEMOCRATICALLY_REVIEWED, s);
        s = take(s, VILLAGE_NOTICE_STARTED);
        assertEquals(VILLAGE_NOTICE, s);
        s = take(s, WorkflowStep.TOWNSHIP_REVIEWED);
        assertEquals(HouseholdState.TOWNSHIP_REVIEWED, s);
        s = take(s, TOWNSHIP_NOTICE_STARTED);
        assertEquals(TOWNSHIP_NOTICE, s);
        s = take(s, COUNTY_ANNOUNCED);
        assertEquals(REGISTERED, s);
    }

    @Test
    void anObjectionDuringEitherNoticeSendsItBackToInvestigation() {
        assertEquals(APPLIED, take(VILLAGE_NOTICE, OBJECTION_RAISED));
        assertEquals(APPLIED, take(TOWNSHIP_NOTICE, OBJECTION_RAISED));
    }

    @Test
    void aNoticeMustRunItsMinimumDays() {
        var refused = assertThrows(RegistrationWorkflow.Refused.class,
                () -> RegistrationWorkflow.take(VILLAGE_NOTICE, WorkflowStep.TOWNSHIP_REVIEWED, DAY, DAY.plusDays(6), 7));
        assertTrue(refused.getMessage().contains("run 6 day(s)"), refused.getMessage());
        assertEquals(HouseholdState.TOWNSHIP_REVIEWED, RegistrationWorkflow.take(VILLAGE_NOTICE, WorkflowStep.TOWNSHIP_REVIEWED, DAY, DAY.plusDays(7), 7));
        assertThrows(RegistrationWorkflow.Refused.class,
                () -> RegistrationWorkflow.take(TOWNSHIP_NOTICE, COUNTY_ANNOUNCED, DAY, DAY.plusDays(3), 7));
        assertEquals(REGISTERED, RegistrationWorkflow.take(TOWNSHIP_NOTICE, COUNTY_ANNOUNCED, DAY, DAY.plusDays(3), 3), "configurable");
    }

    /** Every (state, step) pair that is not an edge is refused, naming the state and the allowed steps. */
    @ParameterizedTest
    @EnumSource(HouseholdState.class)
    void everyOtherStepIsRefused(HouseholdState state) {
        List<WorkflowStep> allowed = RegistrationWorkflow.allowedSteps(state);
        for (WorkflowStep step : WorkflowStep.values()) {
            if (allowed.contains(step)) {
                continue;
            }
            var refused = assertThrows(RegistrationWorkflow.Refused.class, () -> take(state, step), state + " " + step);
            assertEquals(state, refused.current());
            assertEquals(allowed, refused.allowed());
        }
    }

    @Test
    void registryStatesHaveNoRegistrationSteps() {
        assertEquals(List.of(), RegistrationWorkflow.allowedSteps(REGISTERED));
        assertEquals(List.of(), RegistrationWorkflow.allowedSteps(EXITED));
        assertEquals(List.of(), RegistrationWorkflow.allowedSteps(REMOVED));
        assertEquals(List.of(WorkflowStep.TOWNSHIP_REVIEWED, OBJECTION_RAISED), RegistrationWorkflow.allowedSteps(VILLAGE_NOTICE));
    }
}
