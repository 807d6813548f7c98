package org.fupin.contracts.fund;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;

/**
 * 报账: a settled voucher (reimbursed + amount). Voucher numbers are unique per county. {@code effectiveDate} =
 * {@code voucherDate}.
 *
 * @param expenseKind the expense kind (支出类别) as the finance office records it
 */
@EventType(value = "fund.reimbursed.v1", aggregate = "fund", topic = Topics.FUND)
public record FundReimbursedV1(String entryId, String projectId, String regionCode, String countyCode, String source,
                               String amount, String voucherNumber, LocalDate voucherDate, String expenseKind,
                               LocalDate effectiveDate) {
}
