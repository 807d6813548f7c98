package org.fupin.fund.domain;

import org.fupin.contracts.fund.FundReimbursementReversedV1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.fupin.fund.domain.FundSource.CENTRAL_BUDGET;
import static org.fupin.fund.domain.Ledgers.TODAY;
import static org.fupin.fund.domain.Ledgers.VILLAGE_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 红字冲销: a new entry referencing the voucher, its whole amount, with a reason, once; nothing edited or deleted. */
class ReversalTest {

    final Ledgers l = new Ledgers();
    final LocalDate day = LocalDate.of(2020, 6, 1);
    FundProject a;
    LedgerEntry voucher;

    @BeforeEach
    void settled() {
        a = l.project("P-A", VILLAGE_A, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "1000.00");
        l.allocate(l.document("N1", day, CENTRAL_BUDGET, "1000.00"), a, "1000.00");
        l.disburse(a, CENTRAL_BUDGET, "800.00", day);
        voucher = l.reimburse(a, CENTRAL_BUDGET, "300.00", "记-15", day.plusDays(3)).entries().get(0);
    }

    @Test
    void aReversalIsANewEntryReferencingTheVoucherForItsAmount() {
        int before = l.entries.size();
        Posting p = l.reverse(voucher, "金额录入错误", day.plusDays(10));
        assertEquals(before + 1, l.entries.size(), "one entry added");
        assertTrue(l.entries.contains(voucher), "the voucher is still there, unchanged");
        LedgerEntry r = p.entries().get(0);
        assertEquals(List.of(EntryKind.REVERSAL, voucher.id(), "300.00", "-300.00", "记-15", "金额录入错误"),
                List.of(r.kind(), r.referenceId(), r.amount().toString(), r.reimbursedDelta().toString(), r.number(), r.reason()));
        assertEquals("0.00", l.account(a, CENTRAL_BUDGET).reimbursed().toString());
        FundReimbursementReversedV1 e = (FundReimbursementReversedV1) p.events().get(0).event();
        assertEquals(List.of(voucher.id(), "300.00", "记-15", day.plusDays(3), day.plusDays(10), "金额录入错误"),
                List.of(e.reversedEntryId(), e.amount(), e.voucherNumber(), e.voucherDate(), e.effectiveDate(), e.reason()));
        assertEquals(java.util.Set.of(voucher.id()), LedgerAsOf.reversedVouchers(l.entries, null));
        assertEquals(java.util.Set.of(), LedgerAsOf.reversedVouchers(l.entries, day.plusDays(9)));
    }

    @Test
    void aVoucherIsReversedOnce() {
        l.reverse(voucher, "重复报账", day.plusDays(10));
        Refusal r = assertThrows(Refusal.class, () -> l.reverse(voucher, "again", day.plusDays(11)));
        assertEquals(409, r.status());
        assertEquals("already-reversed", r.code());
        assertEquals("0.00", l.account(a, CENTRAL_BUDGET).reimbursed().toString(), "not reversed twice");
    }

    @Test
    void theReversedVoucherKeepsItsNumber() {
        l.reverse(voucher, "凭证有误", day.plusDays(10));
        Refusal r = assertThrows(Refusal.class, () -> l.reimburse(a, CENTRAL_BUDGET, "290.00", "记-15", day.plusDays(10)));
        assertEquals("duplicate-voucher", r.code());
        l.reimburse(a, CENTRAL_BUDGET, "290.00", "记-16", day.plusDays(10));
        assertEquals("290.00", l.account(a, CENTRAL_BUDGET).reimbursed().toString());
    }

    @Test
    void onlyTheWholeAmountOfAVoucherWithAReasonAndADateNotBeforeIt() {
        Refusal partial = assertThrows(Refusal.class, () -> l.ledger.reverse(a, l.account(a, CENTRAL_BUDGET), voucher, false,
                new FundLedger.ReversalInput("少报", day.plusDays(4), "100.00")));
        assertEquals("reversal-amount", partial.code());
        assertEquals(422, partial.status());
        l.ledger.reverse(a, l.account(a, CENTRAL_BUDGET), voucher, false, new FundLedger.ReversalInput("x", day.plusDays(4),
                "300.00")); // the same amount may be given
        Refusal bad = assertThrows(Refusal.class, () -> l.ledger.reverse(a, l.account(a, CENTRAL_BUDGET), voucher, false,
                new FundLedger.ReversalInput(" ", day.plusDays(2), null)));
        assertEquals(List.of("reason", "date"), bad.fields());
        assertEquals(List.of("date"), assertThrows(Refusal.class, () -> l.ledger.reverse(a, l.account(a, CENTRAL_BUDGET),
                voucher, false, new FundLedger.ReversalInput("x", TODAY.plusDays(1), null))).fields());
    }

    @Test
    void onlyVouchersAreReversed() {
        LedgerEntry payment = l.entries.stream().filter(e -> e.kind() == EntryKind.DISBURSEMENT).findFirst().orElseThrow();
        Refusal r = assertThrows(Refusal.class, () -> l.reverse(payment, "x", day.plusDays(5)));
        assertEquals("not-a-voucher", r.code());
        LedgerEntry reversal = l.reverse(voucher, "x", day.plusDays(5)).entries().get(0);
        assertEquals("not-a-voucher", assertThrows(Refusal.class, () -> l.reverse(reversal, "x", day.plusDays(6))).code(),
                "a reversal is not reversed: the voucher is entered anew");
    }
}
