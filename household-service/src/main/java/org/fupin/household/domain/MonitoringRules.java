package org.fupin.household.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Monitored households (防返贫监测对象): income under a multiple of the poverty line, or a recorded hardship
 * (a large expense from illness, disaster, …). A household leaves monitoring only after a stable period.
 */
public final class MonitoringRules {
    private MonitoringRules() {
    }

    public enum Hardship {
        /** 因病 */ ILLNESS,
        /** 因残 */ DISABILITY,
        /** 因灾 */ DISASTER,
        /** 因学 */ SCHOOLING_COSTS,
        /** 因意外事故 */ ACCIDENT,
        /** 务工就业不稳 */ UNSTABLE_EMPLOYMENT,
        /** 其他 */ OTHER
    }

    public static final String INCOME_NEAR_LINE = "INCOME_BELOW_MONITORING_THRESHOLD";

    /** @return why the household should be monitored; empty when it should not */
    public static List<String> reasons(Optional<BigDecimal> perCapitaNetIncome, Optional<BigDecimal> povertyLine,
                                       BigDecimal multiple, Set<Hardship> hardships) {
        List<String> reasons = new ArrayList<>();
        if (perCapitaNetIncome.isPresent() && povertyLine.isPresent()
                && perCapitaNetIncome.get().compareTo(povertyLine.get().multiply(multiple)) < 0) {
            reasons.add(INCOME_NEAR_LINE);
        }
        hardships.stream().sorted().forEach(h -> reasons.add(h.name()));
        return reasons;
    }

    /** Monitoring may end once the household has been stable for the configured period. */
    public static boolean mayEnd(LocalDate monitoredSince, LocalDate today, Period stablePeriod) {
        return !monitoredSince.plus(stablePeriod).isAfter(today);
    }
}
