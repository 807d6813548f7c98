package org.fupin.reporting.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.FundLibrary;
import org.fupin.reporting.ProjectReports;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.fupin.reporting.FundReports.PATH;
import static org.fupin.reporting.FundReports.report;
import static org.fupin.reporting.FundReports.rows;
import static org.fupin.reporting.FundReports.total;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each fund figure, each grouping, each filter and "as of" a past day of GET /api/v1/reports/funds on a county library
 * whose figures are computed by hand ({@link FundLibrary}), published through the real broker as project and fund
 * events; region scope and bad parameters. Province 42 is used by this class only.
 */
@QuarkusTest
class FundReportApiTest {

    static final String COUNTY = "420101";
    static final String T1 = COUNTY + "001";
    static final String T2 = COUNTY + "002";

    // by hand: see FundLibrary; rates half-up to two decimals
    static final String TOTAL = "projects=3 budget=670000.00 implemented=2/620000.00 allocated=630700.00 disbursed=530700.00 reimbursed=410700.00 balance=220000.00 disbursement=530700.00/630700.00=84.14 utilisation=410700.00/630700.00=65.12 reimbursement=410700.00/620000.00=66.24 budgetReimbursement=410700.00/670000.00=61.30";
    static final String Y2019 = "projects=2 budget=170000.00 implemented=1/120000.00 allocated=130000.00 disbursed=80000.00 reimbursed=60000.00 balance=70000.00 disbursement=80000.00/130000.00=61.54 utilisation=60000.00/130000.00=46.15 reimbursement=60000.00/120000.00=50.00 budgetReimbursement=60000.00/170000.00=35.29";
    static final String Y2020 = "projects=1 budget=500000.00 implemented=1/500000.00 allocated=500000.00 disbursed=450000.00 reimbursed=350000.00 balance=150000.00 disbursement=450000.00/500000.00=90.00 utilisation=350000.00/500000.00=70.00 reimbursement=350000.00/500000.00=70.00 budgetReimbursement=350000.00/500000.00=70.00";
    static final String UNKNOWN_P5 = "projects=0 budget=0.00 implemented=0/0.00 allocated=700.00 disbursed=700.00 reimbursed=700.00 balance=0.00 disbursement=700.00/700.00=100.00 utilisation=700.00/700.00=100.00 reimbursement=700.00/0.00=null budgetReimbursement=700.00/0.00=null";
    static final String DEC2019 = "projects=2 budget=170000.00 implemented=1/120000.00 allocated=120000.00 disbursed=80000.00 reimbursed=60000.00 balance=60000.00 disbursement=80000.00/120000.00=66.67 utilisation=60000.00/120000.00=50.00 reimbursement=60000.00/120000.00=50.00 budgetReimbursement=60000.00/170000.00=35.29";
    static final String JUN2020 = "projects=3 budget=670000.00 implemented=2/620000.00 allocated=630000.00 disbursed=530000.00 reimbursed=60000.00 balance=570000.00 disbursement=530000.00/630000.00=84.13 utilisation=60000.00/630000.00=9.52 reimbursement=60000.00/620000.00=9.68 budgetReimbursement=60000.00/670000.00=8.96";
    static final String JAN10 = "projects=3 budget=670000.00 implemented=1/120000.00 allocated=120000.00 disbursed=80000.00 reimbursed=65000.00 balance=55000.00 disbursement=80000.00/120000.00=66.67 utilisation=65000.00/120000.00=54.17 reimbursement=65000.00/120000.00=54.17 budgetReimbursement=65000.00/670000.00=9.70";
    static final String LOANS = "projects=1 budget=300000.00 implemented=1/300000.00 allocated=300000.00 disbursed=300000.00 reimbursed=250000.00 balance=50000.00 disbursement=300000.00/300000.00=100.00 utilisation=250000.00/300000.00=83.33 reimbursement=250000.00/300000.00=83.33 budgetReimbursement=250000.00/300000.00=83.33";
    static final String CENTRAL = "projects=3 budget=350000.00 implemented=2/300000.00 allocated=310000.00 disbursed=230000.00 reimbursed=160000.00 balance=150000.00 disbursement=230000.00/310000.00=74.19 utilisation=160000.00/310000.00=51.61 reimbursement=160000.00/300000.00=53.33 budgetReimbursement=160000.00/350000.00=45.71";
    static final String COUNTY_BUDGET = "projects=1 budget=20000.00 implemented=1/20000.00 allocated=20000.00 disbursed=0.00 reimbursed=0.00 balance=20000.00 disbursement=0.00/20000.00=0.00 utilisation=0.00/20000.00=0.00 reimbursement=0.00/20000.00=0.00 budgetReimbursement=0.00/20000.00=0.00";
    static final String INDUSTRY = "projects=2 budget=620000.00 implemented=2/620000.00 allocated=620000.00 disbursed=530000.00 reimbursed=410000.00 balance=210000.00 disbursement=530000.00/620000.00=85.48 utilisation=410000.00/620000.00=66.13 reimbursement=410000.00/620000.00=66.13 budgetReimbursement=410000.00/620000.00=66.13";
    static final String INFRASTRUCTURE = "projects=1 budget=50000.00 implemented=0/0.00 allocated=10000.00 disbursed=0.00 reimbursed=0.00 balance=10000.00 disbursement=0.00/10000.00=0.00 utilisation=0.00/10000.00=0.00 reimbursement=0.00/0.00=null budgetReimbursement=0.00/50000.00=0.00";
    /** p2, p4 (cancelled, its money moved to p2) and p5 (not known): township 002, and the projects without a batch */
    static final String P2_P4_P5 = "projects=1 budget=50000.00 implemented=0/0.00 allocated=10700.00 disbursed=700.00 reimbursed=700.00 balance=10000.00 disbursement=700.00/10700.00=6.54 utilisation=700.00/10700.00=6.54 reimbursement=700.00/0.00=null budgetReimbursement=700.00/50000.00=1.40";
    static final String NOTHING = "projects=0 budget=0.00 implemented=0/0.00 allocated=0.00 disbursed=0.00 reimbursed=0.00 balance=0.00 disbursement=0.00/0.00=null utilisation=0.00/0.00=null reimbursement=0.00/0.00=null budgetReimbursement=0.00/0.00=null";

