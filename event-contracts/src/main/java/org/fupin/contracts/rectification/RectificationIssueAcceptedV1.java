package org.fupin.contracts.rectification;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * The lead unit accepted the issue (OPEN → IN_PROGRESS) or took it up again after a return (RETURNED → IN_PROGRESS).
 * See the package description for the common fields.
 */
@EventType(value = "rectification.issue-accepted.v1", aggregate = "rectification-issue", topic = Topics.RECTIFICATION)
public record RectificationIssueAcceptedV1(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                                           String regionCode, String leadUnit, List<String> coUnits, String term, LocalDate raisedOn,
                                           LocalDate deadline, LocalDate originalDeadline, String state, int returnCount, String findingKey,
                                           String fromState, LocalDate effectiveDate) {
}
