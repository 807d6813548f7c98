package org.fupin.fund.domain;

import org.fupin.platform.money.Money;

import java.math.BigDecimal;

/**
 * Amounts of money that move (下达, 拨付, 报账, 调整, 收回): yuan, positive, at most two decimals, at most
 * {@link Money#MAX} (999 999 999 999.99, below 10^12 yuan: what a NUMERIC(14,2) column holds). Anything else is a client
 * mistake (400) naming the field, with a message saying which rule it broke; never a rounding.
 */
public final class Amounts {
    private Amounts() {
    }

    /** The amount as the API takes it, a decimal string ("1234.50"). */
    public static Money parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(field, "is required");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(field, "must be an amount in yuan as a decimal string such as \"1234.50\"");
        }
        if (text.trim().matches(".*[eE].*")) {
            throw Refusal.invalid(field, "must be an amount in yuan as a decimal string such as \"1234.50\", without an exponent");
        }
        return check(value, field);
    }

    /** An amount already parsed (an import row, a stored value re-checked). */
    public static Money check(BigDecimal value, String field) {
        if (value == null) {
            throw Refusal.invalid(field, "is required");
        }
        if (value.signum() < 0) {
            throw Refusal.invalid(field, "must not be negative");
        }
        if (value.signum() == 0) {
            throw Refusal.invalid(field, "must be more than zero");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw Refusal.invalid(field, "must have at most two decimals (yuan, jiao, fen)");
        }
        if (value.compareTo(Money.MAX.amount()) > 0) {
            throw Refusal.invalid(field, "must not exceed " + Money.MAX + " yuan");
        }
        return new Money(value);
    }

    /** An optional amount: null when not given, else checked like a required one. */
    public static Money optional(String text, String field) {
        return text == null || text.isBlank() ? null : parse(text, field);
    }

    static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
