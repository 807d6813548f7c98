package org.fupin.fund.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One ledger entry as the API shows it. Amounts and deltas are decimal strings (deltas signed, "0.00" when the entry
 * does not change that figure).
 *
 * @param number         document, payment order or voucher number (a reversal: the reversed voucher's)
 * @param date           the business date
 * @param referenceId    REVERSAL: the reversed voucher's entry; ADJUSTMENT_*: the adjustment id
 * @param ledgerVersion  the project's ledger version after the posting (the events' aggregate version)
 */
public record EntryView(UUID id, String kind, UUID projectId, String projectCode, String source, String countyCode,
                        String regionCode, String amount, LocalDate date, String number, UUID documentId, UUID referenceId,
                        UUID counterpartProjectId, String reason, String expenseKind, String allocatedDelta,
                        String disbursedDelta, String reimbursedDelta, long ledgerVersion, OffsetDateTime recordedAt,
                        String recordedBy) {
}
