package org.fupin.household.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;

/** Household income (yuan, two decimals). 人均纯收入 = household net income ÷ members. */
public final class Income {
    private Income() {
    }

    /** Income item kinds as in the registration form. */
    public enum Kind {
        /** 工资性收入 */ WAGES,
        /** 生产经营性收入 */ PRODUCTION,
        /** 财产性收入 */ PROPERTY,
        /** 转移性收入 */ TRANSFER
    }

    public static BigDecimal netIncome(Collection<BigDecimal> items) {
        return items.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Per-capita net income, half-up to two decimals; empty when the household has no members. */
    public static Optional<BigDecimal> perCapita(BigDecimal netIncome, int members) {
        if (netIncome == null || members <= 0) {
            return Optional.empty();
        }
        return Optional.of(netIncome.divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP));
    }
}
