package org.fupin.contracts.project;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project record was corrected or completed (not an adjustment, see {@link ProjectAdjustedV1}). Carries the snapshot
 * after the change (package description).
 *
 * @param changedFields the API names of the fields that changed
 * @param plannedStartDate planned start (计划开工), null when not given
 * @param plannedEndDate   planned end (计划完工), null when not given
 */
@EventType(value = "project.updated.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectUpdatedV1(String projectId, String projectCode, String regionCode, String category,
                               int projectYear, String batch, String stage, LocalDate stageDate,
                               Map<String, String> budget, String budgetTotal, String physicalProgress,
                               String investmentCompleted, List<String> missingFields, List<String> changedFields,
                               LocalDate plannedStartDate, LocalDate plannedEndDate, LocalDate effectiveDate) {
    /** The snapshot without the planned dates (the shape before they joined every project event): null, not given. */
    public ProjectUpdatedV1(String projectId, String projectCode, String regionCode, String category, int projectYear,
                            String batch, String stage, LocalDate stageDate, Map<String, String> budget,
                            String budgetTotal, String physicalProgress, String investmentCompleted,
                            List<String> missingFields, List<String> changedFields, LocalDate effectiveDate) {
        this(projectId, projectCode, regionCode, category, projectYear, batch, stage, stageDate, budget, budgetTotal,
             physicalProgress, investmentCompleted, missingFields, changedFields, null, null, effectiveDate);
    }
}
