package org.fupin.fund.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.fupin.fund.domain.FundSource.CENTRAL_BUDGET;
import static org.fupin.fund.domain.FundSource.COUNTY_BUDGET;
import static org.fupin.fund.domain.Ledgers.VILLAGE_A;
import static org.fupin.fund.domain.Ledgers.VILLAGE_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Figures as they stood at the end of a day, by document, payment and voucher dates; back-dated entries keep them sound. */
class AsOfAndBackdatingTest {

    final Ledgers l = new Ledgers();
    final FundProject a = l.project("P-A", VILLAGE_A, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "1000.00",
            COUNTY_BUDGET, "100.00");
    final FundProject b = l.project("P-B", VILLAGE_B, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "1000.00");

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static List<String> figures(LedgerAsOf.Figures f) {
        return List.of(f.allocated().toString(), f.disbursed().toString(), f.reimbursed().toString());
    }

    @Test
    void figuresAsOfTheEndOfADay() {
        AllocationDocument doc = l.document("N1", d("2019-12-20"), CENTRAL_BUDGET, "1500.00");
        l.allocate(doc, a, "1000.00", b, "500.00");
        l.disburse(a, CENTRAL_BUDGET, "600.00", d("2019-12-30"));
        l.reimburse(a, CENTRAL_BUDGET, "200.00", "记-1", d("2019-12-31"));
        LedgerEntry late = l.reimburse(a, CENTRAL_BUDGET, "300.00", "记-2", d("2020-01-01")).entries().get(0);
        l.reverse(late, "跨年错记", d("2020-01-15"));
        l.adjust(a, b, CENTRAL_BUDGET, "100.00", d("2020-02-01"));
        LedgerEntry.AccountKey ka = new LedgerEntry.AccountKey(a.id(), CENTRAL_BUDGET);
        LedgerEntry.AccountKey kb = new LedgerEntry.AccountKey(b.id(), CENTRAL_BUDGET);
        assertEquals(List.of("0.00", "0.00", "0.00"), figures(LedgerAsOf.account(l.entries, ka, d("2019-12-19"))));
        assertEquals(List.of("1000.00", "0.00", "0.00"), figures(LedgerAsOf.account(l.entries, ka, d("2019-12-20"))),
                "the document counts on its own date, to the end of the day");
        assertEquals(List.of("1000.00", "600.00", "200.00"), figures(LedgerAsOf.account(l.entries, ka, d("2019-12-31"))),
                "as of 31 December");
        assertEquals(List.of("1000.00", "600.00", "500.00"), figures(LedgerAsOf.account(l.entries, ka, d("2020-01-14"))));
        assertEquals(List.of("1000.00", "600.00", "200.00"), figures(LedgerAsOf.account(l.entries, ka, d("2020-01-15"))),
                "the reversal counts from its own date; the voucher still counts before it");
        assertEquals(List.of("900.00", "600.00", "200.00"), figures(LedgerAsOf.account(l.entries, ka, null)));
        assertEquals(List.of("600.00", "0.00", "0.00"), figures(LedgerAsOf.account(l.entries, kb, null)));
        assertEquals(List.of("500.00", "0.00", "0.00"), figures(LedgerAsOf.account(l.entries, kb, d("2020-01-31"))));
        Map<FundSource, LedgerAsOf.Figures> project = LedgerAsOf.project(l.entries, a.id(), d("2019-12-31"));
        assertEquals(List.of(CENTRAL_BUDGET), List.copyOf(project.keySet()));
        assertEquals("800.00", project.get(CENTRAL_BUDGET).balance().toString());

        LedgerAsOf.DocumentUse use = LedgerAsOf.document(l.documents.get(doc.id()), l.entries, d("2019-12-31"));
        assertEquals(List.of("1500.00", "1500.00", "0.00"), List.of(use.amount().toString(), use.lined().toString(),
                use.unlined().toString()));
        assertEquals(Map.of(a.id(), Ledgers.m("1000.00"), b.id(), Ledgers.m("500.00")), use.linedByProject());
        assertEquals("0.00", LedgerAsOf.document(doc, l.entries, d("2019-12-19")).amount().toString(), "not yet issued");
    }

