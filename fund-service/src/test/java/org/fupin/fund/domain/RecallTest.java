package org.fupin.fund.domain;

import org.fupin.contracts.fund.FundRecalledV1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.fupin.fund.domain.FundSource.CENTRAL_BUDGET;
import static org.fupin.fund.domain.Ledgers.VILLAGE_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 结余资金收回: the unspent balance of a completed, accepted or cancelled project, with a document. */
class RecallTest {

    final Ledgers l = new Ledgers();
    final LocalDate day = LocalDate.of(2020, 3, 1);
    FundProject a;

    @BeforeEach
    void spentInPart() {
        a = l.project("P-A", VILLAGE_A, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "1000.00");
        l.allocate(l.document("N1", day, CENTRAL_BUDGET, "1000.00"), a, "1000.00");
        l.disburse(a, CENTRAL_BUDGET, "800.00", day);
        l.reimburse(a, CENTRAL_BUDGET, "650.00", "记-1", day.plusDays(30));
    }

    @Test
    void onlyFromAClosedProject() {
        Refusal r = assertThrows(Refusal.class, () -> l.recall(a, CENTRAL_BUDGET, null, day.plusDays(60)));
        assertEquals(409, r.status());
        assertEquals("project-not-closed", r.code());
        for (ProjectStage closed : List.of(ProjectStage.COMPLETED, ProjectStage.ACCEPTED, ProjectStage.CANCELLED)) {
            l.replace(a, closed);
            l.ledger.recall(l.projects.get(a.id()), l.account(a, CENTRAL_BUDGET), new FundLedger.RecallInput("central-budget",
                    "1.00", "N", day.plusDays(60), null), List.of()); // decided, not stored
        }
    }

    @Test
    void theWholeBalanceByDefaultUndisbursedFirstThenWhatTheUnitPaysBack() {
        l.replace(a, ProjectStage.COMPLETED);
        Posting p = l.recall(a, CENTRAL_BUDGET, null, day.plusDays(60));
        LedgerEntry e = p.entries().get(0);
        assertEquals(List.of("350.00", "-350.00", "-150.00"), List.of(e.amount().toString(), e.allocatedDelta().toString(),
                e.disbursedDelta().toString()));
        Account acc = l.account(a, CENTRAL_BUDGET);
        assertEquals(List.of("650.00", "650.00", "650.00", "0.00"), List.of(acc.allocated().toString(), acc.disbursed().toString(),
                acc.reimbursed().toString(), acc.balance().toString()), "after the recall everything allocated is settled");
        FundRecalledV1 ev = (FundRecalledV1) p.events().get(0).event();
        assertEquals(List.of("350.00", "200.00", "150.00", "COMPLETED", "X财收〔2021〕1号"), List.of(ev.amount(),
                ev.undisbursedAmount(), ev.returnedAmount(), ev.projectStage(), ev.documentNumber()));
        Refusal again = assertThrows(Refusal.class, () -> l.recall(a, CENTRAL_BUDGET, null, day.plusDays(61)));
        assertEquals("nothing-to-recall", again.code());
        assertEquals(422, again.status());
    }

    @Test
    void aPartOfTheBalanceTakesUndisbursedMoneyFirst() {
        l.replace(a, ProjectStage.CANCELLED);
        LedgerEntry e = l.recall(a, CENTRAL_BUDGET, "120.00", day.plusDays(60)).entries().get(0);
        assertEquals(List.of("-120.00", "0.00"), List.of(e.allocatedDelta().toString(), e.disbursedDelta().toString()));
        Refusal r = assertThrows(Refusal.class, () -> l.recall(a, CENTRAL_BUDGET, "230.01", day.plusDays(61)));
        assertEquals("exceeds-balance", r.code());
        assertEquals(List.of(a.id(), "central-budget", "0.01"), List.of(r.details().get("projectId"), r.details().get("source"),
                r.details().get("excess")));
    }

    @Test
    void theDocumentIsRequired() {
        l.replace(a, ProjectStage.ACCEPTED);
        Refusal r = assertThrows(Refusal.class, () -> l.ledger.recall(l.projects.get(a.id()), l.account(a, CENTRAL_BUDGET),
                new FundLedger.RecallInput("central-budget", "0", "", null, null), List.of()));
        assertEquals(List.of("amount", "documentNumber", "documentDate"), r.fields());
    }
}
