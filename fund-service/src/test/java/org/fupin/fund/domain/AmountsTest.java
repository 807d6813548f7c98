package org.fupin.fund.domain;

import org.fupin.platform.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amounts that move: positive, two decimals at most, at most 999 999 999 999.99 yuan; anything else is 400 naming the field. */
class AmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-0.01|must not be negative",
            "-100|must not be negative",
            "0|must be more than zero",
            "0.00|must be more than zero",
            "1.005|at most two decimals",
            "0.001|at most two decimals",
            "1000000000000|must not exceed 999999999999.99",
            "1000000000000.00|must not exceed 999999999999.99",
            "1000000000000.01|must not exceed 999999999999.99",
            "99999999999999|must not exceed",
            "12,5|decimal string",
            "abc|decimal string",
            "1e3|without an exponent",
            "' '|is required"})
    void aWrongAmountIsInvalidNamingTheField(String text, String message) {
        Refusal r = assertThrows(Refusal.class, () -> Amounts.parse(text, "lines[2].amount"));
        assertEquals(400, r.status());
        assertEquals(List.of("lines[2].amount"), r.fields());
        assertTrue(r.errors().get(0).message().contains(message), r.errors().get(0).message());
    }

    @Test
    void aMissingAmountIsRequired() {
        assertEquals("is required", assertThrows(Refusal.class, () -> Amounts.parse(null, "amount")).errors().get(0).message());
        assertEquals(List.of("amount"), assertThrows(Refusal.class, () -> Amounts.check(null, "amount")).fields());
    }

    @ParameterizedTest
    @CsvSource({"0.01,0.01", "1,1.00", "1.1,1.10", "1.100,1.10", "00012.30,12.30", "' 7.5 ',7.50",
            "999999999999.99,999999999999.99"})
    void aGoodAmountIsExact(String text, String expected) {
        assertEquals(expected, Amounts.parse(text, "amount").toString());
    }

    @Test
    void alreadyParsedAmountsFollowTheSameRules() {
        assertEquals(Money.of("5.20"), Amounts.check(new BigDecimal("5.2"), "amount"));
        assertThrows(Refusal.class, () -> Amounts.check(new BigDecimal("5.201"), "amount"));
        assertThrows(Refusal.class, () -> Amounts.check(BigDecimal.ZERO, "amount"));
        assertThrows(Refusal.class, () -> Amounts.check(new BigDecimal("1E12"), "amount"));
        assertNull(Amounts.optional(" ", "amount"));
        assertThrows(Refusal.class, () -> Amounts.optional("-1", "amount"));
    }
}
