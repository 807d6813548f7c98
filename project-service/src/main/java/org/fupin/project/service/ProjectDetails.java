package org.fupin.project.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project as the API shows it (GET /api/v1/projects/{id} and every write's answer). Amounts and percentages are
 * decimal strings.
 */
public record ProjectDetails(String id, String projectCode, String name, int projectYear, String category, String regionCode,
                             String batch, Unit unit, String constructionContent, String constructionScale,
                             LocalDate plannedStartDate, LocalDate plannedEndDate, Targets targets, Map<String, String> budget,
                             String budgetTotal, String stage, LocalDate stageDate, Map<String, LocalDate> stageDates,
                             List<String> allowedSteps, String approvalDocument, String acceptanceDocument,
                             String cancelledFrom, String cancellationReason, ProgressView progress,
                             List<Beneficiary> beneficiaries, List<String> missingFields, long version) {

    /** 实施单位 */
    public record Unit(String name, String creditCode) {
    }

    /** 绩效目标 */
    public record Targets(Integer beneficiaryHouseholds, Integer beneficiaryPersons, Integer poorHouseholds,
                          Integer poorPersons, String text) {
    }

    /** The latest progress report (进度). */
    public record ProgressView(LocalDate reportDate, String physicalProgress, String investmentCompleted) {
    }

    /**
     * A linked household (带贫户). {@code flag}: null when it is a registered or exited household; REMOVED (剔除 after it
     * was linked: it stays linked), NOT_IN_REGISTRY, or UNKNOWN (not in the replica).
     */
    public record Beneficiary(String householdId, String householdCode, String flag) {
    }

    /** One line of the list. */
    public record Summary(String id, String projectCode, String name, int projectYear, String category, String regionCode,
                          String batch, String unitName, String stage, LocalDate stageDate, String budgetTotal,
                          String physicalProgress, String investmentCompleted, int beneficiaryCount,
                          List<String> missingFields, long version) {
    }
}
