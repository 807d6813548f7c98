package org.fupin.household.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fupin.household.domain.LivingCondition;
import org.fupin.household.domain.MonitoringRules;

import java.time.LocalDate;
import java.util.Map;

/** Bodies of the dynamic-management and assistance actions. */
public final class LifecycleRequests {
    private LifecycleRequests() {
    }

    /** 脱贫: the exit year and the assessment of each living condition (两不愁三保障). */
    public record Exit(@NotNull @Min(2013) @Max(2100) Integer exitYear, @NotNull Map<LivingCondition, Boolean> conditions,
                       LocalDate date, @Size(max = 2000) String remarks) {
    }

    /** 返贫 */
    public record Return(@NotNull @Min(2013) @Max(2100) Integer year, @NotBlank @Size(max = 500) String reason, LocalDate date) {
    }

    /** 剔除 (错评) */
    public record Removal(@NotBlank @Size(max = 500) String reason, LocalDate date) {
    }

    /** A hardship (large expense from illness, disaster, …) that may start monitoring. */
    public record Hardship(@NotNull MonitoringRules.Hardship kind, LocalDate date, @Size(max = 2000) String remarks) {
    }

    public record EndMonitoring(@NotBlank @Size(max = 500) String reason, LocalDate date) {
    }

    /** 帮扶责任人 */
    public record Cadre(@NotBlank @Size(max = 64) String cadreId, @NotBlank @Size(max = 50) String name,
                        @Size(max = 30) String phone, LocalDate date) {
    }

    /** 帮扶措施 */
    public record Measure(@NotBlank @Size(max = 32) String kind, @NotBlank @Size(max = 500) String description, LocalDate startedOn) {
    }

    /** 民情日记 */
    public record Visit(LocalDate visitedOn, @NotBlank @Size(max = 2000) String notes) {
    }
}
