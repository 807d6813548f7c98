package org.fupin.household.domain;

import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdWorkflowStepTakenV1;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain decides each transition and returns its events; a refusal changes nothing. */
class HouseholdLifecycleTest {

    static final Set<LivingCondition> FIVE = EnumSet.of(LivingCondition.FOOD, LivingCondition.CLOTHING,
            LivingCondition.COMPULSORY_EDUCATION, LivingCondition.BASIC_MEDICAL_INSURANCE, LivingCondition.SAFE_HOUSING);

    static HouseholdLifecycle household(HouseholdState state, String netIncome) {
        return new HouseholdLifecycle(new HouseholdLifecycle.Facts("h-1", "H-1", "522428103201", HouseholdType.ORDINARY, 2,
                List.of("p1", "p2"), 2016, new BigDecimal(netIncome)),
                new HouseholdLifecycle.Status(state, state == HouseholdState.REGISTERED ? 2016 : null, null, null, null, null,
                        false, null, List.of(), null));
    }

    static Map<LivingCondition, Boolean> allMet() {
        Map<LivingCondition, Boolean> m = new EnumMap<>(LivingCondition.class);
        FIVE.forEach(c -> m.put(c, true));
        return m;
    }

    @Test
    void aBackDatedExitMovesTheStateAndItsEventCarriesTheDate() {
        HouseholdLifecycle h = household(HouseholdState.REGISTERED, "9000.00");
        LocalDate date = LocalDate.of(2017, 11, 30);
        Change c = h.exit(2017, date, allMet(), Optional.of(new BigDecimal("3335")), FIVE, null);
        assertEquals(HouseholdState.EXITED, h.state());
        assertEquals(2017, h.status().exitYear());
        assertEquals("exited", c.action());
        assertEquals(HouseholdState.REGISTERED, c.from());
        assertEquals(date, c.effectiveDate());
        HouseholdExitedV1 e = assertInstanceOf(HouseholdExitedV1.class, c.events().get(0));
        assertEquals(date, e.effectiveDate());
        assertEquals(2017, e.exitYear());
    }

    @Test
    void aRefusedExitChangesNothing() {
        HouseholdLifecycle h = household(HouseholdState.REGISTERED, "6000.00"); // 3000 per person, line 3335
        Refusal r = assertThrows(Refusal.class, () -> h.exit(2017, LocalDate.of(2017, 11, 30), allMet(),
                Optional.of(new BigDecimal("3335")), FIVE, null));
        assertEquals(Refusal.Kind.UNPROCESSABLE, r.kind());
        assertEquals(List.of(ExitRules.INCOME_NOT_ABOVE_LINE), r.details().get("unmet"));
        assertEquals(HouseholdState.REGISTERED, h.state());
        assertEquals(Refusal.Kind.CONFLICT, assertThrows(Refusal.class, () -> household(HouseholdState.EXITED, "9000.00")
                .exit(2017, LocalDate.of(2017, 11, 30), allMet(), Optional.of(BigDecimal.ONE), FIVE, null)).kind());
    }

    @Test
    void theCountyAnnouncementRegistersWithTwoEventsOnTheStepDate() {
        HouseholdLifecycle h = household(HouseholdState.TOWNSHIP_NOTICE, "1.00");
        LocalDate started = LocalDate.of(2016, 5, 1);
        h = new HouseholdLifecycle(new HouseholdLifecycle.Facts("h-1", "H-1", "522428103201", HouseholdType.ORDINARY, 2,
                List.of("p1", "p2"), 2016, BigDecimal.ONE), new HouseholdLifecycle.Status(HouseholdState.TOWNSHIP_NOTICE, null,
                null, null, started, started, false, null, List.of(), null));
        Change c = h.takeStep(WorkflowStep.COUNTY_ANNOUNCED, started.plusDays(7), null, 7, null);
        assertEquals(HouseholdState.REGISTERED, h.state());
        assertEquals(2016, h.status().identificationYear());
        assertEquals(null, h.status().noticeStartedOn());
        assertEquals(2, c.events().size());
        assertEquals(started.plusDays(7), assertInstanceOf(HouseholdWorkflowStepTakenV1.class, c.events().get(0)).effectiveDate());
        assertEquals(started.plusDays(7), assertInstanceOf(HouseholdRegisteredV1.class, c.events().get(1)).effectiveDate());
        HouseholdLifecycle again = h;
        assertEquals(Refusal.Kind.INVALID, assertThrows(Refusal.class,
                () -> again.takeStep(WorkflowStep.OBJECTION_RAISED, started, null, 7, null)).kind());
    }

    @Test
    void monitoringStartsOnceOnLowIncomeAndEndsAfterTheStablePeriod() {
        HouseholdLifecycle h = household(HouseholdState.REGISTERED, "8000.00"); // 4000 per person < 1.5 × 2952
        LocalDate on = LocalDate.of(2020, 1, 10);
        Change started = h.evaluateMonitoring(Optional.of(new BigDecimal("2952")), new BigDecimal("1.5"), Set.of(), on).orElseThrow();
        assertEquals(on, assertInstanceOf(HouseholdMonitoringStartedV1.class, started.events().get(0)).effectiveDate());
        assertTrue(h.status().monitored());
        assertTrue(h.evaluateMonitoring(Optional.of(new BigDecimal("2952")), new BigDecimal("1.5"), Set.of(), on).isEmpty());
        assertEquals("monitoring-too-recent", assertThrows(Refusal.class, () -> h.endMonitoring("stable", on.plusMonths(5), 6)).code());
        Change ended = h.endMonitoring("stable", on.plusMonths(6), 6);
        assertEquals(on.plusMonths(6), ended.effectiveDate());
        assertTrue(!h.status().monitored());
    }

    @Test
    void removalFreesTheMembers() {
        HouseholdLifecycle h = household(HouseholdState.EXITED, "1.00");
        assertTrue(h.membersActive());
        h.remove("错评", LocalDate.of(2019, 1, 15));
        assertEquals(HouseholdState.REMOVED, h.state());
        assertTrue(!h.membersActive());
        assertEquals(Refusal.Kind.CONFLICT, assertThrows(Refusal.class, h::requireUpdatable).kind());
    }
}
