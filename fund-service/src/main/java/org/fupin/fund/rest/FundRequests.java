package org.fupin.fund.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.fupin.fund.service.FundCommands;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The bodies of the fund ledger's writes. Amounts are decimal strings only ({@link AmountText}: a JSON number is 400
 * naming the field); sources are the kebab codes of {@code fund_source}; dates ISO ({@code yyyy-MM-dd}).
 */
public final class FundRequests {
    private FundRequests() {
    }

    public record Line(UUID projectId, @JsonDeserialize(using = AmountText.class) String amount) {
        FundCommands.Line toCommand() {
            return new FundCommands.Line(projectId, amount);
        }
    }

    private static List<FundCommands.Line> toLines(List<Line> lines) {
        return lines == null ? null : lines.stream().map(l -> l == null ? null : l.toCommand()).toList();
    }

    /** POST /api/v1/allocation-documents */
    public record Document(String documentNumber, LocalDate date, String source, Integer year, String issuingRegion,
                           String receivingCounty, @JsonDeserialize(using = AmountText.class) String amount,
                           List<Line> lines) {
        public FundCommands.Document toCommand() {
            return new FundCommands.Document(documentNumber, date, source, year, issuingRegion, receivingCounty, amount,
                    toLines(lines));
        }
    }

    /** POST /api/v1/allocation-documents/{id}/lines */
    public record Lines(List<Line> lines) {
        public FundCommands.Lines toCommand() {
            return new FundCommands.Lines(toLines(lines));
        }
    }

    /** POST /api/v1/disbursements */
    public record Disbursement(UUID projectId, String source, @JsonDeserialize(using = AmountText.class) String amount,
                               String paymentOrderNumber, LocalDate date) {
        public FundCommands.Disbursement toCommand() {
            return new FundCommands.Disbursement(projectId, source, amount, paymentOrderNumber, date);
        }
    }

    /** POST /api/v1/reimbursements */
    public record Reimbursement(UUID projectId, String source, @JsonDeserialize(using = AmountText.class) String amount,
                                String voucherNumber, LocalDate date, String expenseKind) {
        public FundCommands.Reimbursement toCommand() {
            return new FundCommands.Reimbursement(projectId, source, amount, voucherNumber, date, expenseKind);
        }
    }

    /** POST /api/v1/reimbursements/{entryId}/reversal */
    public record Reversal(String reason, LocalDate date, @JsonDeserialize(using = AmountText.class) String amount) {
        public FundCommands.Reversal toCommand() {
            return new FundCommands.Reversal(reason, date, amount);
        }
    }

    /** POST /api/v1/fund-adjustments */
    public record Adjustment(UUID fromProjectId, UUID toProjectId, String source,
                             @JsonDeserialize(using = AmountText.class) String amount, String documentNumber,
                             LocalDate documentDate, String reason) {
        public FundCommands.Adjustment toCommand() {
            return new FundCommands.Adjustment(fromProjectId, toProjectId, source, amount, documentNumber, documentDate, reason);
        }
    }

    /** POST /api/v1/recalls */
    public record Recall(UUID projectId, String source, @JsonDeserialize(using = AmountText.class) String amount,
                         String documentNumber, LocalDate documentDate, String remarks) {
        public FundCommands.Recall toCommand() {
            return new FundCommands.Recall(projectId, source, amount, documentNumber, documentDate, remarks);
        }
    }
}
