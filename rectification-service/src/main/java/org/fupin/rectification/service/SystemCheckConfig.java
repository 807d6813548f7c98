package org.fupin.rectification.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.fupin.rectification.domain.SystemCheckRule;
import org.fupin.rectification.domain.SystemCheckThresholds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The system check's configuration (系统核查, docs/rectification.md): the thresholds of the five rules, which rules run,
 * the lead unit of each rule's issues, the days an issue gets, and how often the scheduled run looks for time rules.
 */
@ConfigMapping(prefix = "fupin.rectification.system-check")
public interface SystemCheckConfig {

    /** Master switch: false = no rule raises or clears anything (the replicas are still kept). */
    @WithDefault("true")
    boolean enabled();

    /** Rule codes that do not run (e.g. {@code project-overdue}); unknown codes fail the start. */
    Optional<List<String>> disabledRules();

    /** N of "a project record still incomplete N days after entry". */
    @WithDefault("30")
    int projectIncompleteDays();

    /** Days after the planned end date before a project not completed is a finding (0: the day after). */
    @WithDefault("0")
    int projectOverdueGraceDays();

    /** N of "completed more than N days ago" (reimbursement rule). */
    @WithDefault("90")
    int reimbursementAfterDays();

    /** X of "reimbursement (报账) below X % of the implemented amount", 0–100. */
    @WithDefault("80")
    BigDecimal reimbursementMinPercent();

    /** N of "a registered household without a responsible cadre N days after registration". */
    @WithDefault("30")
    int cadreDays();

    /** N of "a monitored household without an assistance measure N days after monitoring started". */
    @WithDefault("30")
    int measureDays();

    /** Days from a finding to the deadline of its issue. */
    @WithDefault("30")
    int issueDays();

    /** The lead unit of each rule's issues by rule code; default the county poverty-alleviation office. */
    Map<String, String> leadUnit();

    /** How often the scheduled run looks for objects a time rule may now hold for (Quarkus scheduler syntax). */
    @WithDefault("1h")
    String every();

    /** How long after the start the scheduled run first looks. */
    @WithDefault("10s")
    String delayed();

    /**
     * A fixed "today" for the system check (China time), e.g. {@code 2026-03-31}: only for end-to-end runs that move time
     * by restarting the service; unset (the default) = the system clock.
     */
    Optional<LocalDate> fixedToday();

    /** Objects checked per transaction by the scheduled run. */
    @WithDefault("200")
    int chunkSize();

    /** The domain's thresholds from this configuration. */
    default SystemCheckThresholds thresholds() {
        Set<SystemCheckRule> on = EnumSet.noneOf(SystemCheckRule.class);
        if (enabled()) {
            on.addAll(EnumSet.allOf(SystemCheckRule.class));
            for (String code : disabledRules().orElse(List.of())) {
                on.remove(SystemCheckRule.fromCode(code.trim()).orElseThrow(() -> unknown(code)));
            }
        }
        Map<SystemCheckRule, String> units = new EnumMap<>(SystemCheckRule.class);
        leadUnit().forEach((code, unit) -> units.put(SystemCheckRule.fromCode(code).orElseThrow(() -> unknown(code)), unit));
        return new SystemCheckThresholds(projectIncompleteDays(), projectOverdueGraceDays(), reimbursementAfterDays(),
                reimbursementMinPercent(), cadreDays(), measureDays(), issueDays(), on, units);
    }

    static IllegalArgumentException unknown(String code) {
        return new IllegalArgumentException("fupin.rectification.system-check: unknown rule code " + code + "; one of "
                + java.util.Arrays.stream(SystemCheckRule.values()).map(SystemCheckRule::code).toList());
    }
}
