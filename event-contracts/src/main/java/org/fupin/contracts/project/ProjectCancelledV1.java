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
 */
@EventType(value = "project.cancelled.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectCancelledV1(String projectId, String projectCode, String regionCode, String category, int projectYear,
                                 String batch, String stage, LocalDate stageDate, Map<String, String> budget,
                                 String budgetTotal, String physicalProgress, String investmentCompleted,
                                 List<String> missingFields, String cancelledFromStage, String reason,
                                 LocalDate effectiveDate) {
}
