package org.fupin.fund.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.fupin.fund.domain.FundSource.BANK_LOANS;
import static org.fupin.fund.domain.FundSource.CENTRAL_BUDGET;
import static org.fupin.fund.domain.FundSource.COUNTY_BUDGET;
import static org.fupin.fund.domain.Ledgers.VILLAGE_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project's fund view: per source and in total, the overrun visible, the two rates with their parts. */
class ProjectFundsTest {

    @Test
    void perSourceAndTotalWithTheOverrunVisible() {
        Ledgers l = new Ledgers();
        LocalDate day = LocalDate.of(2020, 5, 1);
        FundProject p = l.project("P-A", VILLAGE_A, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "3000.00",
                COUNTY_BUDGET, "500.00", BANK_LOANS, "100.00");
        l.allocate(l.document("N1", day, CENTRAL_BUDGET, "3000.00"), p, "3000.00");
        l.allocate(l.document("N2", day, COUNTY_BUDGET, "500.00"), p, "500.00");
        l.disburse(p, CENTRAL_BUDGET, "2000.00", day);
        l.reimburse(p, CENTRAL_BUDGET, "1000.00", "记-1", day);
        FundProject lowered = l.replace(p, ProjectStage.UNDER_CONSTRUCTION, CENTRAL_BUDGET, "2500.00", COUNTY_BUDGET, "500.00",
                BANK_LOANS, "100.00");
        ProjectFunds v = ProjectFunds.of(lowered, l.accounts.values());
        assertEquals(List.of("central-budget", "county-budget", "bank-loans"), v.sources().stream().map(ProjectFunds.Line::source)
                .toList());
        ProjectFunds.Line central = v.sources().get(0);
        assertEquals(List.of("2500.00", "3000.00", "2000.00", "1000.00", "2000.00", "1000.00", "500.00"), List.of(
                central.budget().toString(), central.allocated().toString(), central.disbursed().toString(),
                central.reimbursed().toString(), central.balance().toString(), central.undisbursed().toString(),
                central.overrun().toString()));
        assertEquals("66.67", central.disbursementRate().percent());
        assertEquals("33.33", central.utilisationRate().percent());
        assertTrue(v.inOverrun());
        ProjectFunds.Line loans = v.sources().get(2);
        assertEquals("0.00", loans.allocated().toString(), "a source with budget and no money yet");
        assertNull(loans.disbursementRate().percent(), "undefined, nothing allocated");
        assertEquals(List.of("3100.00", "3500.00", "2000.00", "1000.00", "500.00"), List.of(v.total().budget().toString(),
                v.total().allocated().toString(), v.total().disbursed().toString(), v.total().reimbursed().toString(),
                v.total().overrun().toString()));
        assertEquals("57.14", v.total().disbursementRate().percent()); // 2000 / 3500 = 57.142…
        assertFalse(ProjectFunds.of(p, l.accounts.values()).inOverrun(), "within the old budget");
    }
}
