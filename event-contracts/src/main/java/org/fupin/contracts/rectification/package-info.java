/**
 * Events of rectification (问题整改), topic {@code fupin.rectification.v1}, key = issue id, aggregate type
 * {@code rectification-issue}.
 * <p>
 * Every event carries the same snapshot of the issue, so a consumer keeps the newest by aggregate version and never calls
 * back: {@code sourceId}, {@code sourceType} (inspection, assessment, audit, supervision, self-check, system-check) and
 * {@code sourceDocumentNumber} of the source; {@code category} (configured code), {@code regionCode} (12 digits),
 * {@code leadUnit} and {@code coUnits} (responsible units, as in the {@code unit} claim), {@code term} (SHORT or
 * LONG_TERM), {@code raisedOn}, {@code deadline} (in force after approved extensions) and {@code originalDeadline},
 * {@code state} after the change (OPEN, IN_PROGRESS, REPORTED, RETURNED, CLOSED), {@code returnCount}, {@code findingKey}
 * (system-check issues only) and {@code effectiveDate} (the business date of the change). Together with the dated
 * transitions (one event per step) a consumer can compute overdue, closure and on-time figures as of any day.
 * <p>
 * No personal data and no free text: descriptions, measures, reasons, remarks, ledger texts, approvers and people stay in
 * rectification-service (they may name a household's members); households, projects and fund documents appear by id.
 */
package org.fupin.contracts.rectification;
