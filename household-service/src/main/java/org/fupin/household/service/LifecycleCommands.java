package org.fupin.household.service;

import org.fupin.household.domain.LivingCondition;
import org.fupin.household.domain.MonitoringRules;
import org.fupin.household.domain.WorkflowStep;

import java.time.LocalDate;
import java.util.Map;

/** What the workflow, dynamic-management and assistance use cases take; a null date means today. */
public final class LifecycleCommands {
    private LifecycleCommands() {
    }

    /** A registration step; {@code identificationYear} goes with COUNTY_ANNOUNCED (default: the date's year). */
    public record Step(WorkflowStep step, LocalDate date, String remarks, Integer identificationYear) {
    }

    /** 脱贫 */
    public record Exit(int exitYear, Map<LivingCondition, Boolean> conditions, LocalDate date, String remarks) {
    }

    /** 返贫 */
    public record Return(int year, String reason, LocalDate date) {
    }

    /** 剔除 (错评) */
    public record Removal(String reason, LocalDate date) {
    }

    public record Hardship(MonitoringRules.Hardship kind, LocalDate date, String remarks) {
    }

    public record EndMonitoring(String reason, LocalDate date) {
    }

    /** 帮扶责任人 */
    public record Cadre(String cadreId, String name, String phone, LocalDate date) {
    }

    /** 帮扶措施 */
    public record Measure(String kind, String description, LocalDate startedOn) {
    }

    /** 民情日记 */
    public record Visit(LocalDate visitedOn, String notes) {
    }
}
