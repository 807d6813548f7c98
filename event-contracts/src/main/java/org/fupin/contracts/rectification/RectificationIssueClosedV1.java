package org.fupin.contracts.rectification;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspector verified the rectification and closed the issue (销号, REPORTED → CLOSED). See the package description
 * for the common fields.
 */
@EventType(value = "rectification.issue-closed.v1", aggregate = "rectification-issue", topic = Topics.RECTIFICATION)
public record RectificationIssueClosedV1(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                                         String regionCode, String leadUnit, List<String> coUnits, String term, LocalDate raisedOn,
                                         LocalDate deadline, LocalDate originalDeadline, String state, int returnCount, String findingKey,
                                         boolean closedOnTime, LocalDate effectiveDate) {
}
