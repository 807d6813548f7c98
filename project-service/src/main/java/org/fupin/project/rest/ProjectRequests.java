package org.fupin.project.rest;

import org.fupin.platform.money.Money;
import org.fupin.project.domain.StageStep;
import org.fupin.project.service.ProjectCommands;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The bodies of the lifecycle endpoints. Dates are business dates (never in the future); today when absent. */
public final class ProjectRequests {
    private ProjectRequests() {
    }

    /**
     * A step: PRE_APPROVAL (前期审批, documentNumber required), TENDERING (招投标), CONSTRUCTION_START (开工),
     * COMPLETION (完工, physical progress must be 100), ACCEPTANCE (验收, documentNumber required).
     */
    public record Step(StageStep step, LocalDate date, String documentNumber, String remarks) {
        ProjectCommands.Step toCommand() {
            return new ProjectCommands.Step(step, date, documentNumber, remarks);
        }
    }

    /** 项目调整: the new values (absent = unchanged), the reason and the approving document. */
    public record Adjustment(Map<String, String> budget, String constructionContent, String constructionScale,
                             LocalDate plannedStartDate, LocalDate plannedEndDate, String reason, String approvalDocument,
                             LocalDate date) {
        ProjectCommands.Adjustment toCommand() {
            return new ProjectCommands.Adjustment(budget == null ? null : ProjectCommands.budget(budget, "budget"),
                    constructionContent, constructionScale, plannedStartDate, plannedEndDate, reason, approvalDocument, date);
        }
    }

    /** 终止, before completion. */
    public record Cancellation(String reason, LocalDate date, String documentNumber) {
        ProjectCommands.Cancellation toCommand() {
            return new ProjectCommands.Cancellation(reason, date, documentNumber);
        }
    }

    /**
     * 进度: physical progress (形象进度, percent 0-100, two decimals) and investment completed to date (累计完成投资, ≤ the
     * budget), as of reportDate; lower figures than the previous report need a correctionReason.
     */
    public record ProgressReport(LocalDate reportDate, BigDecimal physicalProgress, Money investmentCompleted,
                                 String correctionReason) {
        ProjectCommands.ProgressReport toCommand() {
            return new ProjectCommands.ProgressReport(reportDate, physicalProgress, investmentCompleted, correctionReason);
        }
    }

    /** 带贫户: the whole list, by household code (an empty list unlinks every household). */
    public record Beneficiaries(List<String> householdCodes, LocalDate date) {
        ProjectCommands.Beneficiaries toCommand() {
            return new ProjectCommands.Beneficiaries(householdCodes, date);
        }
    }
}
