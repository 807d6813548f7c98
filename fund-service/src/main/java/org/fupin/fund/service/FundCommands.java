package org.fupin.fund.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The commands of the fund ledger's write side, as the API, an import row or a test gives them. Amounts are decimal
 * strings (checked by the domain's {@code Amounts}: 400 naming the field); dates are business dates.
 */
public final class FundCommands {
    private FundCommands() {
    }

    /** A line of an allocation document: project and amount (the source is the document's). */
    public record Line(UUID projectId, String amount) {
    }

    /** 资金下达文件 with its first lines (optional), recorded in one transaction, all or none. */
    public record Document(String documentNumber, LocalDate date, String source, Integer year, String issuingRegion,
                           String receivingCounty, String amount, List<Line> lines) {
    }

    /** More lines of a recorded document (资金安排到项目). */
    public record Lines(List<Line> lines) {
    }

    /** 拨付 to the project's implementing unit. */
    public record Disbursement(UUID projectId, String source, String amount, String paymentOrderNumber, LocalDate date) {
    }

    /** 报账: a settled voucher (number unique per county). */
    public record Reimbursement(UUID projectId, String source, String amount, String voucherNumber, LocalDate date,
                                String expenseKind) {
    }

    /** 红字冲销 of a voucher; the amount, when given, must be the voucher's. */
    public record Reversal(String reason, LocalDate date, String amount) {
    }

    /** 资金调整 of allocated, not disbursed money between two projects of one county. */
    public record Adjustment(UUID fromProjectId, UUID toProjectId, String source, String amount, String documentNumber,
                             LocalDate documentDate, String reason) {
    }

    /** 结余资金收回 of a completed, accepted or cancelled project; the whole balance when no amount is given. */
    public record Recall(UUID projectId, String source, String amount, String documentNumber, LocalDate documentDate,
                         String remarks) {
    }
}
