package org.fupin.household.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fupin.household.domain.LivingCondition;
import org.fupin.household.domain.MonitoringRules;
import org.fupin.household.service.LifecycleCommands;

import java.time.LocalDate;
import java.util.Map;

/** Bodies of the dynamic-management and assistance actions. */
public final class LifecycleRequests {
    private LifecycleRequests() {
    }

    /** 脱贫: the exit year and the assessment of each living condition (两不愁三保障). */
    public record Exit(@NotNull @Min(2013) @Max(2100) Integer exitYear, @NotNull Map<LivingCondition, Boolean> conditions,
                       LocalDate date, @Size(max = 2000) String remarks) {
        public LifecycleCommands.Exit toCommand() {
            return new LifecycleCommands.Exit(exitYear, conditions, date, remarks);
        }
    }

    /** 返贫 */
    public record Return(@NotNull @Min(2013) @Max(2100) Integer year, @NotBlank @Size(max = 500) String reason, LocalDate date) {
        public LifecycleCommands.Return toCommand() {
            return new LifecycleCommands.Return(year, reason, date);
        }
    }

    /** 剔除 (错评) */
    public record Removal(@NotBlank @Size(max = 500) String reason, LocalDate date) {
        public LifecycleCommands.Removal toCommand() {
            return new LifecycleCommands.Removal(reason, date);
        }
    }

    /** A hardship (large expense from illness, disaster, …) that may start monitoring. */
    public record Hardship(@NotNull MonitoringRules.Hardship kind, LocalDate date, @Size(max = 2000) String remarks) {
        public LifecycleCommands.Hardship toCommand() {
            return new LifecycleCommands.Hardship(kind, date, remarks);
        }
    }

    public record EndMonitoring(@NotBlank @Size(max = 500) String reason, LocalDate date) {
        public LifecycleCommands.EndMonitoring toCommand() {
            return new LifecycleCommands.EndMonitoring(reason, date);
        }
    }

    /** 帮扶责任人 */
    public record Cadre(@NotBlank @Size(max = 64) String cadreId, @NotBlank @Size(max = 50) String name,
                        @Size(max = 30) String phone, LocalDate date) {
        public LifecycleCommands.Cadre toCommand() {
            return new LifecycleCommands.Cadre(cadreId, name, phone, date);
        }
    }

    /** 帮扶措施 */
    public record Measure(@NotBlank @Size(max = 32) String kind, @NotBlank @Size(max = 500) String description, LocalDate startedOn) {
        public LifecycleCommands.Measure toCommand() {
            return new LifecycleCommands.Measure(kind, description, startedOn);
        }
    }

    /** 民情日记 */
    public record Visit(LocalDate visitedOn, @NotBlank @Size(max = 2000) String notes) {
        public LifecycleCommands.Visit toCommand() {
            return new LifecycleCommands.Visit(visitedOn, notes);
        }
    }
}
