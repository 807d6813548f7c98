package org.fupin.reporting.domain;

import org.fupin.platform.money.Rate;
import org.fupin.reporting.domain.ProjectFigures.Figures;
import org.fupin.reporting.domain.ProjectFigures.HouseholdFact;
import org.fupin.reporting.domain.ProjectFigures.ProjectFact;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The project figures of the domain page, to the exact number. */
class ProjectFiguresTest {

    static ProjectFact project(String id, String stage, String central, String county, String progress, String investment,
                               boolean incomplete, String... households) {
        return new ProjectFact(id, stage, Map.of("central-budget", new BigDecimal(central), "county-budget", new BigDecimal(county)),
                progress == null ? null : new BigDecimal(progress), new BigDecimal(investment), incomplete, Set.of(households));
    }

    static final List<ProjectFact> LIBRARY = List.of(
            project("p1", "PLANNED", "100000.00", "0.00", null, "0.00", true, "h1"),
            project("p2", "TENDERING", "200000.00", "50000.00", null, "0.00", false),
            project("p3", "UNDER_CONSTRUCTION", "300000.00", "0.00", "40.00", "120000.00", false, "h1", "h2"),
            project("p4", "COMPLETED", "150000.00", "50000.00", "100.00", "200000.00", false, "h3"),
            project("p5", "ACCEPTED", "100000.00", "0.00", "100.00", "99999.99", true, "h4"),
            project("p6", "CANCELLED", "500000.00", "0.00", "10.00", "1000.00", false, "h5"));

    static final Map<String, HouseholdFact> HOUSEHOLDS = Map.of(
            "h1", new HouseholdFact("h1", 4, false), "h2", new HouseholdFact("h2", 3, false),
            "h3", new HouseholdFact("h3", 5, false), "h4", new HouseholdFact("h4", 2, true),
            "h5", new HouseholdFact("h5", 6, false));

    @Test
    void theFiguresOfALibrary() {
        Figures f = ProjectFigures.of(LIBRARY, HOUSEHOLDS);
        assertEquals(6, f.projects());
        assertEquals(Map.of("PLANNED", 1L, "PRE_APPROVAL_DONE", 0L, "TENDERING", 1L, "UNDER_CONSTRUCTION", 1L, "COMPLETED", 1L,
                "ACCEPTED", 1L, "CANCELLED", 1L), f.byStage());
        assertEquals(ProjectSnapshot.STAGES, List.copyOf(f.byStage().keySet()), "every stage, in lifecycle order");
        assertEquals(5, f.nonCancelled());
        assertEquals(new Rate.Json("3", "5", "60.00", true), f.startRate().json());      // 开工率 over non-cancelled
        assertEquals(new Rate.Json("2", "5", "40.00", true), f.completionRate().json()); // 竣工率
        assertEquals("950000.00", f.totalBudget().toString());
        assertEquals("850000.00", f.budgetBySource().get("central-budget").toString());
        assertEquals("100000.00", f.budgetBySource().get("county-budget").toString());
        assertEquals("600000.00", f.implementedAmount().toString()); // 300000 + 200000 + 100000
        assertEquals("419999.99", f.investmentCompleted().toString());
        assertEquals("44.21", f.investmentCompletionRate().percent()); // 419999.99 / 950000 = 44.2105…
        assertEquals("419999.99", f.investmentCompletionRate().json().numerator());
        // 形象进度: (300000 × 40 + 200000 × 100 + 100000 × 100) / 100 = 420000 over 950000 = 44.2105… → 44.21
        assertEquals("420000.00", f.physicalProgress().json().numerator());
        assertEquals("950000.00", f.physicalProgress().json().denominator());
        assertEquals(ProjectFigures.FUND_SOURCES, List.copyOf(f.budgetBySource().keySet()), "every source, 0.00 where none");
        assertEquals("0.00", f.budgetBySource().get("bank-loans").toString());
        assertEquals("44.21", f.physicalProgress().percent());
        assertEquals(2, f.incompleteRecords());
        // h1 (twice), h2, h3; h4 removed; h5 only on the cancelled project
        assertEquals(3, f.beneficiaryHouseholds());
        assertEquals(12, f.beneficiaryPersons());
    }

    @Test
    void theWeightedMeanIsRoundedHalfUp() {
        Figures f = ProjectFigures.of(List.of(project("a", "UNDER_CONSTRUCTION", "1.00", "0.00", "33.33", "0", false),
                project("b", "UNDER_CONSTRUCTION", "2.00", "0.00", "66.67", "0", false)), Map.of());
        // (1 × 33.33 + 2 × 66.67) / 3 = 55.5566… → 55.56
        assertEquals("55.56", f.physicalProgress().percent());
    }

