package org.fupin.reporting.domain;

import org.fupin.platform.money.Rate;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a county may leave the poor-county list (贫困县退出): its poverty incidence is below the threshold, 2% in
 * general and 3% in the western provinces (thresholds and provinces come from configuration).
 * <p>
 * The comparison uses the incidence as it is shown, a percentage rounded half-up to two decimals, so the answer never
 * contradicts the figure next to it (an incidence shown as "3.00" is not below 3%). Comparisons are BigDecimal, never
 * double.
 *
 * @param thresholdPercent        threshold for provinces not listed as western, e.g. 2.00
 * @param westernThresholdPercent threshold for the western provinces, e.g. 3.00
 * @param westernProvinces        2-digit province codes counted as western
 */
public record PoorCountyRule(BigDecimal thresholdPercent, BigDecimal westernThresholdPercent, Set<String> westernProvinces) {

    public PoorCountyRule {
        Objects.requireNonNull(thresholdPercent, "thresholdPercent");
        Objects.requireNonNull(westernThresholdPercent, "westernThresholdPercent");
        westernProvinces = Set.copyOf(westernProvinces);
        for (String p : westernProvinces) {
            if (p.length() != 2 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("a western province must be a 2-digit province code: '" + p + "'");
            }
        }
    }

    /** The threshold that applies inside the region prefix (its province's); null for the whole country. */
    public BigDecimal thresholdFor(String prefix) {
        if (prefix == null || prefix.length() < 2) {
            return null;
        }
        return westernProvinces.contains(prefix.substring(0, 2)) ? westernThresholdPercent : thresholdPercent;
    }

    /**
     * @param prefix    the region prefix the incidence is for
     * @param incidence remaining poor persons ÷ registered population
     * @return null unless the prefix is a county (6 digits) and the incidence is defined; otherwise whether the incidence
     * (as shown, two decimals) is below the county's threshold
     */
    public Boolean mayLeavePoorCountyList(String prefix, Rate incidence) {
        if (prefix == null || prefix.length() != 6 || incidence == null || !incidence.defined()) {
            return null;
        }
        return new BigDecimal(incidence.percent()).compareTo(thresholdFor(prefix)) < 0;
    }
}