    private static boolean published;

    /** The library, published once for the class (projects first, then the money) and awaited; the tests only read. */
    static synchronized void library() {
        if (published) {
            return;
        }
        FundLibrary l = new FundLibrary(COUNTY);
        l.sendProjects();
        l.sendFunds();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(TOTAL, total(report(COUNTY))));
        published = true;
    }

    @Test
    void everyFigureOfTheTotalToTheCent() {
        library();
        JsonPath r = report(COUNTY);
        assertEquals(TOTAL, total(r));
        assertEquals(COUNTY, r.getString("region"));
        assertNull(r.get("year"));
        assertNull(r.get("category"));
        assertNull(r.get("source"));
        assertNull(r.get("batch"));
        assertNull(r.get("asOf"));
        assertNull(r.get("groupBy"));
        assertEquals(List.of(), r.getList("rows"));
        assertEquals(Set.of("region", "year", "category", "source", "batch", "asOf", "groupBy", "rows", "total", "freshness"),
                r.getMap("$").keySet());
        assertEquals(List.of("projects", "budget", "implementedProjects", "implementedAmount", "allocated", "disbursed",
                "reimbursed", "balance", "disbursementRate", "utilisationRate", "reimbursementRate", "budgetReimbursementRate"),
                List.copyOf(r.getMap("total").keySet()));
        assertEquals(Map.of("numerator", "410700.00", "denominator", "620000.00", "percent", "66.24", "defined", true),
                r.getMap("total.reimbursementRate"));
        assertEquals("630700.00", r.getString("total.allocated"), "amounts are decimal strings");
        // the caller's own region when none is asked for; the whole city from above
        JsonPath own = ProjectReports.as(COUNTY).get(PATH).then().statusCode(200).extract().jsonPath();
        assertEquals(TOTAL, total(own));
        assertEquals(TOTAL, total(report("4201")));
    }

    @Test
    void groupedByYearIsTheCountysTableWithATotalRow() {
        library();
        JsonPath r = report(COUNTY, "groupBy", "year");
        assertEquals("year", r.getString("groupBy"));
        // 2019: 2 projects, budget 170000, 1 implemented (120000), reimbursed 60000, 报账率 50 %; 2020: 70 %; p5 unknown
        assertEquals(List.of("2019: " + Y2019, "2020: " + Y2020, "unknown: " + UNKNOWN_P5), rows(r));
        assertEquals(TOTAL, total(r), "computed over everything, not summed");
    }

    @Test
    void groupedBySourceCategoryBatchAndRegion() {
        library();
        assertEquals(List.of("bank-loans: " + LOANS, "central-budget: " + CENTRAL, "county-budget: " + COUNTY_BUDGET,
                "self-raised: " + UNKNOWN_P5), rows(report(COUNTY, "groupBy", "source")));
        assertEquals(TOTAL, total(report(COUNTY, "groupBy", "source")), "a project in two sources counts once in the total");
        assertEquals(List.of("industry: " + INDUSTRY, "infrastructure: " + INFRASTRUCTURE, "unknown: " + UNKNOWN_P5),
                rows(report(COUNTY, "groupBy", "category")));
        assertEquals(List.of("first: " + INDUSTRY, "unknown: " + P2_P4_P5), rows(report(COUNTY, "groupBy", "batch")));
        JsonPath byTownship = report(COUNTY, "groupBy", "region");
        assertEquals(List.of(T1 + ": " + INDUSTRY, T2 + ": " + P2_P4_P5), rows(byTownship));
        assertEquals(TOTAL, total(byTownship));
        assertEquals(List.of(COUNTY + ": " + TOTAL), rows(report("4201", "groupBy", "region")));
    }

    @Test
    void filteredByYearCategorySourceAndBatch() {
        library();
        JsonPath y = report(COUNTY, "year", "2019");
        assertEquals(2019, y.getInt("year"));
        assertEquals(Y2019, total(y), "p5's money needs its project for a year filter");
        assertEquals(Y2020, total(report(COUNTY, "year", "2020", "category", "industry")));
        JsonPath central = report(COUNTY, "source", "central-budget");
        assertEquals("central-budget", central.getString("source"));
        assertEquals(CENTRAL, total(central));
        assertEquals(List.of("2019: projects=2 budget=150000.00 implemented=1/100000.00 allocated=110000.00 disbursed=80000.00"
                        + " reimbursed=60000.00 balance=50000.00 disbursement=80000.00/110000.00=72.73"
                        + " utilisation=60000.00/110000.00=54.55 reimbursement=60000.00/100000.00=60.00"
                        + " budgetReimbursement=60000.00/150000.00=40.00",
                "2020: projects=1 budget=200000.00 implemented=1/200000.00 allocated=200000.00 disbursed=150000.00"
                        + " reimbursed=100000.00 balance=100000.00 disbursement=150000.00/200000.00=75.00"
                        + " utilisation=100000.00/200000.00=50.00 reimbursement=100000.00/200000.00=50.00"
                        + " budgetReimbursement=100000.00/200000.00=50.00"),
                rows(report(COUNTY, "source", "central-budget", "groupBy", "year")));
        assertEquals(INDUSTRY, total(report(COUNTY, "batch", "first")));
        assertEquals(NOTHING, total(report(COUNTY, "year", "2021")));
        assertEquals(NOTHING, total(report(COUNTY, "source", "social-donations")));
        assertEquals(List.of(), rows(report(COUNTY, "category", "education", "groupBy", "source")));
    }

    @Test
    void asOfAPastDay() {
        library();
        JsonPath dec = report(COUNTY, "asOf", "2019-12-31", "groupBy", "year");
        assertEquals("2019-12-31", dec.getString("asOf"));
        assertEquals(List.of("2019: " + DEC2019), rows(dec), "p3 and p4 entered the library in 2020, p5's money later");
        assertEquals(DEC2019, total(dec));
        assertEquals(JAN10, total(report(COUNTY, "asOf", "2020-01-10")),
                "mid-month: the voucher of 5 January counts, its reversal of the 20th not yet; p3 known from the 10th, planned");
        assertEquals("60000.00", report(COUNTY, "asOf", "2020-01-20").getString("total.reimbursed"));
        assertEquals(JUN2020, total(report(COUNTY, "asOf", "2020-06-30")), "p4 cancelled on 1 June, its money moved on 1 July");
        assertEquals(TOTAL, total(report(COUNTY, "asOf", "2020-12-31")));
        assertEquals(NOTHING, total(report(COUNTY, "asOf", "2018-12-31")));
        assertEquals(List.of("2019: " + Y2019, "2020: " + Y2020, "unknown: " + UNKNOWN_P5),
                rows(report(COUNTY, "asOf", "2026-11-30", "groupBy", "year")));
    }

    @Test
    void aRegionOutsideTheCallersIsRefused() {
        library();
        ProjectReports.as("4202").queryParam("region", COUNTY).get(PATH)
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        assertEquals(NOTHING, total(ProjectReports.as("420102").get(PATH).then().statusCode(200).extract().jsonPath()),
                "the caller's own county shows nothing of the neighbour's money");
        io.restassured.RestAssured.given().header("Authorization", Tokens.bearer("clerk", "42", Roles.REPORT_ADMIN))
                .get(PATH).then().statusCode(403).contentType("application/problem+json");
        io.restassured.RestAssured.given().get(PATH).then().statusCode(401);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Map<String, List<String>> bad = Map.of(
                "year", List.of("19", "abcd", "1999", "20200"),
                "groupBy", List.of("month", "stage", "YEAR", "project"),
                "category", List.of("Industry", "in dustry"),
                "batch", List.of("b".repeat(51)),
                "source", List.of("central", "CENTRAL-BUDGET", "bank-loan"),
                "asOf", List.of("2020-13-01", "2020-02-30", "31.12.2020", "2020-1-1", "2020-12-31T00:00", "yesterday"),
                "region", List.of("4201x", "420", "4201011"));
        bad.forEach((param, values) -> {
            for (String value : values) {
                ProjectReports.as("42").queryParam(param, value).get(PATH)
                        .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(param));
            }
        });
        ProjectReports.as("42").queryParam("region", T1 + "001").queryParam("groupBy", "region").get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
    }
}
