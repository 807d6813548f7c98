package org.fupin.rectification.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The thresholds of the system-check rules (configuration), and what their issues get: which rules are on, the lead
 * unit per rule (the unit code that must answer, e.g. the county poverty-alleviation office) and the days an issue is
 * given until its deadline.
 *
 * @param projectIncompleteDays     N of "incomplete N days after entry"
 * @param projectOverdueGraceDays   days after the planned end date before a project not completed is a finding (0: the
 *                                  day after the planned end date)
 * @param reimbursementAfterDays    N of "completed more than N days ago"
 * @param reimbursementMinPercent   X of "reimbursement below X % of the implemented amount" (0–100)
 * @param cadreDays                 N of "without a responsible cadre N days after registration"
 * @param measureDays               N of "without an assistance measure N days after monitoring started"
 * @param issueDays                 days from the finding to the deadline of its issue
 * @param enabled                   the rules that run
 * @param leadUnits                 the lead unit of each rule's issues
 */
public record SystemCheckThresholds(int projectIncompleteDays, int projectOverdueGraceDays, int reimbursementAfterDays,
                                    BigDecimal reimbursementMinPercent, int cadreDays, int measureDays, int issueDays,
                                    Set<SystemCheckRule> enabled, Map<SystemCheckRule, String> leadUnits) {

    public static final String DEFAULT_LEAD_UNIT = "county-poverty-alleviation-office";

    public SystemCheckThresholds {
        for (int d : new int[]{projectIncompleteDays, projectOverdueGraceDays, reimbursementAfterDays, cadreDays, measureDays}) {
            if (d < 0) {
                throw new IllegalArgumentException("system-check days must not be negative");
            }
        }
        if (issueDays < 1) {
            throw new IllegalArgumentException("a system-check issue needs at least one day until its deadline");
        }
        if (reimbursementMinPercent == null || reimbursementMinPercent.signum() < 0
                || reimbursementMinPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("the reimbursement threshold is a percentage between 0 and 100");
        }
        enabled = enabled == null || enabled.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(enabled));
        EnumMap<SystemCheckRule, String> units = new EnumMap<>(SystemCheckRule.class);
        for (SystemCheckRule r : SystemCheckRule.values()) {
            String u = leadUnits == null ? null : leadUnits.get(r);
            units.put(r, u == null || u.isBlank() ? DEFAULT_LEAD_UNIT : u.trim());
        }
        leadUnits = Collections.unmodifiableMap(units);
    }

    /**
     * Defaults: incomplete 30 days after entry; overdue the day after the planned end; reimbursement below 80 % more
     * than 90 days after completion; no cadre 30 days after registration; no measure 30 days after monitoring started;
     * 30 days to rectify; every rule on; the county office answers.
     */
    public static SystemCheckThresholds defaults() {
        return new SystemCheckThresholds(30, 0, 90, BigDecimal.valueOf(80), 30, 30, 30,
                EnumSet.allOf(SystemCheckRule.class), Map.of());
    }

    public boolean isEnabled(SystemCheckRule rule) {
        return enabled.contains(rule);
    }
}
