package org.fupin.platform.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in yuan with exactly two decimals (元, 角分). Travels in JSON as a decimal string ("1234.50"), is stored as
 * NUMERIC(14,2), and is never a floating-point number. More than two decimals, or more than {@value #MAX_INTEGER_DIGITS}
 * digits before the point (what NUMERIC(14,2) holds), is a client error, not a rounding and not a database failure.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);
    /** Digits before the decimal point an amount given as input may have (a NUMERIC(14,2) column). */
    public static final int MAX_INTEGER_DIGITS = 12;
    /** The largest amount a NUMERIC(14,2) column holds. */
    public static final Money MAX = new Money(new BigDecimal("999999999999.99"));

    public Money {
        Objects.requireNonNull(amount, "amount");
        try {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an amount has at most two decimals: " + amount.toPlainString());
        }
    }

    /**
     * An amount as input: a decimal string with at most {@value #MAX_INTEGER_DIGITS} digits before the point and at most
     * two after it. Leading zeros do not count.
     */
    @JsonCreator
    public static Money of(String text) {
        if (text == null || !text.trim().matches("-?0*[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9]{1,2})?")) {
            throw new IllegalArgumentException("must be an amount in yuan with at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and at most two after it, as a string such as \"1234.50\"");
        }
        return new Money(new BigDecimal(text.trim()));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    @JsonValue
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
