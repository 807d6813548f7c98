package org.fupin.platform.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateAndMoneyTest {

    @Test
    void rateIsHalfUpToTwoDecimals() {
        assertEquals("33.33", Rate.of(1, 3).percent());
        assertEquals("66.67", Rate.of(2, 3).percent());
        assertEquals("0.01", Rate.of(Money.of("0.05"), Money.of("1000.00")).percent()); // 0.005% → 0.01
        assertEquals("100.00", Rate.of(5, 5).percent());
    }

    @Test
    void rateIsUndefinedWhenDenominatorIsZero() {
        Rate r = Rate.of(0, 0);
        assertNull(r.percent());
        assertFalse(r.defined());
        assertEquals("0", r.json().denominator());
    }

    @Test
    void moneyHasExactlyTwoDecimals() {
        assertEquals("12.30", Money.of("12.3").toString());
        assertEquals(new BigDecimal("0.30"), Money.of("0.1").plus(Money.of("0.2")).amount());
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.005"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1e3"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(null));
    }

    @Test
    void anAmountHasAtMostTwelveDigitsBeforeThePoint() {
        // NUMERIC(14,2): 14 integer digits passed validation before and failed in the database as a 500
        assertEquals("999999999999.99", Money.of("999999999999.99").toString());
        assertEquals("-999999999999.00", Money.of("-999999999999").toString());
        assertEquals("5.00", Money.of("0000000000000005").toString());
        assertThrows(IllegalArgumentException.class, () -> Money.of("1000000000000"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("12345678901234.00"));
        assertEquals(Money.MAX, Money.of(Money.MAX.toString()));
    }
}