    @Test
    void theFiguresDoNotDependOnTheOrderTheEntriesWereRecorded() {
        l.allocate(l.document("N1", d("2019-03-01"), CENTRAL_BUDGET, "1000.00"), a, "1000.00");
        l.disburse(a, CENTRAL_BUDGET, "500.00", d("2019-06-01"));
        l.disburse(a, CENTRAL_BUDGET, "100.00", d("2019-04-01")); // back-dated, covered on its date
        l.reimburse(a, CENTRAL_BUDGET, "50.00", "记-3", d("2019-05-01"));
        java.util.List<LedgerEntry> reversed = new java.util.ArrayList<>(l.entries);
        java.util.Collections.reverse(reversed);
        for (String day : List.of("2019-03-31", "2019-04-30", "2019-05-31", "2019-06-30")) {
            assertEquals(LedgerAsOf.accounts(l.entries, d(day)), LedgerAsOf.accounts(reversed, d(day)), day);
        }
        assertEquals(List.of("1000.00", "100.00", "50.00"), figures(LedgerAsOf.account(l.entries,
                new LedgerEntry.AccountKey(a.id(), CENTRAL_BUDGET), d("2019-05-31"))));
    }

    @Test
    void aBackDatedPaymentMustHaveBeenCoveredOnItsDate() {
        l.allocate(l.document("N1", d("2019-03-01"), CENTRAL_BUDGET, "500.00"), a, "500.00");
        l.allocate(l.document("N2", d("2019-09-01"), CENTRAL_BUDGET, "500.00"), a, "500.00");
        Refusal r = assertThrows(Refusal.class, () -> l.disburse(a, CENTRAL_BUDGET, "600.00", d("2019-05-01")));
        assertEquals(422, r.status());
        assertEquals("not-covered-on-date", r.code());
        assertEquals(List.of("date"), r.fields());
        assertEquals("100.00", r.details().get("excess"));
        assertEquals("2019-05-01", r.details().get("day"));
        l.disburse(a, CENTRAL_BUDGET, "600.00", d("2019-09-01"));
        l.disburse(a, CENTRAL_BUDGET, "400.00", d("2019-05-01")); // within the first document's money
        Refusal v = assertThrows(Refusal.class, () -> l.reimburse(a, CENTRAL_BUDGET, "500.00", "记-1", d("2019-06-01")));
        assertEquals("not-covered-on-date", v.code(), "on 1 June only 400 had been paid");
        l.reimburse(a, CENTRAL_BUDGET, "500.00", "记-1", d("2019-09-01"));
    }

    @Test
    void aBackDatedRecallOrAdjustmentMustNotUnpayLaterPayments() {
        l.allocate(l.document("N1", d("2019-03-01"), CENTRAL_BUDGET, "1000.00"), a, "1000.00");
        l.disburse(a, CENTRAL_BUDGET, "300.00", d("2019-04-01"));
        l.disburse(a, CENTRAL_BUDGET, "600.00", d("2019-08-01"));
        // on 1 May 700 was undisbursed, but moving 200 then would leave the August payment uncovered by 100
        Refusal r = assertThrows(Refusal.class, () -> l.adjust(a, b, CENTRAL_BUDGET, "200.00", d("2019-05-01")));
        assertEquals("exceeds-undisbursed", r.code(), "now only 100 is undisbursed");
        l.adjust(a, b, CENTRAL_BUDGET, "100.00", d("2019-05-01"));
        assertEquals("0.00", l.account(a, CENTRAL_BUDGET).undisbursed().toString());
        l.replace(a, ProjectStage.COMPLETED);
        l.reimburse(a, CENTRAL_BUDGET, "800.00", "记-1", d("2019-10-01"));
        Refusal recall = assertThrows(Refusal.class, () -> l.recall(a, CENTRAL_BUDGET, "100.00", d("2019-07-01")));
        assertEquals("recall-backdated", recall.code(), "a recall settles the account as it stands, after its latest entry");
        assertEquals(List.of("documentDate"), recall.fields());
        assertEquals("2019-10-01", recall.details().get("latestEntryDate"));
        l.recall(a, CENTRAL_BUDGET, "100.00", d("2019-11-01"));
    }
}
