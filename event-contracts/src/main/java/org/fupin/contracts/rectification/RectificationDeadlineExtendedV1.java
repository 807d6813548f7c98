package org.fupin.contracts.rectification;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspector extended the deadline with a reason and the approver (kept in the history); {@code deadline} is the
 * new one. See the package description for the common fields.
 */
@EventType(value = "rectification.deadline-extended.v1", aggregate = "rectification-issue", topic = Topics.RECTIFICATION)
public record RectificationDeadlineExtendedV1(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                                              String regionCode, String leadUnit, List<String> coUnits, String term, LocalDate raisedOn,
                                              LocalDate deadline, LocalDate originalDeadline, String state, int returnCount, String findingKey,
                                              LocalDate previousDeadline, int extensionCount, LocalDate effectiveDate) {
}
