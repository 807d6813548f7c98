package org.fupin.contracts.rectification;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * The lead unit reported the issue rectified with evidence (IN_PROGRESS → REPORTED), or the system did because the
 * condition of a system-check rule cleared. See the package description for the common fields.
 */
@EventType(value = "rectification.issue-reported.v1", aggregate = "rectification-issue", topic = Topics.RECTIFICATION)
public record RectificationIssueReportedV1(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                                           String regionCode, String leadUnit, List<String> coUnits, String term, LocalDate raisedOn,
                                           LocalDate deadline, LocalDate originalDeadline, String state, int returnCount, String findingKey,
                                           String fromState, int entryNumber, int evidenceCount, boolean bySystem, LocalDate effectiveDate) {
}
