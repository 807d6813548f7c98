package org.fupin.household.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.fupin.household.domain.LivingCondition;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "fupin.household")
public interface HouseholdConfig {
    /** Largest household a registration accepts. */
    @WithDefault("50")
    int maxMembers();

    /** Minimum length of each public notice (公示), in days. */
    @WithDefault("7")
    int noticeMinDays();

    /**
     * National default poverty line (贫困线) per year in yuan per person and year, e.g.
     * {@code fupin.household.poverty-line."2020"=4000.00}. Lines loaded through the admin endpoint come first.
     */
    Map<String, BigDecimal> povertyLine();

    /**
     * A province's own poverty line per year, by 2-digit province code, e.g.
     * {@code fupin.household.province-poverty-line."52"."2021"=4300.00}; where none is set the national default applies.
     */
    Map<String, Map<String, BigDecimal>> provincePovertyLine();

    /** The living conditions an exit requires (两不愁三保障; add SAFE_DRINKING_WATER where the province does). */
    @WithDefault("FOOD,CLOTHING,COMPULSORY_EDUCATION,BASIC_MEDICAL_INSURANCE,SAFE_HOUSING")
    Set<LivingCondition> exitConditions();

    /** A household whose per-capita income is under this multiple of the line is monitored (防返贫监测). */
    @WithDefault("1.5")
    BigDecimal monitoringIncomeMultiple();

    /** How long a monitored household must be stable before monitoring may end, in months. */
    @WithDefault("6")
    int monitoringStableMonths();

    default Optional<BigDecimal> lineFor(Integer year) {
        return year == null ? Optional.empty() : Optional.ofNullable(povertyLine().get(Integer.toString(year)));
    }
}
