package org.fupin.contracts.fund;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;

/** 拨付: money was paid to the project's implementing unit (disbursed + amount). {@code effectiveDate} = {@code paymentDate}. */
@EventType(value = "fund.disbursed.v1", aggregate = "fund", topic = Topics.FUND)
public record FundDisbursedV1(String entryId, String projectId, String regionCode, String countyCode, String source,
                              String amount, String paymentOrderNumber, LocalDate paymentDate, LocalDate effectiveDate) {
}
