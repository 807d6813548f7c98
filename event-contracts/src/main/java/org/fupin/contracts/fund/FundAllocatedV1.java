package org.fupin.contracts.fund;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;

/**
 * 资金下达到项目: a line of an allocation document gave a project money of one source (allocated + amount). A bank loan's
 * credit arriving is a document of source {@code bank-loans}. {@code effectiveDate} = {@code documentDate}.
 *
 * @param documentId     the allocation document's id
 * @param documentNumber e.g. "X财农〔2019〕12号"
 * @param documentYear   the budget year of the document (指标年度)
 * @param issuingRegion  12-digit code of the issuing government ({@code 000000000000}: central)
 */
@EventType(value = "fund.allocated.v1", aggregate = "fund", topic = Topics.FUND)
public record FundAllocatedV1(String entryId, String projectId, String regionCode, String countyCode, String source,
                              String amount, String documentId, String documentNumber, LocalDate documentDate,
                              int documentYear, String issuingRegion, LocalDate effectiveDate) {
}
