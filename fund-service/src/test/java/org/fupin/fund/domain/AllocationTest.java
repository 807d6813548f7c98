package org.fupin.fund.domain;

import org.fupin.contracts.fund.FundAllocatedV1;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.fupin.fund.domain.FundSource.BANK_LOANS;
import static org.fupin.fund.domain.FundSource.CENTRAL_BUDGET;
import static org.fupin.fund.domain.FundSource.COUNTY_BUDGET;
import static org.fupin.fund.domain.Ledgers.COUNTY;
import static org.fupin.fund.domain.Ledgers.OTHER_COUNTY_VILLAGE;
import static org.fupin.fund.domain.Ledgers.VILLAGE_A;
import static org.fupin.fund.domain.Ledgers.VILLAGE_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 资金下达: lines ≤ document amount; allocated ≤ budget per project × source; refusals name project, source, excess. */
class AllocationTest {

    final Ledgers l = new Ledgers();
    final LocalDate day = LocalDate.of(2019, 4, 1);
    final FundProject a = l.project("P-A", VILLAGE_A, ProjectStage.PLANNED, CENTRAL_BUDGET, "600000.00", COUNTY_BUDGET, "50000.00");
    final FundProject b = l.project("P-B", VILLAGE_B, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "400000.00");

    @Test
    void linesSpreadADocumentOverProjects() {
        AllocationDocument doc = l.document("X财农〔2019〕12号", day, CENTRAL_BUDGET, "1000000.00");
        Posting p = l.allocate(doc, a, "600000.00", b, "300000.00");
        assertEquals("fund.allocated", p.action());
        assertEquals(day, p.effectiveDate());
        assertEquals("900000.00", p.document().lined().toString());
        assertEquals("100000.00", p.document().unlined().toString());
        assertEquals("600000.00", l.account(a, CENTRAL_BUDGET).allocated().toString());
        assertEquals("0.00", l.account(a, CENTRAL_BUDGET).headroom().toString());
        assertEquals("100000.00", l.account(b, CENTRAL_BUDGET).headroom().toString());
        assertEquals(List.of(a.id(), b.id()), List.copyOf(p.eventsByProject().keySet()), "one event per line, under its project");
        FundAllocatedV1 e = (FundAllocatedV1) p.events().get(0).event();
        assertEquals(List.of(a.id(), VILLAGE_A, COUNTY, "central-budget", "600000.00", doc.id(), "X财农〔2019〕12号", day, 2019,
                        "520000000000", day),
                List.of(e.projectId(), e.regionCode(), e.countyCode(), e.source(), e.amount(), e.documentId(), e.documentNumber(),
                        e.documentDate(), e.documentYear(), e.issuingRegion(), e.effectiveDate()));
        assertEquals(p.entries().get(0).id(), e.entryId());
        assertTrue(p.entries().stream().allMatch(x -> x.kind() == EntryKind.ALLOCATION && doc.id().equals(x.documentId())));
    }

    @Test
    void theLinesOfADocumentNeverExceedItsAmountAcrossRequests() {
        AllocationDocument doc = l.document("X财农〔2019〕13号", day, CENTRAL_BUDGET, "500000.00");
        l.allocate(doc, a, "300000.00");
        Refusal r = assertThrows(Refusal.class, () -> l.allocate(doc, b, "200000.01"));
        assertEquals(422, r.status());
        assertEquals("exceeds-document", r.code());
        assertEquals(List.of("lines"), r.fields());
        assertEquals("0.01", r.details().get("excess"));
        assertEquals("X财农〔2019〕13号", r.details().get("documentNumber"));
        assertEquals("300000.00", l.documents.get(doc.id()).lined().toString(), "nothing changed");
        assertEquals(null, l.account(b, CENTRAL_BUDGET), "no account touched");
        l.allocate(doc, b, "200000.00");
        assertEquals("0.00", l.documents.get(doc.id()).unlined().toString(), "exactly the amount is fine");
    }

    @Test
    void aProjectNeverReceivesMoreThanItsBudgetForTheSource() {
        AllocationDocument doc = l.document("N1", day, CENTRAL_BUDGET, "2000000.00");
        l.allocate(doc, a, "599999.99");
        Refusal r = assertThrows(Refusal.class, () -> l.allocate(doc, a, "0.02"));
        assertEquals(422, r.status());
        assertEquals("exceeds-budget", r.code());
        assertEquals(List.of("lines[0].amount"), r.fields());
        assertEquals(a.id(), r.details().get("projectId"));
        assertEquals("P-A", r.details().get("projectCode"));
        assertEquals("central-budget", r.details().get("source"));
        assertEquals("0.01", r.details().get("excess"));
        assertTrue(r.getMessage().contains("P-A") && r.getMessage().contains("central-budget") && r.getMessage().contains("excess 0.01"),
                r.getMessage());
        l.allocate(doc, a, "0.01");
    }

    @Test
    void noMoneyOfASourceTheBudgetDoesNotHave() {
        AllocationDocument doc = l.document("N2", day, BANK_LOANS, "100.00");
        Refusal r = assertThrows(Refusal.class, () -> l.allocate(doc, a, "100.00"));
        assertEquals("exceeds-budget", r.code());
        assertEquals("bank-loans", r.details().get("source"));
        assertEquals("100.00", r.details().get("excess"));
    }

