package org.fupin.reporting.domain;

import org.fupin.platform.money.Rate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PoorCountyRuleTest {

    static final PoorCountyRule RULE = new PoorCountyRule(new BigDecimal("2.00"), new BigDecimal("3.00"),
            Set.of("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"));

    @Test
    void theThresholdIsTheProvincesOwn() {
        assertEquals(new BigDecimal("3.00"), RULE.thresholdFor("522428"));
        assertEquals(new BigDecimal("3.00"), RULE.thresholdFor("52"));
        assertEquals(new BigDecimal("3.00"), RULE.thresholdFor("650102001001"));
        assertEquals(new BigDecimal("2.00"), RULE.thresholdFor("320102"));
        assertEquals(new BigDecimal("2.00"), RULE.thresholdFor("11"));
        assertNull(RULE.thresholdFor(""));
    }

    @Test
    void aCountyMayLeaveBelowTheThresholdAsShown() {
        assertEquals(true, RULE.mayLeavePoorCountyList("522428", Rate.of(29, 1000)));   // 2.90 < 3
        assertEquals(true, RULE.mayLeavePoorCountyList("522428", Rate.of(29, 970)));    // 2.99
        assertEquals(false, RULE.mayLeavePoorCountyList("522428", Rate.of(29, 967)));   // 2.9989 → 3.00
        assertEquals(false, RULE.mayLeavePoorCountyList("522428", Rate.of(3, 100)));    // 3.00
        assertEquals(true, RULE.mayLeavePoorCountyList("320102", Rate.of(199, 10000))); // 1.99
        assertEquals(false, RULE.mayLeavePoorCountyList("320102", Rate.of(2, 100)));    // 2.00
        assertEquals(false, RULE.mayLeavePoorCountyList("320102", Rate.of(29, 1000)));  // 2.90: fine in the west only
        assertEquals(true, RULE.mayLeavePoorCountyList("320102", Rate.of(0, 1000)));
    }

    @Test
    void onlyCountiesWithADefinedIncidenceGetAVerdict() {
        assertNull(RULE.mayLeavePoorCountyList("522428", Rate.of(5, 0)));
        assertNull(RULE.mayLeavePoorCountyList("5224", Rate.of(1, 1000)));
        assertNull(RULE.mayLeavePoorCountyList("522428103", Rate.of(1, 1000)));
        assertNull(RULE.mayLeavePoorCountyList("", Rate.of(1, 1000)));
    }

    @Test
    void westernProvincesAreTwoDigitCodes() {
        assertThrows(IllegalArgumentException.class, () -> new PoorCountyRule(BigDecimal.ONE, BigDecimal.TEN, Set.of("5")));
        assertThrows(IllegalArgumentException.class, () -> new PoorCountyRule(BigDecimal.ONE, BigDecimal.TEN, Set.of("5x")));
    }
}
