package org.fupin.contracts.project;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 终止: the project was cancelled before completion, with a reason. {@code stage} is CANCELLED and {@code stageDate}
 * the cancellation date (= {@code effectiveDate}); nothing is deleted.
 *
 * @param cancelledFromStage the stage it was in when cancelled
 * @param reason             why (终止原因)
 * @param plannedStartDate planned start (计划开工), null when not given
 * @param plannedEndDate   planned end (计划完工), null when not given
 */
@EventType(value = "project.cancelled.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectCancelledV1(String projectId, String projectCode, String regionCode, String category,
                                 int projectYear, String batch, String stage, LocalDate stageDate,
                                 Map<String, String> budget, String budgetTotal, String physicalProgress,
                                 String investmentCompleted, List<String> missingFields, String cancelledFromStage,
                                 String reason, LocalDate plannedStartDate, LocalDate plannedEndDate,
                                 LocalDate effectiveDate) {
    /** The snapshot without the planned dates (the shape before they joined every project event): null, not given. */
    public ProjectCancelledV1(String projectId, String projectCode, String regionCode, String category,
                              int projectYear, String batch, String stage, LocalDate stageDate,
                              Map<String, String> budget, String budgetTotal, String physicalProgress,
                              String investmentCompleted, List<String> missingFields, String cancelledFromStage,
                              String reason, LocalDate effectiveDate) {
        this(projectId, projectCode, regionCode, category, projectYear, batch, stage, stageDate, budget, budgetTotal,
             physicalProgress, investmentCompleted, missingFields, cancelledFromStage, reason, null, null,
             effectiveDate);
    }
}
