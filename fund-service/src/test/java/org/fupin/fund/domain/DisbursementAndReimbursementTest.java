package org.fupin.fund.domain;

import org.fupin.contracts.fund.FundDisbursedV1;
import org.fupin.contracts.fund.FundReimbursedV1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.fupin.fund.domain.FundSource.CENTRAL_BUDGET;
import static org.fupin.fund.domain.FundSource.COUNTY_BUDGET;
import static org.fupin.fund.domain.Ledgers.COUNTY;
import static org.fupin.fund.domain.Ledgers.TODAY;
import static org.fupin.fund.domain.Ledgers.VILLAGE_A;
import static org.fupin.fund.domain.Ledgers.VILLAGE_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 拨付 ≤ allocated and 报账 ≤ disbursed, per project × source; vouchers unique per county. */
class DisbursementAndReimbursementTest {

    final Ledgers l = new Ledgers();
    final LocalDate day = LocalDate.of(2019, 4, 1);
    FundProject a;

    @BeforeEach
    void allocated() {
        a = l.project("P-A", VILLAGE_A, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "1000.00", COUNTY_BUDGET, "500.00");
        l.allocate(l.document("N1", day, CENTRAL_BUDGET, "1000.00"), a, "1000.00");
    }

    @Test
    void disbursedNeverExceedsAllocated() {
        Posting p = l.disburse(a, CENTRAL_BUDGET, "999.99", day.plusDays(1));
        FundDisbursedV1 e = (FundDisbursedV1) p.events().get(0).event();
        assertEquals(List.of(a.id(), VILLAGE_A, COUNTY, "central-budget", "999.99", day.plusDays(1), day.plusDays(1)),
                List.of(e.projectId(), e.regionCode(), e.countyCode(), e.source(), e.amount(), e.paymentDate(), e.effectiveDate()));
        Refusal r = assertThrows(Refusal.class, () -> l.disburse(a, CENTRAL_BUDGET, "0.02", day.plusDays(2)));
        assertEquals(422, r.status());
        assertEquals("exceeds-allocation", r.code());
        assertEquals(List.of("amount"), r.fields());
        assertEquals(List.of(a.id(), "P-A", "central-budget", "0.01", "0.01"), List.of(r.details().get("projectId"),
                r.details().get("projectCode"), r.details().get("source"), r.details().get("excess"), r.details().get("limit")));
        l.disburse(a, CENTRAL_BUDGET, "0.01", day.plusDays(2));
        assertEquals("0.00", l.account(a, CENTRAL_BUDGET).undisbursed().toString());
        Refusal none = assertThrows(Refusal.class, () -> l.disburse(a, COUNTY_BUDGET, "0.01", day.plusDays(2)));
        assertEquals("exceeds-allocation", none.code(), "a source with budget but no allocation has nothing to pay");
        assertEquals("county-budget", none.details().get("source"));
    }

    @Test
    void reimbursedNeverExceedsDisbursed() {
        l.disburse(a, CENTRAL_BUDGET, "600.00", day.plusDays(1));
        Posting p = l.reimburse(a, CENTRAL_BUDGET, "400.00", "记-001", day.plusDays(5));
        FundReimbursedV1 e = (FundReimbursedV1) p.events().get(0).event();
        assertEquals(List.of("记-001", day.plusDays(5), "材料费", "400.00"), List.of(e.voucherNumber(), e.voucherDate(),
                e.expenseKind(), e.amount()));
        Refusal r = assertThrows(Refusal.class, () -> l.reimburse(a, CENTRAL_BUDGET, "200.01", "记-002", day.plusDays(6)));
        assertEquals("exceeds-disbursement", r.code());
        assertEquals("0.01", r.details().get("excess"));
        assertEquals(422, r.status());
        l.reimburse(a, CENTRAL_BUDGET, "200.00", "记-002", day.plusDays(6));
        Account acc = l.account(a, CENTRAL_BUDGET);
        assertEquals(List.of("1000.00", "600.00", "600.00", "400.00", "400.00", "0.00"), List.of(acc.allocated().toString(),
                acc.disbursed().toString(), acc.reimbursed().toString(), acc.balance().toString(), acc.undisbursed().toString(),
                acc.unreimbursed().toString()));
    }

    @Test
    void aVoucherNumberIsUsedOncePerCounty() {
        FundProject b = l.project("P-B", VILLAGE_B, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "100.00");
        l.allocate(l.document("N2", day, CENTRAL_BUDGET, "100.00"), b, "100.00");
        l.disburse(a, CENTRAL_BUDGET, "100.00", day);
        l.disburse(b, CENTRAL_BUDGET, "100.00", day);
        l.reimburse(a, CENTRAL_BUDGET, "10.00", "记-7", day);
        Refusal r = assertThrows(Refusal.class, () -> l.reimburse(b, CENTRAL_BUDGET, "10.00", "记-7", day));
        assertEquals(409, r.status());
        assertEquals("duplicate-voucher", r.code());
        assertEquals(List.of("voucherNumber"), r.fields());
        FundProject elsewhere = l.project("P-C", "522427101201", ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "100.00");
        AllocationDocument other = AllocationDocument.create("other", new AllocationDocument.Input("N3", day, "central-budget",
                2019, "520000000000", "522427000000", "100.00"), TODAY);
        l.documents.put(other.id(), other);
        l.allocate(other, elsewhere, "100.00");
        l.disburse(elsewhere, CENTRAL_BUDGET, "100.00", day);
        l.reimburse(elsewhere, CENTRAL_BUDGET, "10.00", "记-7", day); // another county numbers its own vouchers
    }

    @Test
    void aCancelledProjectIsNotPaidButSettlesWhatItWasPaid() {
        l.disburse(a, CENTRAL_BUDGET, "300.00", day);
        l.replace(a, ProjectStage.CANCELLED);
        Refusal r = assertThrows(Refusal.class, () -> l.disburse(a, CENTRAL_BUDGET, "1.00", day.plusDays(1)));
        assertEquals("project-cancelled", r.code());
        assertEquals(422, r.status());
        l.reimburse(a, CENTRAL_BUDGET, "300.00", "记-9", day.plusDays(1));
    }

    @Test
    void missingAndWrongFieldsAreNamed() {
        Refusal d = assertThrows(Refusal.class, () -> l.ledger.disburse(a, l.account(a, CENTRAL_BUDGET),
                new FundLedger.DisbursementInput("central", "0", " ", TODAY.plusDays(1)), List.of()));
        assertEquals(List.of("source", "amount", "paymentOrderNumber", "date"), d.fields());
        assertEquals(400, d.status());
        Refusal r = assertThrows(Refusal.class, () -> l.ledger.reimburse(a, l.account(a, CENTRAL_BUDGET),
                new FundLedger.ReimbursementInput("central-budget", "1.234", null, null, ""), false, List.of()));
        assertEquals(List.of("amount", "voucherNumber", "date", "expenseKind"), r.fields());
    }
}
