package org.fupin.reporting.domain;

import org.fupin.platform.money.Money;
import org.fupin.platform.money.Rate;
import org.fupin.reporting.domain.FundFigures.Figures;
import org.fupin.reporting.domain.FundFigures.Filter;
import org.fupin.reporting.domain.FundFigures.FundFact;
import org.fupin.reporting.domain.FundFigures.GroupBy;
import org.fupin.reporting.domain.FundFigures.Grouped;
import org.fupin.reporting.domain.FundFigures.ProjectPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fund figures of the domain page, to the cent, now and as of a past day, whatever order the events arrived in. */
class FundFiguresTest {

    // ------------------------------------------------------------------------------------------ formulas

    @ParameterizedTest
    @CsvSource({
            "125.00,100000.00,0.13",      // 0.125 % exactly: half-up (half-even would give 0.12)
            "145.00,100000.00,0.15",      // 0.145 %: half-up (half-even would give 0.14)
            "124.99,100000.00,0.12",      // 0.12499 %
            "200.00,300.00,66.67",        // 66.666… %
            "100.00,300.00,33.33",
            "1.00,1.00,100.00",
            "0.00,5.00,0.00",             // nothing reimbursed yet: 0, defined
            "999999999999.99,0.01,9999999999999900.00"})
    void ratesArePercentHalfUpToTwoDecimals(String numerator, String denominator, String percent) {
        Money n = Money.of(numerator);
        Money d = Money.of(denominator);
        for (Rate r : List.of(FundFigures.disbursementRate(n, d), FundFigures.utilisationRate(n, d),
                FundFigures.reimbursementRate(n, d), FundFigures.budgetReimbursementRate(n, d))) {
            assertEquals(percent, r.percent());
            assertEquals(numerator, r.json().numerator());
            assertEquals(denominator, r.json().denominator());
        }
    }

    @Test
    void aRateOverZeroIsUndefinedNotZeroNotAnError() {
        for (Rate r : List.of(FundFigures.disbursementRate(Money.of("10.00"), Money.ZERO),
                FundFigures.utilisationRate(Money.ZERO, Money.ZERO), FundFigures.reimbursementRate(Money.of("5.00"), Money.ZERO),
                FundFigures.budgetReimbursementRate(Money.ZERO, Money.ZERO))) {
            assertNull(r.percent());
            assertFalse(r.defined());
            assertNull(r.json().percent());
        }
        Figures empty = FundFigures.of(List.of(), List.of(), null, Filter.ALL);
        assertEquals(0, empty.projects());
        assertNull(empty.reimbursementRate().percent());
        assertNull(empty.disbursementRate().percent());
    }

    // ------------------------------------------------------------------------------------------ a county's library

