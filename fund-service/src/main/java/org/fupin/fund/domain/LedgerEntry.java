package org.fupin.fund.domain;

import org.fupin.platform.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a project × source account (资金台账): never edited, never deleted. Its effect on the account is the three
 * signed deltas; the figures of an account, now or as of a day, are the sums of its entries' deltas (dated on or before
 * that day), so the stored totals are a cache of them.
 *
 * @param number          the document number (allocation, adjustment, recall), the payment order number
 *                        (disbursement) or the voucher number (reimbursement; for a reversal: the reversed voucher's)
 * @param date            the business date: of the document, payment order, voucher or reversal
 * @param documentId      the allocation document (ALLOCATION only), else null
 * @param referenceId     REVERSAL: the reversed voucher's entry id; ADJUSTMENT_*: the adjustment id shared by both
 *                        sides; else null
 * @param counterpartProjectId ADJUSTMENT_*: the project on the other side, else null
 * @param reason          REVERSAL, ADJUSTMENT_*: why (required); RECALL: optional remarks; else null
 * @param expenseKind     REIMBURSEMENT: the expense kind (支出类别), else null
 */
public record LedgerEntry(String id, EntryKind kind, String projectId, FundSource source, String countyCode, Money amount,
                          LocalDate date, String number, String documentId, String referenceId,
                          String counterpartProjectId, String reason, String expenseKind,
                          Money allocatedDelta, Money disbursedDelta, Money reimbursedDelta) {

    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(date, "date");
        allocatedDelta = allocatedDelta == null ? Money.ZERO : allocatedDelta;
        disbursedDelta = disbursedDelta == null ? Money.ZERO : disbursedDelta;
        reimbursedDelta = reimbursedDelta == null ? Money.ZERO : reimbursedDelta;
    }

    /** The account it belongs to. */
    public AccountKey key() {
        return new AccountKey(projectId, source);
    }

    /** A project × source account's key. */
    public record AccountKey(String projectId, FundSource source) implements Comparable<AccountKey> {
        /** Lock order when one change touches two accounts (an adjustment): by project id, then source. */
        @Override
        public int compareTo(AccountKey o) {
            int c = projectId.compareTo(o.projectId);
            return c != 0 ? c : source.compareTo(o.source);
        }
    }
}
