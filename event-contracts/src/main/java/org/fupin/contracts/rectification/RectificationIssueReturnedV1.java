package org.fupin.contracts.rectification;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspector sent the reported issue back (REPORTED → RETURNED); the reason is kept in the issue's history, not in
 * the event. See the package description for the common fields.
 */
@EventType(value = "rectification.issue-returned.v1", aggregate = "rectification-issue", topic = Topics.RECTIFICATION)
public record RectificationIssueReturnedV1(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                                           String regionCode, String leadUnit, List<String> coUnits, String term, LocalDate raisedOn,
                                           LocalDate deadline, LocalDate originalDeadline, String state, int returnCount, String findingKey,
                                           LocalDate effectiveDate) {
}
