package org.fupin.platform.money;

import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A rate always shown with its numerator and denominator (e.g. 报账率 = reimbursed ÷ implemented amount). The percentage
 * is rounded half-up to two decimals and is undefined (null, not 0, not an error) when the denominator is zero.
 * Numbers travel as decimal strings.
 */
public record Rate(BigDecimal numerator, BigDecimal denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Rate {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
    }

    public static Rate of(long numerator, long denominator) {
        return new Rate(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    public static Rate of(Money numerator, Money denominator) {
        return new Rate(numerator.amount(), denominator.amount());
    }

    /** Percentage, half-up to two decimals; null when the denominator is 0. */
    public String percent() {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP).toPlainString();
    }

    public boolean defined() {
        return denominator.signum() != 0;
    }

    /** The JSON form: {@code {"numerator":"3","denominator":"4","percent":"75.00","defined":true}}. */
    public record Json(String numerator, String denominator, String percent, boolean defined) {
    }

    @JsonValue
    public Json json() {
        return new Json(numerator.toPlainString(), denominator.toPlainString(), percent(), defined());
    }
}
