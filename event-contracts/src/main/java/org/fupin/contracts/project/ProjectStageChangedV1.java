package org.fupin.contracts.project;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A lifecycle step was taken: 前期审批, 招投标, 开工, 完工 or 验收 (cancellation is {@link ProjectCancelledV1}).
 * {@code stage}/{@code stageDate} are the new stage and the step's date (= {@code effectiveDate}).
 *
 * @param step           PRE_APPROVAL, TENDERING, CONSTRUCTION_START, COMPLETION or ACCEPTANCE
 * @param fromStage      the stage before
 * @param documentNumber the document of the step (approval or acceptance document number), or null
 * @param plannedStartDate planned start (计划开工), null when not given
 * @param plannedEndDate   planned end (计划完工), null when not given
 */
@EventType(value = "project.stage-changed.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectStageChangedV1(String projectId, String projectCode, String regionCode, String category,
                                    int projectYear, String batch, String stage, LocalDate stageDate,
                                    Map<String, String> budget, String budgetTotal, String physicalProgress,
                                    String investmentCompleted, List<String> missingFields, String step,
                                    String fromStage, String documentNumber, LocalDate plannedStartDate,
                                    LocalDate plannedEndDate, LocalDate effectiveDate) {
    /** The snapshot without the planned dates (the shape before they joined every project event): null, not given. */
    public ProjectStageChangedV1(String projectId, String projectCode, String regionCode, String category,
                                 int projectYear, String batch, String stage, LocalDate stageDate,
                                 Map<String, String> budget, String budgetTotal, String physicalProgress,
                                 String investmentCompleted, List<String> missingFields, String step, String fromStage,
                                 String documentNumber, LocalDate effectiveDate) {
        this(projectId, projectCode, regionCode, category, projectYear, batch, stage, stageDate, budget, budgetTotal,
             physicalProgress, investmentCompleted, missingFields, step, fromStage, documentNumber, null, null,
             effectiveDate);
    }
}
