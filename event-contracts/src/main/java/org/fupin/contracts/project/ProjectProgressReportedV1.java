package org.fupin.contracts.project;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A progress report (进度): physical progress (形象进度) and investment completed to date (累计完成投资) as of the report
 * date (= {@code effectiveDate}). A correction may lower the figures; it says so and why.
 *
 * @param correction       whether the report corrects earlier figures (the only way they may go down)
 * @param correctionReason why, for a correction; else null
 * @param plannedStartDate planned start (计划开工), null when not given
 * @param plannedEndDate   planned end (计划完工), null when not given
 */
@EventType(value = "project.progress-reported.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectProgressReportedV1(String projectId, String projectCode, String regionCode, String category,
                                        int projectYear, String batch, String stage, LocalDate stageDate,
                                        Map<String, String> budget, String budgetTotal, String physicalProgress,
                                        String investmentCompleted, List<String> missingFields, boolean correction,
                                        String correctionReason, LocalDate plannedStartDate, LocalDate plannedEndDate,
                                        LocalDate effectiveDate) {
    /** The snapshot without the planned dates (the shape before they joined every project event): null, not given. */
    public ProjectProgressReportedV1(String projectId, String projectCode, String regionCode, String category,
                                     int projectYear, String batch, String stage, LocalDate stageDate,
                                     Map<String, String> budget, String budgetTotal, String physicalProgress,
                                     String investmentCompleted, List<String> missingFields, boolean correction,
                                     String correctionReason, LocalDate effectiveDate) {
        this(projectId, projectCode, regionCode, category, projectYear, batch, stage, stageDate, budget, budgetTotal,
             physicalProgress, investmentCompleted, missingFields, correction, correctionReason, null, null,
             effectiveDate);
    }
}
