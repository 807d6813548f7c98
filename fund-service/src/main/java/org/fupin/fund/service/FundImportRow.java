package org.fupin.fund.service;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One ledger line of a bulk import (历史台账导入), read and shape-checked: what the API's command of its kind takes, plus
 * the project by id or code. The domain ({@code FundLedger}) checks everything else when the row is decided.
 *
 * @param projectId      the project, or null when named by {@code projectCode}
 * @param amount         the line's amount (allocation: what the project receives from the document); optional for a
 *                       reversal (then the voucher's)
 * @param date           document date (allocation), payment date (disbursement), voucher date (reimbursement), reversal
 *                       date (reversal)
 * @param documentAmount the allocation document's whole amount (文件金额): required when the document is first seen
 * @param receivingCounty the county receiving the document; default the project's county
 */
public record FundImportRow(Kind kind, UUID projectId, String projectCode, String source, String amount, LocalDate date,
                            String documentNumber, String documentAmount, Integer year, String issuingRegion,
                            String receivingCounty, String paymentOrderNumber, String voucherNumber, String expenseKind,
                            String reason) {

    /** 业务类型: 资金下达, 拨付, 报账, 红字冲销. */
    public enum Kind { ALLOCATION, DISBURSEMENT, REIMBURSEMENT, REVERSAL }

    /** The field of the report that names the project (as the row named it). */
    public String projectField() {
        return projectId != null ? "projectId" : "projectCode";
    }
}
