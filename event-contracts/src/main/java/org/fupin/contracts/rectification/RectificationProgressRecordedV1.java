package org.fupin.contracts.rectification;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * A ledger entry (整改台账) was recorded by a responsible unit; for a long-term issue it may mark a milestone reached.
 * See the package description for the common fields.
 */
@EventType(value = "rectification.progress-recorded.v1", aggregate = "rectification-issue", topic = Topics.RECTIFICATION)
public record RectificationProgressRecordedV1(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                                              String regionCode, String leadUnit, List<String> coUnits, String term, LocalDate raisedOn,
                                              LocalDate deadline, LocalDate originalDeadline, String state, int returnCount, String findingKey,
                                              int entryNumber, int evidenceCount, Integer milestoneNumber, int milestonesReached,
                                              int milestonesTotal, LocalDate effectiveDate) {
}
