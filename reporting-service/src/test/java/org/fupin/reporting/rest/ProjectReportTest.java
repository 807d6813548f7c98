package org.fupin.reporting.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.ProjectReports;
import org.fupin.reporting.TestHousehold;
import org.fupin.reporting.TestProject;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.fupin.reporting.ProjectReports.report;
import static org.fupin.reporting.ProjectReports.rows;
import static org.fupin.reporting.ProjectReports.total;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each project figure, each grouping and each filter of GET /api/v1/reports/projects on a small library whose figures
 * are computed by hand, published through the real broker (project and household events); region scope and bad
 * parameters.
 */
@QuarkusTest
class ProjectReportTest {

    /** The library's county (city 4601, province 46: used by this class only); townships 001 and 002. */
    static final String COUNTY = "460101";
    static final String T1 = COUNTY + "001";
    static final String T2 = COUNTY + "002";

    static final String TOTAL = "projects=6 stages=1,0,1,1,1,1,1 nonCancelled=5 start=3/5=60.00 completion=2/5=40.00"
            + " budget=950000.00 central=850000.00 county=100000.00 implemented=600000.00 investment=419999.99"
            + " investmentRate=419999.99/950000.00=44.21 progress=420000.00/950000.00=44.21 incomplete=2 households=3 persons=12";
    static final String PLANNED = "projects=1 stages=1,0,0,0,0,0,0 nonCancelled=1 start=0/1=0.00 completion=0/1=0.00"
            + " budget=100000.00 central=100000.00 county=0.00 implemented=0.00 investment=0.00"
            + " investmentRate=0.00/100000.00=0.00 progress=0.00/100000.00=0.00 incomplete=1 households=1 persons=4";
    static final String TENDERING = "projects=1 stages=0,0,1,0,0,0,0 nonCancelled=1 start=0/1=0.00 completion=0/1=0.00"
            + " budget=250000.00 central=200000.00 county=50000.00 implemented=0.00 investment=0.00"
            + " investmentRate=0.00/250000.00=0.00 progress=0.00/250000.00=0.00 incomplete=0 households=0 persons=0";
    static final String UNDER_CONSTRUCTION = "projects=1 stages=0,0,0,1,0,0,0 nonCancelled=1 start=1/1=100.00 completion=0/1=0.00"
            + " budget=300000.00 central=300000.00 county=0.00 implemented=300000.00 investment=120000.00"
            + " investmentRate=120000.00/300000.00=40.00 progress=120000.00/300000.00=40.00 incomplete=0 households=2 persons=7";
    static final String COMPLETED = "projects=1 stages=0,0,0,0,1,0,0 nonCancelled=1 start=1/1=100.00 completion=1/1=100.00"
            + " budget=200000.00 central=150000.00 county=50000.00 implemented=200000.00 investment=200000.00"
            + " investmentRate=200000.00/200000.00=100.00 progress=200000.00/200000.00=100.00 incomplete=0 households=1 persons=5";
    static final String ACCEPTED = "projects=1 stages=0,0,0,0,0,1,0 nonCancelled=1 start=1/1=100.00 completion=1/1=100.00"
            + " budget=100000.00 central=100000.00 county=0.00 implemented=100000.00 investment=99999.99"
            + " investmentRate=99999.99/100000.00=100.00 progress=100000.00/100000.00=100.00 incomplete=1 households=0 persons=0";
    static final String CANCELLED = "projects=1 stages=0,0,0,0,0,0,1 nonCancelled=0 start=0/0=null completion=0/0=null"
            + " budget=0.00 central=0.00 county=0.00 implemented=0.00 investment=0.00"
            + " investmentRate=0.00/0.00=null progress=0.00/0.00=null incomplete=0 households=0 persons=0";
    static final String FIRST_BATCH = "projects=3 stages=1,0,1,0,0,0,1 nonCancelled=2 start=0/2=0.00 completion=0/2=0.00"
            + " budget=350000.00 central=300000.00 county=50000.00 implemented=0.00 investment=0.00"
            + " investmentRate=0.00/350000.00=0.00 progress=0.00/350000.00=0.00 incomplete=1 households=1 persons=4";
    static final String SECOND_BATCH = "projects=2 stages=0,0,0,1,1,0,0 nonCancelled=2 start=2/2=100.00 completion=1/2=50.00"
            + " budget=500000.00 central=450000.00 county=50000.00 implemented=500000.00 investment=320000.00"
            + " investmentRate=320000.00/500000.00=64.00 progress=320000.00/500000.00=64.00 incomplete=0 households=3 persons=12";
    static final String NOTHING = "projects=0 stages=0,0,0,0,0,0,0 nonCancelled=0 start=0/0=null completion=0/0=null"
            + " budget=0.00 central=0.00 county=0.00 implemented=0.00 investment=0.00"
            + " investmentRate=0.00/0.00=null progress=0.00/0.00=null incomplete=0 households=0 persons=0";

