package org.fupin.contracts.household;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.time.Instant;

/**
 * A registration workflow step was taken (申请, 入户调查, 民主评议, 村级公示, 乡镇审核, 乡镇公示, 县级公告, or an objection).
 *
 * @param step      the step, e.g. VILLAGE_NOTICE_STARTED, OBJECTION_RAISED
 * @param fromState state before ({@code null} for the application)
 * @param toState   state after
 */
@EventType(value = "household.workflow-step-taken.v1", aggregate = "household", topic = Topics.HOUSEHOLD)
public record HouseholdWorkflowStepTakenV1(String householdId, String regionCode, String step, String fromState,
                                           String toState, Instant takenAt,
        LocalDate effectiveDate) {
}
