package org.fupin.contracts.project;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 项目调整: the budget split, the construction content/scale or the planned dates were adjusted, with a reason and the
 * approving document, before acceptance. Carries the snapshot after the change (package description) and the budget
 * before it.
 *
 * @param budgetBefore      the split before the adjustment (fund-source code → decimal string)
 * @param budgetTotalBefore its sum
 * @param plannedStartDate  planned start after the adjustment (null when not given)
 * @param plannedEndDate    planned end after the adjustment (null when not given)
 * @param changedFields     the API names of the fields that changed
 * @param reason            why (调整原因)
 * @param approvalDocument  the number of the document approving the adjustment (批复文号)
 */
@EventType(value = "project.adjusted.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectAdjustedV1(String projectId, String projectCode, String regionCode, String category, int projectYear,
                                String batch, String stage, LocalDate stageDate, Map<String, String> budget,
                                String budgetTotal, String physicalProgress, String investmentCompleted,
                                List<String> missingFields, Map<String, String> budgetBefore, String budgetTotalBefore,
                                LocalDate plannedStartDate, LocalDate plannedEndDate, List<String> changedFields,
                                String reason, String approvalDocument, LocalDate effectiveDate) {
}
