package org.fupin.project.service;

import org.fupin.platform.money.Money;
import org.fupin.project.domain.BudgetSplit;
import org.fupin.project.domain.ProjectData;
import org.fupin.project.domain.StageStep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the use cases take, already parsed (field errors are the request's). */
public final class ProjectCommands {
    private ProjectCommands() {
    }

    /** Entry (入库) or update: the record and the business date. */
    public record Entry(ProjectData data, LocalDate date) {
    }

    public record Step(StageStep step, LocalDate date, String documentNumber, String remarks) {
    }

    /** 项目调整: new values (null = unchanged), reason and approving document. */
    public record Adjustment(BudgetSplit budget, String constructionContent, String constructionScale,
                             LocalDate plannedStartDate, LocalDate plannedEndDate, String reason, String approvalDocument,
                             LocalDate date) {
    }

    public record Cancellation(String reason, LocalDate date, String documentNumber) {
    }

    public record ProgressReport(LocalDate reportDate, BigDecimal physicalProgress, Money investmentCompleted,
                                 String correctionReason) {
    }

    public record Beneficiaries(List<String> householdCodes, LocalDate date) {
    }

    /** The budget as the API takes it (fund-source code → decimal string); 400 naming {@code <field>.<code>}. */
    public static BudgetSplit budget(java.util.Map<String, String> input, String field) {
        return Refusals.decide(() -> BudgetSplit.parse(input, field));
    }
}