    @Test
    void ratesAreUndefinedWithoutADenominator() {
        Figures none = ProjectFigures.of(List.of(), Map.of());
        assertFalse(none.startRate().defined());
        assertNull(none.completionRate().percent());
        assertNull(none.investmentCompletionRate().percent());
        assertNull(none.physicalProgress().percent());
        assertEquals("0.00", none.totalBudget().toString());
        Figures onlyCancelled = ProjectFigures.of(List.of(LIBRARY.get(5)), HOUSEHOLDS);
        assertEquals(1, onlyCancelled.projects());
        assertEquals("0", onlyCancelled.startRate().json().denominator());
        assertNull(onlyCancelled.startRate().percent());
        Figures noBudget = ProjectFigures.of(List.of(project("z", "UNDER_CONSTRUCTION", "0", "0", "50", "0", false)), Map.of());
        assertEquals("100.00", noBudget.startRate().percent());
        assertNull(noBudget.physicalProgress().percent(), "no budget to weight by: undefined, not 0");
    }

    @Test
    void theFiguresDoNotDependOnOrder() {
        List<ProjectFact> shuffled = new ArrayList<>(LIBRARY);
        Collections.reverse(shuffled);
        assertEquals(ProjectFigures.of(LIBRARY, HOUSEHOLDS), ProjectFigures.of(shuffled, HOUSEHOLDS));
    }

    @Test
    void groupedRowsAndATotalThatCountsAHouseholdOnce() {
        var grouped = ProjectFigures.groupBy(LIBRARY, p -> p.projectId().equals("p3") ? "2020" : "2019", HOUSEHOLDS);
        assertEquals(List.of("2019", "2020"), List.copyOf(grouped.rows().keySet()));
        assertEquals(5, grouped.rows().get("2019").projects());
        assertEquals(2, grouped.rows().get("2019").beneficiaryHouseholds()); // h1, h3
        assertEquals(2, grouped.rows().get("2020").beneficiaryHouseholds()); // h1, h2
        assertEquals(3, grouped.total().beneficiaryHouseholds());
        assertEquals(ProjectFigures.of(LIBRARY, HOUSEHOLDS), grouped.total());
    }

    @Test
    void sumsPerStageGiveTheFiguresOfTheProjects() {
        // what the database returns: sums per stage and per source, beneficiaries counted apart
        ProjectFigures.Sums sums = new ProjectFigures.Sums()
                .add("ACCEPTED", 1, 1, new BigDecimal("100000.00"), new BigDecimal("99999.99"), new BigDecimal("10000000.0000"))
                .add("PLANNED", 1, 1, new BigDecimal("100000.00"), new BigDecimal("0.00"), new BigDecimal("0.0000"))
                .add("UNDER_CONSTRUCTION", 1, 0, new BigDecimal("300000.00"), new BigDecimal("120000.00"), new BigDecimal("12000000.0000"))
                .add("TENDERING", 1, 0, new BigDecimal("250000.00"), new BigDecimal("0.00"), new BigDecimal("0.0000"))
                .add("COMPLETED", 1, 0, new BigDecimal("200000.00"), new BigDecimal("200000.00"), new BigDecimal("20000000.0000"))
                .add("CANCELLED", 1, 0, new BigDecimal("500000.00"), new BigDecimal("1000.00"), new BigDecimal("5000000.0000"))
                .addSource("central-budget", new BigDecimal("850000.00"))
                .addSource("county-budget", new BigDecimal("100000.00"))
                .beneficiaries(3, 12);
        assertEquals(ProjectFigures.of(LIBRARY, HOUSEHOLDS), sums.figures());
    }

    @Test
    void sumsOfGroupsAddUp() {
        ProjectFigures.Sums a = new ProjectFigures.Sums().add("PLANNED", 2, 1, new BigDecimal("10.00"), BigDecimal.ZERO, BigDecimal.ZERO);
        a.add("PLANNED", 3, 0, new BigDecimal("5.00"), BigDecimal.ZERO, BigDecimal.ZERO);
        Figures f = a.figures();
        assertEquals(5, f.projects());
        assertEquals(5L, f.byStage().get("PLANNED"));
        assertEquals(1, f.incompleteRecords());
        assertEquals("15.00", f.totalBudget().toString());
        assertEquals(new Rate.Json("0", "5", "0.00", true), f.startRate().json());
    }

    @Test
    void theWeightedProgressHasOneFormWhateverTheOrderOfTheSum() {
        assertEquals("420000.00", ProjectFigures.weightedProgress(new BigDecimal("42000000.0000")).toPlainString());
        assertEquals("0.00", ProjectFigures.weightedProgress(new BigDecimal("0.0000")).toPlainString());
        assertEquals("0.000001", ProjectFigures.weightedProgress(new BigDecimal("0.0001")).toPlainString());
        assertEquals("0.3333", ProjectFigures.weightedProgress(new BigDecimal("33.33")).toPlainString());
        Figures tiny = ProjectFigures.of(List.of(project("t", "UNDER_CONSTRUCTION", "0.01", "0.00", "0.01", "0", false)), Map.of());
        assertEquals("0.000001", tiny.physicalProgress().json().numerator(), "exact, not rounded");
        assertEquals("0.01", tiny.physicalProgress().percent());
    }
}
