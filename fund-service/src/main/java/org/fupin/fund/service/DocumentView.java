package org.fupin.fund.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An allocation document (资金下达文件) and its lines as the API shows it; amounts are decimal strings.
 *
 * @param governmentLevel central, provincial, city or county for budget money, else null
 * @param lined           what its lines take; {@code unlined} = amount − lined
 */
public record DocumentView(UUID id, String documentNumber, LocalDate date, String source, String governmentLevel, int year,
                           String issuingRegion, String receivingCounty, String amount, String lined, String unlined,
                           List<Line> lines) {

    /** One line: the ALLOCATION entry, its project and amount. */
    public record Line(UUID entryId, UUID projectId, String projectCode, String amount) {
    }
}
