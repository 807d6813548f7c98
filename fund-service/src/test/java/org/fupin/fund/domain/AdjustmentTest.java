package org.fupin.fund.domain;

import org.fupin.contracts.fund.FundAllocationAdjustedV1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.fupin.fund.domain.FundSource.CENTRAL_BUDGET;
import static org.fupin.fund.domain.FundSource.COUNTY_BUDGET;
import static org.fupin.fund.domain.Ledgers.OTHER_COUNTY_VILLAGE;
import static org.fupin.fund.domain.Ledgers.VILLAGE_A;
import static org.fupin.fund.domain.Ledgers.VILLAGE_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 资金调整: allocated-not-disbursed money of one source, A → B in one county, with the approving document; both sides. */
class AdjustmentTest {

    final Ledgers l = new Ledgers();
    final LocalDate day = LocalDate.of(2020, 3, 1);
    FundProject a;
    FundProject b;

    @BeforeEach
    void twoProjects() {
        a = l.project("P-A", VILLAGE_A, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "1000.00");
        b = l.project("P-B", VILLAGE_B, ProjectStage.PLANNED, CENTRAL_BUDGET, "500.00", COUNTY_BUDGET, "100.00");
        l.allocate(l.document("N1", day, CENTRAL_BUDGET, "1200.00"), a, "1000.00", b, "100.00");
        l.disburse(a, CENTRAL_BUDGET, "700.00", day);
    }

    @Test
    void bothSidesAreRecordedUnderOneAdjustment() {
        Posting p = l.adjust(a, b, CENTRAL_BUDGET, "300.00", day.plusDays(20));
        assertEquals("fund.allocation-adjusted", p.action());
        assertEquals(2, p.entries().size());
        LedgerEntry out = p.entries().get(0);
        LedgerEntry in = p.entries().get(1);
        assertEquals(List.of(EntryKind.ADJUSTMENT_OUT, a.id(), "-300.00", b.id()), List.of(out.kind(), out.projectId(),
                out.allocatedDelta().toString(), out.counterpartProjectId()));
        assertEquals(List.of(EntryKind.ADJUSTMENT_IN, b.id(), "300.00", a.id()), List.of(in.kind(), in.projectId(),
                in.allocatedDelta().toString(), in.counterpartProjectId()));
        assertEquals(out.referenceId(), in.referenceId(), "one adjustment id on both sides");
        assertEquals("X扶调〔2020〕3号", out.number());
        assertEquals(List.of("700.00", "400.00"), List.of(l.account(a, CENTRAL_BUDGET).allocated().toString(),
                l.account(b, CENTRAL_BUDGET).allocated().toString()));
        assertEquals(List.of(a.id(), b.id()), List.copyOf(p.eventsByProject().keySet()), "one event per side, each under its project");
        FundAllocationAdjustedV1 eo = (FundAllocationAdjustedV1) p.events().get(0).event();
        FundAllocationAdjustedV1 ei = (FundAllocationAdjustedV1) p.events().get(1).event();
        assertEquals(List.of("OUT", "300.00", b.id(), "项目调整"), List.of(eo.side(), eo.amount(), eo.counterpartProjectId(), eo.reason()));
        assertEquals(List.of("IN", "300.00", a.id()), List.of(ei.side(), ei.amount(), ei.counterpartProjectId()));
        assertEquals(eo.adjustmentId(), ei.adjustmentId());
    }

    @Test
    void onlyAllocatedButNotDisbursedMoneyMoves() {
        Refusal r = assertThrows(Refusal.class, () -> l.adjust(a, b, CENTRAL_BUDGET, "300.01", day));
        assertEquals(422, r.status());
        assertEquals("exceeds-undisbursed", r.code());
        assertEquals(List.of(a.id(), "central-budget", "0.01"), List.of(r.details().get("projectId"), r.details().get("source"),
                r.details().get("excess")));
        assertTrue(l.entries.stream().noneMatch(e -> e.kind() == EntryKind.ADJUSTMENT_IN), "nothing recorded");
    }

    @Test
    void theReceivingProjectStaysWithinItsBudget() {
        l.replace(b, ProjectStage.PLANNED, CENTRAL_BUDGET, "350.00");
        Refusal r = assertThrows(Refusal.class, () -> l.adjust(a, b, CENTRAL_BUDGET, "250.01", day));
        assertEquals("exceeds-budget", r.code());
        assertEquals(b.id(), r.details().get("projectId"));
        assertEquals("0.01", r.details().get("excess"));
        l.adjust(a, b, CENTRAL_BUDGET, "250.00", day);
        assertEquals("0.00", l.account(b, CENTRAL_BUDGET).headroom().toString());
    }

    @Test
    void sameSourceSameCountyAnotherLiveProject() {
        Refusal source = assertThrows(Refusal.class, () -> l.adjust(a, b, COUNTY_BUDGET, "1.00", day));
        assertEquals("exceeds-undisbursed", source.code(), "central money cannot move as county money: A has none of it");
        assertEquals("county-budget", source.details().get("source"));
        FundProject elsewhere = l.project("P-Y", OTHER_COUNTY_VILLAGE, ProjectStage.PLANNED, CENTRAL_BUDGET, "1000.00");
        Refusal county = assertThrows(Refusal.class, () -> l.adjust(a, elsewhere, CENTRAL_BUDGET, "1.00", day));
        assertEquals("different-county", county.code());
        assertEquals(List.of("toProjectId"), county.fields());
        FundProject cancelled = l.project("P-X", VILLAGE_B, ProjectStage.CANCELLED, CENTRAL_BUDGET, "1000.00");
        assertEquals("project-cancelled", assertThrows(Refusal.class, () -> l.adjust(a, cancelled, CENTRAL_BUDGET, "1.00", day)).code());
        Refusal self = assertThrows(Refusal.class, () -> l.adjust(a, a, CENTRAL_BUDGET, "1.00", day));
        assertEquals(400, self.status());
        assertEquals(List.of("toProjectId"), self.fields());
    }

    @Test
    void moneyLeavesACancelledProjectForALiveOne() {
        l.replace(a, ProjectStage.CANCELLED);
        l.adjust(a, b, CENTRAL_BUDGET, "300.00", day.plusDays(1));
        assertEquals("400.00", l.account(b, CENTRAL_BUDGET).allocated().toString());
    }

    @Test
    void theApprovingDocumentAndReasonAreRequired() {
        Refusal r = assertThrows(Refusal.class, () -> l.ledger.adjust(a, b, l.account(a, CENTRAL_BUDGET), l.account(b, CENTRAL_BUDGET),
                new FundLedger.AdjustmentInput("central-budget", "1.00", null, null, " "), List.of()));
        assertEquals(List.of("documentNumber", "documentDate", "reason"), r.fields());
    }

    @Test
    void theLockOrderIsByProjectThenSource() {
        LedgerEntry.AccountKey x = new LedgerEntry.AccountKey("a", COUNTY_BUDGET);
        LedgerEntry.AccountKey y = new LedgerEntry.AccountKey("b", CENTRAL_BUDGET);
        LedgerEntry.AccountKey z = new LedgerEntry.AccountKey("a", CENTRAL_BUDGET);
        assertEquals(List.of(z, x, y), new java.util.TreeSet<>(List.of(y, x, z)).stream().toList());
    }
}
