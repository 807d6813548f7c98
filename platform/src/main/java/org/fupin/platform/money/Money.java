package org.fupin.platform.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in yuan with exactly two decimals (元, 角分). Travels in JSON as a decimal string ("1234.50"), is stored as
 * NUMERIC(16,2), and is never a floating-point number. More than two decimals is a client error, not a rounding.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        try {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an amount has at most two decimals: " + amount.toPlainString());
        }
    }

    @JsonCreator
    public static Money of(String text) {
        if (text == null || !text.trim().matches("-?[0-9]{1,14}(\\.[0-9]{1,2})?")) {
            throw new IllegalArgumentException("not an amount in yuan with at most two decimals: " + text);
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
