package org.fupin.contracts.fund;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;

/**
 * 红字冲销: a wrong voucher was reversed by a new entry referencing it, for the voucher's whole amount (reimbursed −
 * amount). A voucher is reversed at most once; nothing is edited or deleted. {@code effectiveDate} is the reversal's
 * date; {@code voucherNumber}/{@code voucherDate} are the reversed voucher's.
 *
 * @param reversedEntryId the {@code entryId} of the reversed {@link FundReimbursedV1}
 */
@EventType(value = "fund.reimbursement-reversed.v1", aggregate = "fund", topic = Topics.FUND)
public record FundReimbursementReversedV1(String entryId, String reversedEntryId, String projectId, String regionCode,
                                          String countyCode, String source, String amount, String voucherNumber,
                                          LocalDate voucherDate, String reason, LocalDate effectiveDate) {
}