    @Test
    void aBudgetAdjustedBelowTheAllocatedMoneyShowsTheOverrunAndRefusesTheNextAllocation() {
        AllocationDocument doc = l.document("N3", day, CENTRAL_BUDGET, "1000000.00");
        l.allocate(doc, a, "500000.00");
        FundProject lowered = l.replace(a, ProjectStage.PLANNED, CENTRAL_BUDGET, "450000.00");
        Account seen = l.account(a, CENTRAL_BUDGET).withBudget(lowered.budget(CENTRAL_BUDGET));
        assertTrue(seen.inOverrun());
        assertEquals("50000.00", seen.overrun().toString(), "visible in the project's fund view");
        assertEquals("0.00", seen.headroom().toString());
        Refusal r = assertThrows(Refusal.class, () -> l.allocate(doc, a, "0.01"));
        assertEquals("exceeds-budget", r.code());
        assertEquals("50000.01", r.details().get("excess"), "the excess over the budget, overrun included");
        assertEquals("50000.00", r.details().get("overrun"));
        // money already there may still be paid and settled
        l.disburse(a, CENTRAL_BUDGET, "500000.00", day);
        assertEquals("450000.00", l.account(a, CENTRAL_BUDGET).budget().toString(), "the account takes the replica's budget");
    }

    @Test
    void unknownCancelledAndOutOfCountyProjectsAreRefused() {
        AllocationDocument doc = l.document("N4", day, CENTRAL_BUDGET, "1000.00");
        FundProject cancelled = l.project("P-X", VILLAGE_A, ProjectStage.CANCELLED, CENTRAL_BUDGET, "1000.00");
        FundProject elsewhere = l.project("P-Y", OTHER_COUNTY_VILLAGE, ProjectStage.PLANNED, CENTRAL_BUDGET, "1000.00");
        FundProject unknown = new FundProject("4b0b3c4e-0000-0000-0000-000000000000", "P-Z", VILLAGE_A, null, 2019, Map.of(),
                ProjectStage.PLANNED);
        assertEquals("project-cancelled", assertThrows(Refusal.class, () -> l.allocate(doc, cancelled, "1.00")).code());
        assertEquals("project-outside-county", assertThrows(Refusal.class, () -> l.allocate(doc, elsewhere, "1.00")).code());
        Refusal r = assertThrows(Refusal.class, () -> l.allocate(doc, unknown, "1.00"));
        assertEquals("unknown-project", r.code());
        assertEquals(List.of("lines[0].projectId"), r.fields());
        assertEquals(422, r.status());
    }

    @Test
    void severalRefusedLinesAreNamedInOneAnswerAndNothingIsPosted() {
        AllocationDocument doc = l.document("N5", day, CENTRAL_BUDGET, "1000000.00");
        FundProject cancelled = l.project("P-X", VILLAGE_A, ProjectStage.CANCELLED, CENTRAL_BUDGET, "1000.00");
        Refusal r = assertThrows(Refusal.class, () -> l.allocate(doc, a, "600000.01", b, "1.00", cancelled, "1.00"));
        assertEquals("lines-refused", r.code());
        assertEquals(List.of("lines[0].amount", "lines[2].projectId"), r.fields());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> each = (List<Map<String, Object>>) r.details().get("refusals");
        assertEquals("exceeds-budget", each.get(0).get("code"));
        assertEquals("0.01", each.get(0).get("excess"));
        assertEquals("project-cancelled", each.get(1).get("code"));
        assertTrue(l.entries.isEmpty());
        assertEquals("0.00", l.documents.get(doc.id()).lined().toString());
    }

    @Test
    void badLinesAreInvalidNamingEachField() {
        AllocationDocument doc = l.document("N6", day, CENTRAL_BUDGET, "1000.00");
        Refusal r = assertThrows(Refusal.class, () -> l.ledger.allocate(doc, List.of(
                new FundLedger.LineInput(a.id(), "county-budget", "1.00"),
                new FundLedger.LineInput(a.id(), null, "-1"),
                new FundLedger.LineInput(null, "nope", "1.001")), l.projects, l.accounts));
        assertEquals(400, r.status());
        assertEquals(List.of("lines[0].source", "lines[1].projectId", "lines[1].amount", "lines[2].projectId",
                "lines[2].source", "lines[2].amount"), r.fields());
        assertEquals(List.of("lines"), assertThrows(Refusal.class, () -> l.ledger.allocate(doc, List.of(), l.projects,
                l.accounts)).fields());
    }

    @Test
    void aLoansCreditArrivesAsADocumentAndIsDisbursedLikeAnyMoney() {
        FundProject road = l.project("P-ROAD", VILLAGE_B, ProjectStage.UNDER_CONSTRUCTION, BANK_LOANS, "3000000.00",
                COUNTY_BUDGET, "200000.00");
        AllocationDocument credit = l.document("国开行黔贷〔2019〕8号", day, BANK_LOANS, "3000000.00");
        l.allocate(credit, road, "3000000.00");
        l.disburse(road, BANK_LOANS, "1200000.00", day.plusDays(10));
        Account loan = l.account(road, BANK_LOANS);
        assertEquals(List.of("3000000.00", "1200000.00"), List.of(loan.allocated().toString(), loan.disbursed().toString()),
                "arrived and disbursed of a loan programme");
    }
}
