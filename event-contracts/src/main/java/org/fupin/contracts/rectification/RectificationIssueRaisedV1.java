package org.fupin.contracts.rectification;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An issue was raised (问题清单): by an inspector from a source document, or by a system-check rule ({@code findingKey}
 * set). See the package description for the common fields. {@code sourceDate} is the date of the source document (its
 * year is the year reports count the issue under); absent in events published before it was added.
 */
@EventType(value = "rectification.issue-raised.v1", aggregate = "rectification-issue", topic = Topics.RECTIFICATION)
public record RectificationIssueRaisedV1(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                                         String regionCode, String leadUnit, List<String> coUnits, String term, LocalDate raisedOn,
                                         LocalDate deadline, LocalDate originalDeadline, String state, int returnCount, String findingKey,
                                         List<String> householdIds, List<String> projectIds, List<String> fundDocumentIds,
                                         List<LocalDate> milestoneDueDates, LocalDate sourceDate, Instant raisedAt,
                                         LocalDate effectiveDate) {

    /** The event without the source document's date (the shape before {@code sourceDate} was added). */
    public RectificationIssueRaisedV1(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                                      String regionCode, String leadUnit, List<String> coUnits, String term, LocalDate raisedOn,
                                      LocalDate deadline, LocalDate originalDeadline, String state, int returnCount, String findingKey,
                                      List<String> householdIds, List<String> projectIds, List<String> fundDocumentIds,
                                      List<LocalDate> milestoneDueDates, Instant raisedAt, LocalDate effectiveDate) {
        this(issueId, sourceId, sourceType, sourceDocumentNumber, category, regionCode, leadUnit, coUnits, term, raisedOn,
                deadline, originalDeadline, state, returnCount, findingKey, householdIds, projectIds, fundDocumentIds,
                milestoneDueDates, null, raisedAt, effectiveDate);
    }
}
