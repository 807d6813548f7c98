package org.fupin.localstack.chaos;

import java.math.BigDecimal;
import java.util.List;

/**
 * The workload's model of the money (资金): what fund-service must hold per project × source after the acknowledged fund
 * commands, in cents (exact), and the documents and vouchers the commands refer to later.
 */
final class FundModel {

    /** The sources of the chaos projects' budgets (each half of {@link Workload#PROJECT_BUDGET}). */
    static final List<String> SOURCES = List.of("central-budget", "county-budget");
    /**
     * What a project may receive from a source: the budget it was entered with (an acknowledged 项目调整 raises the
     * county budget, but fund-service may not have heard of it yet; the model never counts on it).
     */
    static final long BUDGET_CENTS = Workload.PROJECT_BUDGET / 2 * 100L;

    private FundModel() {
    }

    /** One project × source: allocated ≥ disbursed ≥ reimbursed ≥ 0, in cents. */
    static final class Account {
        long allocated;
        long disbursed;
        long reimbursed;

        long headroom() {
            return BUDGET_CENTS - allocated;
        }

        long undisbursed() {
            return allocated - disbursed;
        }

        long unreimbursed() {
            return disbursed - reimbursed;
        }

        long balance() {
            return allocated - reimbursed;
        }

        /**
         * 结余资金收回 of the whole balance: the undisbursed part first, the rest was paid out and comes back from the unit
         * (缴回); afterwards allocated = disbursed = reimbursed. Returns the amount recalled.
         */
        long recallAll() {
            long amount = balance();
            long returned = Math.max(0, amount - undisbursed());
            allocated -= amount;
            disbursed -= returned;
            return amount;
        }

        @Override
        public String toString() {
            return "allocated " + yuan(allocated) + ", disbursed " + yuan(disbursed) + ", reimbursed " + yuan(reimbursed);
        }
    }

    /** An allocation document (资金下达文件) of one worker: lines only go to that worker's projects. */
    static final class Document {
        final String number;
        final String county; // 12 digits
        final String source;
        final long amount;
        String id;
        long lined;

        Document(String number, String county, String source, long amount) {
            this.number = number;
            this.county = county;
            this.source = source;
            this.amount = amount;
        }

        long unlined() {
            return amount - lined;
        }
    }

    /** An acknowledged reimbursement (报账 voucher), which may be reversed (红字冲销) once. */
    static final class Voucher {
        final String entryId;
        final Workload.Project project;
        final String source;
        final long amount;
        boolean reversed;

        Voucher(String entryId, Workload.Project project, String source, long amount) {
            this.entryId = entryId;
            this.project = project;
            this.source = source;
            this.amount = amount;
        }
    }

    /** "1234.05" from 123405 cents. */
    static String yuan(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** Cents of a decimal string ("1234.5" → 123450); -1 when absent or unreadable. */
    static long cents(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return -1;
        }
        try {
            return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }

    /** The 12-digit county of a 12-digit village code. */
    static String countyOf(String village) {
        return village.substring(0, 6) + "000000";
    }
}
