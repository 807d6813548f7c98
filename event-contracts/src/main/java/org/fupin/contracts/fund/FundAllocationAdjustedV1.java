package org.fupin.contracts.fund;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;

/**
 * 资金调整: allocated-not-disbursed money of one source moved between two projects of the same county, with the approving
 * document. One event per side, both with the same {@code adjustmentId}: side {@code OUT} (allocated − amount) under the
 * giving project, side {@code IN} (allocated + amount) under the receiving one. {@code effectiveDate} =
 * {@code documentDate}.
 *
 * @param counterpartProjectId the project on the other side
 */
@EventType(value = "fund.allocation-adjusted.v1", aggregate = "fund", topic = Topics.FUND)
public record FundAllocationAdjustedV1(String entryId, String adjustmentId, String projectId, String regionCode,
                                       String countyCode, String source, String side, String amount,
                                       String counterpartProjectId, String documentNumber, LocalDate documentDate,
                                       String reason, LocalDate effectiveDate) {
}
