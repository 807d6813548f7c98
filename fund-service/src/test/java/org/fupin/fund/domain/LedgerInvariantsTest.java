package org.fupin.fund.domain;

import org.fupin.platform.money.Money;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.fupin.fund.domain.FundSource.BANK_LOANS;
import static org.fupin.fund.domain.FundSource.CENTRAL_BUDGET;
import static org.fupin.fund.domain.Ledgers.VILLAGE_A;
import static org.fupin.fund.domain.Ledgers.VILLAGE_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever sequence of requests arrives (random, with back-dated ones and refusals), every account keeps
 * reimbursed ≤ disbursed ≤ allocated now and as of every day, allocated ≤ budget while the budget stands, every
 * document's lines ≤ its amount, and the stored totals equal the sums of the entries.
 */
class LedgerInvariantsTest {

    @Test
    void noAccountBreaksTheChainEvenWhenBuiltByHand() {
        assertThrows(IllegalStateException.class, () -> new Account("p", CENTRAL_BUDGET, Money.ZERO, Ledgers.m("1.00"),
                Ledgers.m("1.01"), Money.ZERO), "disbursed above allocated");
        assertThrows(IllegalStateException.class, () -> new Account("p", CENTRAL_BUDGET, Money.ZERO, Ledgers.m("1.00"),
                Ledgers.m("0.50"), Ledgers.m("0.51")), "reimbursed above disbursed");
        assertThrows(IllegalStateException.class, () -> new Account("p", CENTRAL_BUDGET, Money.ZERO, Money.ZERO, Money.ZERO,
                Ledgers.m("-0.01")), "negative");
        Account overrun = new Account("p", CENTRAL_BUDGET, Ledgers.m("1.00"), Ledgers.m("2.00"), Money.ZERO, Money.ZERO);
        assertTrue(overrun.inOverrun(), "allocated above budget can be stored: the budget was lowered afterwards");
        assertEquals("1.00", overrun.overrun().toString());
    }

    @RepeatedTest(20)
    void randomRequestsNeverBreakAnInvariant(RepetitionInfo info) {
        Random rnd = new Random(9000L + info.getCurrentRepetition());
        Ledgers l = new Ledgers();
        List<FundProject> projects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            projects.add(l.project("P-" + i, i % 2 == 0 ? VILLAGE_A : VILLAGE_B, ProjectStage.UNDER_CONSTRUCTION,
                    CENTRAL_BUDGET, (100 + rnd.nextInt(900)) + ".00", BANK_LOANS, (rnd.nextInt(500)) + ".50"));
        }
        LocalDate start = LocalDate.of(2019, 1, 1);
        int vouchers = 0;
        for (int step = 0; step < 200; step++) {
            FundProject p = l.projects.get(projects.get(rnd.nextInt(projects.size())).id());
            FundSource s = rnd.nextBoolean() ? CENTRAL_BUDGET : BANK_LOANS;
            LocalDate day = start.plusDays(rnd.nextInt(700));
            String amount = (1 + rnd.nextInt(80)) + "." + (10 + rnd.nextInt(90));
            try {
                switch (rnd.nextInt(9)) {
                    case 0, 1 -> l.allocate(l.document("N" + step, day, s, (rnd.nextInt(800) + 1) + ".00"), p, amount);
                    case 2, 3 -> l.disburse(p, s, amount, day);
                    case 4, 5 -> l.reimburse(p, s, amount, "记-" + (vouchers++), day);
                    case 6 -> {
                        List<LedgerEntry> open = l.entries.stream().filter(e -> e.kind() == EntryKind.REIMBURSEMENT).toList();
                        if (!open.isEmpty()) {
                            LedgerEntry v = open.get(rnd.nextInt(open.size()));
                            l.reverse(v, "错", v.date().plusDays(rnd.nextInt(30)));
                        }
                    }
                    case 7 -> l.adjust(p, projects.get(rnd.nextInt(projects.size())), s, amount, day);
                    default -> {
                        if (rnd.nextInt(4) == 0) {
                            l.replace(p, ProjectStage.COMPLETED);
                        }
                        if (rnd.nextInt(6) == 0) { // the budget lowered by a project adjustment
                            l.replace(p, l.projects.get(p.id()).stage(), CENTRAL_BUDGET, rnd.nextInt(400) + ".00",
                                    BANK_LOANS, rnd.nextInt(300) + ".00");
                        }
                        l.recall(p, s, rnd.nextBoolean() ? null : amount, day);
                    }
                }
            } catch (Refusal refused) {
                assertTrue(refused.status() == 400 || refused.status() == 409 || refused.status() == 422, refused.getMessage());
            }
            l.checkTotals();
        }
        // as of every day that has an entry, and now
        for (LocalDate day : l.entries.stream().map(LedgerEntry::date).distinct().toList()) {
            for (Map.Entry<LedgerEntry.AccountKey, LedgerAsOf.Figures> e : LedgerAsOf.accounts(l.entries, day).entrySet()) {
                LedgerAsOf.Figures f = e.getValue();
                assertTrue(f.reimbursed().compareTo(Money.ZERO) >= 0 && f.reimbursed().compareTo(f.disbursed()) <= 0
                        && f.disbursed().compareTo(f.allocated()) <= 0, day + " " + e.getKey() + " " + f);
            }
        }
        for (AllocationDocument d : l.documents.values()) {
            assertTrue(d.lined().compareTo(d.amount()) <= 0);
            assertEquals(d.lined(), LedgerAsOf.document(d, l.entries, null).lined());
        }
        assertTrue(l.entries.size() > 30, "the random walk posted something: " + l.entries.size());
        assertTrue(l.events.size() >= l.entries.size(), "every entry published");
    }
}
