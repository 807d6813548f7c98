package org.fupin.localstack.chaos;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chaos workload's money model: exact cents, and the recall rule of fund-service (docs/fund-ledger.md). */
class FundModelTest {

    @Test
    void centsAndYuanAreExact() {
        assertEquals("1234.05", FundModel.yuan(123_405));
        assertEquals("0.01", FundModel.yuan(1));
        assertEquals(123_450, FundModel.cents("1234.5"));
        assertEquals(123_405, FundModel.cents("1234.05"));
        assertEquals(-1, FundModel.cents(null));
        assertEquals(-1, FundModel.cents("abc"));
        assertEquals(-1, FundModel.cents("1.005"), "more than two decimals is not an amount");
        assertEquals("522428000000", FundModel.countyOf("522428001002"));
    }

    @Test
    void aRecallTakesTheUndisbursedPartFirstThenWhatWasPaidOut() {
        FundModel.Account a = new FundModel.Account();
        a.allocated = 100_000_00;
        a.disbursed = 60_000_00;
        a.reimbursed = 45_000_00;
        assertEquals(55_000_00, a.recallAll()); // balance = allocated − reimbursed
        assertEquals(45_000_00, a.allocated);
        assertEquals(45_000_00, a.disbursed); // 15,000.00 paid back by the unit (缴回)
        assertEquals(45_000_00, a.reimbursed);
        assertEquals(0, a.balance());
    }

    @Test
    void aRecallOfMoneyNeverPaidOutLeavesDisbursedAlone() {
        FundModel.Account a = new FundModel.Account();
        a.allocated = 80_000_00;
        a.disbursed = 30_000_00;
        a.reimbursed = 30_000_00;
        assertEquals(50_000_00, a.recallAll());
        assertEquals(30_000_00, a.allocated);
        assertEquals(30_000_00, a.disbursed);
    }
}
