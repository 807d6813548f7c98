package org.fupin.household.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExitAndMonitoringRulesTest {

    static final Set<LivingCondition> FIVE = EnumSet.of(LivingCondition.FOOD, LivingCondition.CLOTHING,
            LivingCondition.COMPULSORY_EDUCATION, LivingCondition.BASIC_MEDICAL_INSURANCE, LivingCondition.SAFE_HOUSING);

    static Map<LivingCondition, Boolean> allMet() {
        Map<LivingCondition, Boolean> m = new EnumMap<>(LivingCondition.class);
        for (LivingCondition c : LivingCondition.values()) {
            m.put(c, true);
        }
        return m;
    }

    static Optional<BigDecimal> yuan(String s) {
        return Optional.of(new BigDecimal(s));
    }

    @Test
    void exitNeedsIncomeStrictlyAboveTheLineAndEveryCondition() {
        assertEquals(List.of(), ExitRules.unmet(yuan("4000.01"), yuan("4000"), allMet(), FIVE));
        assertEquals(List.of(ExitRules.INCOME_NOT_ABOVE_LINE), ExitRules.unmet(yuan("4000.00"), yuan("4000"), allMet(), FIVE));
        assertEquals(List.of(ExitRules.INCOME_NOT_ABOVE_LINE), ExitRules.unmet(yuan("3999.99"), yuan("4000"), allMet(), FIVE));
    }

    @Test
    void eachUnmetConditionIsListed() {
        for (LivingCondition c : FIVE) {
            Map<LivingCondition, Boolean> m = allMet();
            m.put(c, false);
            assertEquals(List.of(c.name()), ExitRules.unmet(yuan("5000"), yuan("4000"), m, FIVE));
        }
        Map<LivingCondition, Boolean> none = new EnumMap<>(LivingCondition.class);
        assertEquals(List.of("INCOME_NOT_ABOVE_POVERTY_LINE", "FOOD", "CLOTHING", "COMPULSORY_EDUCATION", "BASIC_MEDICAL_INSURANCE", "SAFE_HOUSING"),
                ExitRules.unmet(yuan("1"), yuan("4000"), none, FIVE));
    }

    @Test
    void drinkingWaterCountsOnlyWhereConfigured() {
        Map<LivingCondition, Boolean> m = allMet();
        m.put(LivingCondition.SAFE_DRINKING_WATER, false);
        assertEquals(List.of(), ExitRules.unmet(yuan("5000"), yuan("4000"), m, FIVE));
        Set<LivingCondition> six = EnumSet.copyOf(FIVE);
        six.add(LivingCondition.SAFE_DRINKING_WATER);
        assertEquals(List.of("SAFE_DRINKING_WATER"), ExitRules.unmet(yuan("5000"), yuan("4000"), m, six));
    }

    @Test
    void noLineOrNoIncomeIsUnmet() {
        assertEquals(List.of(ExitRules.NO_POVERTY_LINE), ExitRules.unmet(yuan("5000"), Optional.empty(), allMet(), FIVE));
        assertEquals(List.of(ExitRules.NO_INCOME), ExitRules.unmet(Optional.empty(), yuan("4000"), allMet(), FIVE));
    }

    @Test
    void perCapitaIncomeIsHalfUpToTwoDecimals() {
        assertEquals(new BigDecimal("3333.33"), Income.perCapita(new BigDecimal("10000.00"), 3).orElseThrow());
        assertEquals(new BigDecimal("3333.34"), Income.perCapita(new BigDecimal("10000.02"), 3).orElseThrow());
        assertEquals(Optional.empty(), Income.perCapita(new BigDecimal("1.00"), 0));
        assertEquals(new BigDecimal("12.30"), Income.netIncome(List.of(new BigDecimal("10.1"), new BigDecimal("2.2"))));
    }

    @Test
    void monitoringStartsUnderTheMultipleOrWithAHardship() {
        BigDecimal x15 = new BigDecimal("1.5");
        assertEquals(List.of(MonitoringRules.INCOME_NEAR_LINE), MonitoringRules.reasons(yuan("5999.99"), yuan("4000"), x15, Set.of()));
        assertEquals(List.of(), MonitoringRules.reasons(yuan("6000.00"), yuan("4000"), x15, Set.of()));
        assertEquals(List.of("ILLNESS", "DISASTER"), MonitoringRules.reasons(yuan("9000"), yuan("4000"), x15,
                Set.of(MonitoringRules.Hardship.DISASTER, MonitoringRules.Hardship.ILLNESS)));
    }

    @Test
    void monitoringEndsOnlyAfterTheStablePeriod() {
        LocalDate since = LocalDate.of(2026, 1, 10);
        assertFalse(MonitoringRules.mayEnd(since, LocalDate.of(2026, 7, 9), Period.ofMonths(6)));
        assertTrue(MonitoringRules.mayEnd(since, LocalDate.of(2026, 7, 10), Period.ofMonths(6)));
    }

    @Test
    void memberBirthDateAndSexMustAgreeWithTheIdNumber() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        String id = "11010519491231002X"; // female, born 1949-12-31
        assertEquals(List.of(), MemberRules.check("members[0].", id, LocalDate.of(1949, 12, 31), ResidentIdNumber.Sex.FEMALE, today));
        assertEquals(List.of(new MemberRules.Problem("members[0].birthDate", "does not agree with the resident ID number (1949-12-31)"),
                        new MemberRules.Problem("members[0].sex", "does not agree with the resident ID number (FEMALE)")),
                MemberRules.check("members[0].", id, LocalDate.of(1950, 1, 1), ResidentIdNumber.Sex.MALE, today));
        assertEquals("members[1].residentId", MemberRules.check("members[1].", "110105194912310021", null, null, today).get(0).field());
    }
}