    static final String COUNTY = "522428";
    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static Map<String, BigDecimal> budget(String... kv) {
        Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], bd(kv[i + 1]));
        }
        return m;
    }

    static final Map<String, BigDecimal> B1 = budget("central-budget", "100000.00", "county-budget", "20000.00");
    static final Map<String, BigDecimal> B3 = budget("central-budget", "200000.00", "bank-loans", "300000.00");

    static final List<ProjectPoint> POINTS = List.of(
            new ProjectPoint("p1", 1, d("2019-02-01"), "522428103201", 2019, "industry", "一批", "PLANNED", B1),
            new ProjectPoint("p1", 2, d("2019-05-01"), "522428103201", 2019, "industry", "一批", "UNDER_CONSTRUCTION", B1),
            new ProjectPoint("p2", 1, d("2019-02-01"), "522428104202", 2019, "village-infrastructure", null, "PLANNED",
                    budget("central-budget", "50000.00")),
            new ProjectPoint("p3", 1, d("2020-01-10"), "522428103202", 2020, "industry", "一批", "PLANNED", B3),
            new ProjectPoint("p3", 2, d("2020-04-01"), "522428103202", 2020, "industry", "一批", "UNDER_CONSTRUCTION", B3),
            new ProjectPoint("p3", 3, d("2020-10-01"), "522428103202", 2020, "industry", "一批", "COMPLETED", B3),
            new ProjectPoint("p4", 1, d("2020-01-15"), "522428104202", 2020, "industry", null, "PLANNED",
                    budget("central-budget", "10000.00")),
            new ProjectPoint("p4", 2, d("2020-06-01"), "522428104202", 2020, "industry", null, "CANCELLED",
                    budget("central-budget", "10000.00")));

    static final List<FundFact> FACTS = List.of(
            FundFact.allocated("e1", "p1", "522428103201", "central-budget", d("2019-03-01"), bd("100000.00")),
            FundFact.allocated("e2", "p1", "522428103201", "county-budget", d("2019-03-01"), bd("20000.00")),
            FundFact.disbursed("e3", "p1", "522428103201", "central-budget", d("2019-06-01"), bd("80000.00")),
            FundFact.reimbursed("e4", "p1", "522428103201", "central-budget", d("2019-12-31"), bd("60000.00")),
            FundFact.reimbursed("e5", "p1", "522428103201", "central-budget", d("2020-01-05"), bd("5000.00")),
            FundFact.reversed("e6", "p1", "522428103201", "central-budget", d("2020-01-20"), bd("5000.00")),
            FundFact.allocated("e7", "p3", "522428103202", "central-budget", d("2020-03-01"), bd("200000.00")),
            FundFact.allocated("e8", "p3", "522428103202", "bank-loans", d("2020-03-15"), bd("300000.00")),
            FundFact.disbursed("e9", "p3", "522428103202", "bank-loans", d("2020-04-10"), bd("300000.00")),
            FundFact.reimbursed("e10", "p3", "522428103202", "bank-loans", d("2020-11-01"), bd("250000.00")),
            FundFact.disbursed("e11", "p3", "522428103202", "central-budget", d("2020-05-01"), bd("150000.00")),
            FundFact.reimbursed("e12", "p3", "522428103202", "central-budget", d("2020-11-01"), bd("100000.00")),
            FundFact.allocated("e13", "p4", "522428104202", "central-budget", d("2020-02-01"), bd("10000.00")),
            FundFact.adjusted("e14", "p4", "522428104202", "central-budget", d("2020-07-01"), "OUT", bd("10000.00")),
            FundFact.adjusted("e15", "p2", "522428104202", "central-budget", d("2020-07-01"), "IN", bd("10000.00")),
            FundFact.allocated("e16", "p5", "522428105201", "self-raised", d("2020-08-01"), bd("800.00")),
            FundFact.disbursed("e17", "p5", "522428105201", "self-raised", d("2020-08-02"), bd("700.00")),
            FundFact.reimbursed("e18", "p5", "522428105201", "self-raised", d("2020-09-01"), bd("700.00")),
            FundFact.recalled("e19", "p5", "522428105201", "self-raised", d("2020-12-01"), bd("100.00"), bd("0.00")));

    static List<String> money(Figures f) {
        return List.of(f.budget().toString(), f.implementedAmount().toString(), f.allocated().toString(),
                f.disbursed().toString(), f.reimbursed().toString());
    }

    static List<String> rates(Figures f) {
        return List.of(String.valueOf(f.disbursementRate().percent()), String.valueOf(f.utilisationRate().percent()),
                String.valueOf(f.reimbursementRate().percent()), String.valueOf(f.budgetReimbursementRate().percent()));
    }

    /** p5's events arrived, its project event not: the money counts, under "unknown". */
    static final List<FundFact> WITHOUT_P5 = FACTS.stream().filter(f -> !f.projectId().equals("p5")).toList();

    @Test
    void theFiguresNow() {
        Figures f = FundFigures.of(POINTS, WITHOUT_P5, null, new Filter(COUNTY, null, null, null, null));
        assertEquals(3, f.projects(), "p4 is cancelled");
        assertEquals(2, f.implementedProjects());
        assertEquals(List.of("670000.00", "620000.00", "630000.00", "530000.00", "410000.00"), money(f));
        // 530000/630000 = 84.1269…, 410000/630000 = 65.0793…, 410000/620000 = 66.1290…, 410000/670000 = 61.1940…
        assertEquals(List.of("84.13", "65.08", "66.13", "61.19"), rates(f));
        assertEquals("220000.00", f.balance().toString());
    }

    @Test
    void theCountysTableByProjectYearWithATotalRow() {
        Grouped g = FundFigures.grouped(POINTS, WITHOUT_P5, null, new Filter(COUNTY, null, null, null, null), GroupBy.YEAR);
        assertEquals(List.of("2019", "2020"), List.copyOf(g.rows().keySet()));
        Figures y2019 = g.rows().get("2019");
        assertEquals(List.of(2L, 1L), List.of(y2019.projects(), y2019.implementedProjects()));
        assertEquals(List.of("170000.00", "120000.00", "130000.00", "80000.00", "60000.00"), money(y2019));
        assertEquals("50.00", y2019.reimbursementRate().percent());
        Figures y2020 = g.rows().get("2020");
        assertEquals(List.of(1L, 1L), List.of(y2020.projects(), y2020.implementedProjects()));
        assertEquals(List.of("500000.00", "500000.00", "500000.00", "450000.00", "350000.00"), money(y2020));
        assertEquals("70.00", y2020.reimbursementRate().percent());
        assertEquals(FundFigures.of(POINTS, WITHOUT_P5, null, new Filter(COUNTY, null, null, null, null)), g.total());
        assertEquals(3, g.total().projects());
    }

    @Test
    void theFiguresAsOf31December() {
        Figures f = FundFigures.of(POINTS, FACTS, d("2019-12-31"), Filter.ALL);
        assertEquals(2, f.projects(), "p3 and p4 entered the library in 2020");
        assertEquals(1, f.implementedProjects());
        assertEquals(List.of("170000.00", "120000.00", "120000.00", "80000.00", "60000.00"), money(f));
        // 80000/120000 = 66.666…, 60000/120000, 60000/120000, 60000/170000 = 35.294…
        assertEquals(List.of("66.67", "50.00", "50.00", "35.29"), rates(f));
        Figures jan10 = FundFigures.of(POINTS, FACTS, d("2020-01-10"), Filter.ALL);
        assertEquals("65000.00", jan10.reimbursed().toString(), "the voucher of 5 January, reversed only on the 20th");
        assertEquals(1, jan10.implementedProjects());
        assertEquals("60000.00", FundFigures.of(POINTS, FACTS, d("2020-01-20"), Filter.ALL).reimbursed().toString());
        Figures apr = FundFigures.of(POINTS, FACTS, d("2020-04-01"), Filter.ALL);
        assertEquals(List.of(4L, 2L), List.of(apr.projects(), apr.implementedProjects()), "p3 under construction from 1 April");
        assertEquals("620000.00", apr.implementedAmount().toString());
        Figures jun = FundFigures.of(POINTS, FACTS, d("2020-06-30"), Filter.ALL);
        assertEquals(3, jun.projects(), "p4 cancelled on 1 June");
        assertEquals("630000.00", jun.allocated().toString(), "p4's money still there until the adjustment of 1 July");
    }

    @Test
    void groupedBySourceCategoryBatchAndRegion() {
        Filter county = new Filter(COUNTY, null, null, null, null);
        Grouped bySource = FundFigures.grouped(POINTS, WITHOUT_P5, null, county, GroupBy.SOURCE);
        assertEquals(List.of("bank-loans", "central-budget", "county-budget"), List.copyOf(bySource.rows().keySet()));
        Figures central = bySource.rows().get("central-budget");
        assertEquals(3, central.projects());
        assertEquals(List.of("350000.00", "300000.00", "310000.00", "230000.00", "160000.00"), money(central));
        Figures loans = bySource.rows().get("bank-loans");
        assertEquals(List.of("300000.00", "300000.00", "300000.00", "300000.00", "250000.00"), money(loans),
                "a loan programme: arrived, disbursed, reimbursed");
        assertEquals(3, bySource.total().projects(), "the total counts each project once");
        assertEquals(FundFigures.of(POINTS, WITHOUT_P5, null, county).allocated(), bySource.total().allocated());
        assertEquals(central, FundFigures.of(POINTS, WITHOUT_P5, null, new Filter(COUNTY, null, null, null, "central-budget")));

        Grouped byCategory = FundFigures.grouped(POINTS, WITHOUT_P5, null, county, GroupBy.CATEGORY);
        assertEquals(List.of("industry", "village-infrastructure"), List.copyOf(byCategory.rows().keySet()));
        assertEquals("10000.00", byCategory.rows().get("village-infrastructure").allocated().toString());

        Grouped byBatch = FundFigures.grouped(POINTS, WITHOUT_P5, null, county, GroupBy.BATCH);
        assertEquals(List.of("一批", FundFigures.UNKNOWN), List.copyOf(byBatch.rows().keySet()));

        Grouped byTownship = FundFigures.grouped(POINTS, FACTS, null, county, GroupBy.REGION);
        assertEquals(List.of("522428103", "522428104", "522428105"), List.copyOf(byTownship.rows().keySet()));
        assertEquals("700.00", byTownship.rows().get("522428105").allocated().toString(), "p5: 800 less 100 recalled");
        Grouped byVillage = FundFigures.grouped(POINTS, FACTS, null, new Filter("522428103", null, null, null, null), GroupBy.REGION);
        assertEquals(List.of("522428103201", "522428103202"), List.copyOf(byVillage.rows().keySet()));

        Figures y2019 = FundFigures.of(POINTS, FACTS, null, new Filter(COUNTY, 2019, null, null, null));
        assertEquals(List.of("170000.00", "120000.00", "130000.00", "80000.00", "60000.00"), money(y2019));
        assertEquals("0.00", FundFigures.of(POINTS, FACTS, null, new Filter("522427", null, null, null, null)).allocated()
                .toString(), "another county sees nothing");
    }

    @Test
    void fundEventsBeforeTheirProjectCountUnderUnknownUntilItArrives() {
        Grouped before = FundFigures.grouped(POINTS, FACTS, null, Filter.ALL, GroupBy.YEAR);
        assertEquals(List.of("2019", "2020", FundFigures.UNKNOWN), List.copyOf(before.rows().keySet()));
        assertEquals(List.of("0.00", "0.00", "700.00", "700.00", "700.00"), money(before.rows().get(FundFigures.UNKNOWN)));
        assertEquals(0, before.rows().get(FundFigures.UNKNOWN).projects());
        assertEquals("500000.00", FundFigures.of(POINTS, FACTS, null, new Filter("", 2020, null, null, null)).allocated()
                .toString(), "a year filter needs the project: p5's money is not in 2020 yet");
        List<ProjectPoint> withP5 = new ArrayList<>(POINTS);
        withP5.add(new ProjectPoint("p5", 1, d("2020-07-01"), "522428105201", 2020, "employment", null, "COMPLETED",
                budget("self-raised", "800.00")));
        Grouped after = FundFigures.grouped(withP5, FACTS, null, Filter.ALL, GroupBy.YEAR);
        assertEquals(List.of("2019", "2020"), List.copyOf(after.rows().keySet()));
        assertEquals(before.total().allocated(), after.total().allocated(), "the money is the same either way");
        assertEquals("500700.00", after.rows().get("2020").allocated().toString());
    }

    @Test
    void theFiguresDoNotDependOnOrderOrReplays() {
        Grouped expected = FundFigures.grouped(POINTS, FACTS, d("2020-06-30"), Filter.ALL, GroupBy.YEAR);
        Random rnd = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<ProjectPoint> points = new ArrayList<>(POINTS);
            List<FundFact> facts = new ArrayList<>(FACTS);
            points.addAll(POINTS.subList(0, rnd.nextInt(POINTS.size()))); // replayed
            facts.addAll(FACTS.subList(0, rnd.nextInt(FACTS.size())));
            Collections.shuffle(points, rnd);
            Collections.shuffle(facts, rnd);
            assertEquals(expected, FundFigures.grouped(points, facts, d("2020-06-30"), Filter.ALL, GroupBy.YEAR));
            assertEquals(FundFigures.of(POINTS, FACTS, null, Filter.ALL), FundFigures.of(points, facts, null, Filter.ALL));
        }
    }

    @Test
    void aProjectEventCountsFromItsStageDateWhenItSetTheStage() {
        assertEquals(d("2018-05-01"), ProjectPoint.validFrom("project.registered.v1", d("2018-05-01"), d("2020-03-01")),
                "an imported project is in its stage from the date it reached it");
        assertEquals(d("2020-03-01"), ProjectPoint.validFrom("project.stage-changed.v1", d("2020-03-01"), d("2020-03-01")));
        assertEquals(d("2020-06-01"), ProjectPoint.validFrom("project.cancelled.v1", d("2020-06-01"), d("2020-06-01")));
        assertEquals(d("2020-09-01"), ProjectPoint.validFrom("project.adjusted.v1", d("2019-05-01"), d("2020-09-01")),
                "a budget adjustment counts from its own date");
    }
}