    private static boolean published;

    /**
     * The library, published once for the class and awaited (the tests only read it):
     * <pre>
     * p1  PLANNED             2019 industry       first   T1 village 001  central 100000                 incomplete   h1
     * p2  TENDERING           2019 infrastructure first   T1 village 002  central 200000, county 50000                h6 (unknown)
     * p3  UNDER_CONSTRUCTION  2020 industry       second  T2 village 001  central 300000  40 %, 120000.00            h1, h2
     * p4  COMPLETED           2020 infrastructure second  T2 village 002  central 150000, county 50000  100 %, 200000.00  h3 (exited)
     * p5  ACCEPTED            2019 industry       (none)  the county      central 100000  100 %, 99999.99  incomplete h4 (removed)
     * p6  CANCELLED (from UC) 2020 industry       first   T1 village 001  central 500000  10 %, 1000.00              h5
     * households: h1 4 persons, h2 3, h3 5 (exited), h4 2 (removed), h5 6; h6 never registered
     * </pre>
     */
    static synchronized void library() {
        if (published) {
            return;
        }
        TestHousehold h1 = new TestHousehold(T1 + "001").register(2019, 4);
        TestHousehold h2 = new TestHousehold(T2 + "001").register(2019, 3);
        TestHousehold h3 = new TestHousehold(T2 + "002").register(2019, 5).exit(2020);
        TestHousehold h4 = new TestHousehold(T1 + "002").register(2019, 2).remove(Instant.parse("2021-03-01T00:00:00Z"));
        TestHousehold h5 = new TestHousehold(T1 + "001").register(2019, 6);
        String h6 = UUID.randomUUID().toString();

        TestProject p1 = new TestProject(T1 + "001", 2019, "industry", "first").budget("central-budget", "100000.00")
                .missing("implementingUnit");
        p1.register().beneficiaries(TestProject.ids(h1));
        TestProject p2 = new TestProject(T1 + "002", 2019, "infrastructure", "first").budget("central-budget", "200000.00")
                .budget("county-budget", "50000.00");
        p2.stage = "TENDERING";
        p2.register().beneficiaries(h6);
        TestProject p3 = new TestProject(T2 + "001", 2020, "industry", "second").budget("central-budget", "300000.00");
        p3.stage = "TENDERING";
        p3.register().step("CONSTRUCTION_START", "UNDER_CONSTRUCTION").progress("40.00", "120000.00").beneficiaries(TestProject.ids(h1, h2));
        TestProject p4 = new TestProject(T2 + "002", 2020, "infrastructure", "second").budget("central-budget", "150000.00")
                .budget("county-budget", "50000.00");
        p4.stage = "COMPLETED";
        p4.progress = "100.00";
        p4.investment = "200000.00";
        p4.register().beneficiaries(TestProject.ids(h3));
        TestProject p5 = new TestProject(COUNTY + "000000", 2019, "industry", null).budget("central-budget", "100000.00")
                .missing("implementingUnit");
        p5.stage = "ACCEPTED";
        p5.progress = "100.00";
        p5.investment = "99999.99";
        p5.register().beneficiaries(TestProject.ids(h4));
        TestProject p6 = new TestProject(T1 + "001", 2020, "industry", "first").budget("central-budget", "500000.00");
        p6.stage = "UNDER_CONSTRUCTION";
        p6.progress = "10.00";
        p6.investment = "1000.00";
        p6.register().beneficiaries(TestProject.ids(h5)).cancel();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(TOTAL, total(report(COUNTY))));
        published = true;
    }

    @Test
    void everyFigureOfTheTotal() {
        library();
        JsonPath r = report(COUNTY);
        assertEquals(TOTAL, total(r));
        assertEquals(COUNTY, r.getString("region"));
        assertNull(r.get("year"));
        assertNull(r.get("category"));
        assertNull(r.get("batch"));
        assertNull(r.get("groupBy"));
        assertEquals(List.of(), r.getList("rows"));
        assertNotNull(r.getString("asOf"));
        assertEquals(Set.of("region", "year", "category", "batch", "groupBy", "rows", "total", "asOf", "freshness"), r.getMap("$").keySet());
        assertEquals(List.of("projects", "byStage", "nonCancelled", "startRate", "completionRate", "totalBudget", "budgetBySource",
                "implementedAmount", "investmentCompleted", "investmentCompletionRate", "physicalProgress", "incompleteRecords",
                "beneficiaryHouseholds", "beneficiaryPersons"), List.copyOf(r.getMap("total").keySet()));
        assertEquals(ProjectReports.STAGES, List.copyOf(r.getMap("total.byStage").keySet()));
        assertEquals(List.of("central-budget", "provincial-budget", "city-budget", "county-budget", "local-government-debt",
                "relocation", "paired-assistance", "east-west-cooperation", "social-donations", "bank-loans", "self-raised"),
                List.copyOf(r.getMap("total.budgetBySource").keySet()));
        assertEquals("0.00", r.getString("total.budgetBySource.bank-loans"));
        assertEquals(Map.of("numerator", "3", "denominator", "5", "percent", "60.00", "defined", true), r.getMap("total.startRate"));
        // the caller's own region when none is asked for; the whole province from above
        JsonPath own = ProjectReports.as(COUNTY).get("/api/v1/reports/projects").then().statusCode(200).extract().jsonPath();
        assertEquals(TOTAL, total(own));
        assertEquals(TOTAL, total(report("4601")));
    }

    @Test
    void groupedByYear() {
        library();
        JsonPath r = report(COUNTY, "groupBy", "year");
        assertEquals("year", r.getString("groupBy"));
        assertEquals(List.of(
                "2019: projects=3 stages=1,0,1,0,0,1,0 nonCancelled=3 start=1/3=33.33 completion=1/3=33.33 budget=450000.00"
                        + " central=400000.00 county=50000.00 implemented=100000.00 investment=99999.99"
                        + " investmentRate=99999.99/450000.00=22.22 progress=100000.00/450000.00=22.22 incomplete=2 households=1 persons=4",
                "2020: projects=3 stages=0,0,0,1,1,0,1 nonCancelled=2 start=2/2=100.00 completion=1/2=50.00 budget=500000.00"
                        + " central=450000.00 county=50000.00 implemented=500000.00 investment=320000.00"
                        + " investmentRate=320000.00/500000.00=64.00 progress=320000.00/500000.00=64.00 incomplete=0 households=3 persons=12"),
                rows(r));
        assertEquals(TOTAL, total(r), "h1 is in both years and counts once in the total");
    }

    @Test
    void groupedByCategory() {
        library();
        JsonPath r = report(COUNTY, "groupBy", "category");
        assertEquals(List.of(
                "industry: projects=4 stages=1,0,0,1,0,1,1 nonCancelled=3 start=2/3=66.67 completion=1/3=33.33 budget=500000.00"
                        + " central=500000.00 county=0.00 implemented=400000.00 investment=219999.99"
                        + " investmentRate=219999.99/500000.00=44.00 progress=220000.00/500000.00=44.00 incomplete=2 households=2 persons=7",
                "infrastructure: projects=2 stages=0,0,1,0,1,0,0 nonCancelled=2 start=1/2=50.00 completion=1/2=50.00 budget=450000.00"
                        + " central=350000.00 county=100000.00 implemented=200000.00 investment=200000.00"
                        + " investmentRate=200000.00/450000.00=44.44 progress=200000.00/450000.00=44.44 incomplete=0 households=1 persons=5"),
                rows(r));
        assertEquals(TOTAL, total(r));
    }

    @Test
    void groupedByStageInLifecycleOrder() {
        library();
        JsonPath r = report(COUNTY, "groupBy", "stage");
        assertEquals(List.of("PLANNED: " + PLANNED, "TENDERING: " + TENDERING, "UNDER_CONSTRUCTION: " + UNDER_CONSTRUCTION,
                "COMPLETED: " + COMPLETED, "ACCEPTED: " + ACCEPTED, "CANCELLED: " + CANCELLED), rows(r));
        assertEquals(TOTAL, total(r));
    }

    @Test
    void groupedByBatchWithTheProjectsWithoutOneLast() {
        library();
        JsonPath r = report(COUNTY, "groupBy", "batch");
        assertEquals(List.of("first: " + FIRST_BATCH, "second: " + SECOND_BATCH, "null: " + ACCEPTED), rows(r));
        assertEquals(TOTAL, total(r));
    }

    @Test
    void groupedByRegionOneLevelDown() {
        library();
        // the county by township; p5, built at the county itself, in the county's own row
        JsonPath county = report(COUNTY, "groupBy", "region");
        assertEquals(List.of(COUNTY + ": " + ACCEPTED, T1 + ": " + FIRST_BATCH, T2 + ": " + SECOND_BATCH), rows(county));
        assertEquals(TOTAL, total(county));
        // a township by village
        JsonPath township = report(T1, "groupBy", "region");
        assertEquals(List.of(T1 + "001: projects=2 stages=1,0,0,0,0,0,1 nonCancelled=1 start=0/1=0.00 completion=0/1=0.00"
                        + " budget=100000.00 central=100000.00 county=0.00 implemented=0.00 investment=0.00"
                        + " investmentRate=0.00/100000.00=0.00 progress=0.00/100000.00=0.00 incomplete=1 households=1 persons=4",
                T1 + "002: " + TENDERING), rows(township));
        assertEquals(FIRST_BATCH, total(township));
        // the city by county
        assertEquals(List.of(COUNTY + ": " + TOTAL), rows(report("4601", "groupBy", "region")));
    }

    @Test
    void filteredByYearCategoryAndBatch() {
        library();
        JsonPath r = report(COUNTY, "year", "2019", "category", "industry");
        assertEquals(2019, r.getInt("year"));
        assertEquals("industry", r.getString("category"));
        assertEquals("projects=2 stages=1,0,0,0,0,1,0 nonCancelled=2 start=1/2=50.00 completion=1/2=50.00 budget=200000.00"
                + " central=200000.00 county=0.00 implemented=100000.00 investment=99999.99"
                + " investmentRate=99999.99/200000.00=50.00 progress=100000.00/200000.00=50.00 incomplete=2 households=1 persons=4", total(r));
        assertEquals(SECOND_BATCH, total(report(COUNTY, "batch", "second")));
        assertEquals(List.of("2020: " + SECOND_BATCH), rows(report(COUNTY, "batch", "second", "groupBy", "year")));
        assertEquals(NOTHING, total(report(COUNTY, "year", "2021")));
        assertEquals(List.of(), rows(report(COUNTY, "year", "2021", "groupBy", "stage")));
        assertEquals(NOTHING, total(report(COUNTY, "category", "education")));
    }

    @Test
    void aRegionOutsideTheCallersIsRefusedAsByTheHouseholdReport() {
        library();
        for (String path : List.of("/api/v1/reports/projects", "/api/v1/reports/households")) {
            ProjectReports.as("4602").queryParam("region", COUNTY).get(path)
                    .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        }
        // the caller's own region shows nothing of the neighbour's projects
        assertEquals(NOTHING, total(ProjectReports.as("460102").get("/api/v1/reports/projects").then().statusCode(200)
                .extract().jsonPath()));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Map<String, List<String>> bad = Map.of(
                "year", List.of("19", "abcd", "1999", "20200"),
                "groupBy", List.of("month", "YEAR ", "unit"),
                "category", List.of("Industry", "in dustry", "x".repeat(65)),
                "batch", List.of("b".repeat(51)),
                "region", List.of("4601x", "460", "4601011"));
        bad.forEach((param, values) -> {
            for (String value : values) {
                ProjectReports.as("46").queryParam(param, value).get("/api/v1/reports/projects")
                        .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(param));
            }
        });
        // a village has nothing below it to group by
        ProjectReports.as("46").queryParam("region", T1 + "001").queryParam("groupBy", "region").get("/api/v1/reports/projects")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void onlyReportViewersReadFigures() {
        io.restassured.RestAssured.given().header("Authorization", Tokens.bearer("admin", "46", Roles.REPORT_ADMIN))
                .get("/api/v1/reports/projects").then().statusCode(403).contentType("application/problem+json");
        io.restassured.RestAssured.given().get("/api/v1/reports/projects").then().statusCode(401);
    }
}
