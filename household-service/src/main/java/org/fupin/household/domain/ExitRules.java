package org.fupin.household.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exit (脱贫) is allowed only when the per-capita net income is above the poverty line of the exit year AND every
 * required living condition (两不愁三保障) holds.
 */
public final class ExitRules {
    private ExitRules() {
    }

    public static final String INCOME_NOT_ABOVE_LINE = "INCOME_NOT_ABOVE_POVERTY_LINE";
    public static final String NO_POVERTY_LINE = "NO_POVERTY_LINE_FOR_YEAR";
    public static final String NO_INCOME = "NO_INCOME_RECORDED";

    /**
     * @return the unmet conditions, empty when the household may exit
     */
    public static List<String> unmet(Optional<BigDecimal> perCapitaNetIncome, Optional<BigDecimal> povertyLine,
                                     Map<LivingCondition, Boolean> conditions, Set<LivingCondition> required) {
        List<String> unmet = new ArrayList<>();
        if (povertyLine.isEmpty()) {
            unmet.add(NO_POVERTY_LINE);
        } else if (perCapitaNetIncome.isEmpty()) {
            unmet.add(NO_INCOME);
        } else if (perCapitaNetIncome.get().compareTo(povertyLine.get()) <= 0) {
            unmet.add(INCOME_NOT_ABOVE_LINE);
        }
        for (LivingCondition c : LivingCondition.values()) {
            if (required.contains(c) && !Boolean.TRUE.equals(conditions.get(c))) {
                unmet.add(c.name());
            }
        }
        return unmet;
    }
}
