package org.fupin.contracts.fund;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;

/**
 * 结余资金收回: the unspent balance (allocated − reimbursed) of a completed, accepted or cancelled project was recalled with
 * a document. allocated − {@code amount}; of it, {@code returnedAmount} had been disbursed and is paid back by the unit
 * (缴回: disbursed − returnedAmount), {@code undisbursedAmount} had not. {@code effectiveDate} = {@code documentDate}.
 *
 * @param projectStage COMPLETED, ACCEPTED or CANCELLED when recalled
 */
@EventType(value = "fund.recalled.v1", aggregate = "fund", topic = Topics.FUND)
public record FundRecalledV1(String entryId, String projectId, String regionCode, String countyCode, String source,
                             String amount, String undisbursedAmount, String returnedAmount, String projectStage,
                             String documentNumber, LocalDate documentDate, LocalDate effectiveDate) {
}
