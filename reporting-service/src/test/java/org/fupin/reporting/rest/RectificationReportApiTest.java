package org.fupin.reporting.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.ProjectReports;
import org.fupin.reporting.RectificationLibrary;
import org.fupin.reporting.TestIssue;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.fupin.reporting.RectificationReports.PATH;
import static org.fupin.reporting.RectificationReports.report;
import static org.fupin.reporting.RectificationReports.rows;
import static org.fupin.reporting.RectificationReports.total;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rectification figure, each grouping, each filter and "as of" a day of GET /api/v1/reports/rectification on a
 * county's issues whose figures are computed by hand ({@link RectificationLibrary}), published through the real broker
 * as rectification events; region scope and bad parameters. Province 41 is used by this class only.
 */
@QuarkusTest
class RectificationReportApiTest {

    static final String COUNTY = "410101";
    static final String T1 = COUNTY + "001";
    static final String T2 = COUNTY + "002";
    static final String END_2021 = "2021-12-31";

    // by hand, as of 2021-12-31 (see RectificationLibrary); rates half-up to two decimals
    static final String TOTAL = "raised=7 open=1 inProgress=1 reported=1 closed=3 returned=1 returnedOnce=2 overdue=3 longTermOpen=1 onTime=2 closure=3/7=42.86 onTimeClosure=2/3=66.67";
    static final String UNIT_A = "raised=4 open=0 inProgress=1 reported=1 closed=2 returned=0 returnedOnce=1 overdue=1 longTermOpen=1 onTime=1 closure=2/4=50.00 onTimeClosure=1/2=50.00";
    static final String UNIT_B = "raised=3 open=1 inProgress=0 reported=0 closed=1 returned=1 returnedOnce=1 overdue=2 longTermOpen=0 onTime=1 closure=1/3=33.33 onTimeClosure=1/1=100.00";
    static final String S1 = "raised=5 open=1 inProgress=1 reported=0 closed=3 returned=0 returnedOnce=1 overdue=1 longTermOpen=1 onTime=2 closure=3/5=60.00 onTimeClosure=2/3=66.67";
    static final String S2 = "raised=2 open=0 inProgress=0 reported=1 closed=0 returned=1 returnedOnce=1 overdue=2 longTermOpen=0 onTime=0 closure=0/2=0.00 onTimeClosure=0/0=null";
    static final String EXIT = "raised=2 open=1 inProgress=0 reported=0 closed=1 returned=0 returnedOnce=0 overdue=1 longTermOpen=0 onTime=1 closure=1/2=50.00 onTimeClosure=1/1=100.00";
    static final String IDENTIFICATION = "raised=2 open=0 inProgress=0 reported=0 closed=2 returned=0 returnedOnce=1 overdue=0 longTermOpen=0 onTime=1 closure=2/2=100.00 onTimeClosure=1/2=50.00";
    static final String PROJECT = "raised=1 open=0 inProgress=1 reported=0 closed=0 returned=0 returnedOnce=0 overdue=0 longTermOpen=1 onTime=0 closure=0/1=0.00 onTimeClosure=0/0=null";
    static final String TOWNSHIP1 = "raised=3 open=0 inProgress=0 reported=1 closed=2 returned=0 returnedOnce=1 overdue=1 longTermOpen=0 onTime=1 closure=2/3=66.67 onTimeClosure=1/2=50.00";
    static final String JULY_1 = "raised=7 open=1 inProgress=2 reported=2 closed=1 returned=1 returnedOnce=2 overdue=4 longTermOpen=1 onTime=1 closure=1/7=14.29 onTimeClosure=1/1=100.00";
    static final String MARCH_9 = "raised=2 open=0 inProgress=2 reported=0 closed=0 returned=0 returnedOnce=0 overdue=0 longTermOpen=0 onTime=0 closure=0/2=0.00 onTimeClosure=0/0=null";
    /** today (2022 and later): i8 raised, i5 past its deadline of 2022-12-31 */
    static final String NOW = "raised=8 open=2 inProgress=1 reported=1 closed=3 returned=1 returnedOnce=2 overdue=5 longTermOpen=1 onTime=2 closure=3/8=37.50 onTimeClosure=2/3=66.67";
    static final String NOTHING = "raised=0 open=0 inProgress=0 reported=0 closed=0 returned=0 returnedOnce=0 overdue=0 longTermOpen=0 onTime=0 closure=0/0=null onTimeClosure=0/0=null";

    private static RectificationLibrary library;

    /** The issues, published once for the class (in order) and awaited; the tests only read. */
    static synchronized RectificationLibrary library() {
        if (library != null) {
            return library;
        }
        RectificationLibrary l = new RectificationLibrary(COUNTY);
        TestIssue.send(l.events());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(NOW, total(report(COUNTY))));
        library = l;
        return l;
    }

    @Test
    void everyFigureOfTheTotalAsOfADay() {
        library();
        JsonPath r = report(COUNTY, "asOf", END_2021);
        assertEquals(TOTAL, total(r));
        assertEquals(COUNTY, r.getString("region"));
        assertNull(r.get("year"));
        assertNull(r.get("sourceType"));
        assertNull(r.get("source"));
        assertNull(r.get("category"));
        assertNull(r.get("unit"));
        assertEquals(END_2021, r.getString("asOf"));
        assertNull(r.get("groupBy"));
        assertEquals(List.of(), r.getList("rows"));
        assertEquals(Set.of("region", "year", "sourceType", "source", "category", "unit", "asOf", "groupBy", "rows", "total"),
                r.getMap("$").keySet());
        assertEquals(List.of("raised", "open", "inProgress", "reported", "closed", "returned", "returnedAtLeastOnce", "overdue",
                "longTermOpen", "closedOnTime", "closureRate", "onTimeClosureRate"), List.copyOf(r.getMap("total").keySet()));
        assertEquals(Map.of("numerator", "3", "denominator", "7", "percent", "42.86", "defined", true),
                r.getMap("total.closureRate"));
        JsonPath empty = report(COUNTY, "asOf", "2020-12-31");
        assertEquals(false, empty.getBoolean("total.closureRate.defined"), "undefined, not 0, when nothing was raised");
        assertNull(empty.get("total.closureRate.percent"));
        assertEquals(7, r.getInt("total.raised"), "counts are numbers");
        // the caller's own region when none is asked for; the whole city and province from above
        assertEquals(TOTAL, total(ProjectReports.as(COUNTY).queryParam("asOf", END_2021).get(PATH)
                .then().statusCode(200).extract().jsonPath()));
        assertEquals(TOTAL, total(report("4101", "asOf", END_2021)));
        assertEquals(TOTAL, total(report("41", "asOf", END_2021)));
    }

    @Test
    void asOfIsTheDayCountedTodayInChinaByDefault() {
        library();
        LocalDate before = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonPath now = report(COUNTY);
        LocalDate after = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertTrue(List.of(before.toString(), after.toString()).contains(now.getString("asOf")), now.getString("asOf"));
        assertEquals(NOW, total(now), "i8 raised in 2022; the long-term i5 past 2022-12-31");
        assertEquals(JULY_1, total(report(COUNTY, "asOf", "2021-07-01")),
                "i2 reported that day and overdue; i3 extended on 06-20, not overdue; i4, i6, i7 overdue");
        assertEquals(MARCH_9, total(report(COUNTY, "asOf", "2021-03-09")), "only the audit's issues raised by then");
        assertEquals(NOTHING, total(report(COUNTY, "asOf", "2020-12-31")), "nothing raised yet: rates undefined");
        assertEquals("raised=7 open=1 inProgress=3 reported=1 closed=1 returned=1 returnedOnce=2 overdue=2 longTermOpen=1"
                        + " onTime=1 closure=1/7=14.29 onTimeClosure=1/1=100.00", total(report(COUNTY, "asOf", "2021-06-30")),
                "on the deadline day itself i2 and i4 are not overdue yet");
    }

    @Test
    void groupedByUnitSourceSourceTypeYearCategoryAndRegion() {
        RectificationLibrary l = library();
        JsonPath byUnit = report(COUNTY, "asOf", END_2021, "groupBy", "unit");
        assertEquals("unit", byUnit.getString("groupBy"));
        assertEquals(List.of("unit-a: " + UNIT_A, "unit-b: " + UNIT_B), rows(byUnit));
        assertEquals(TOTAL, total(byUnit), "the total beside the rows");
        assertEquals(List.of(l.s1.id() + " 豫扶组〔2021〕1号: " + S1, l.s2.id() + " 豫审〔2020〕7号: " + S2),
                rows(report(COUNTY, "asOf", END_2021, "groupBy", "source")), "label = the source's document number");
        assertEquals(List.of("audit: " + S2, "inspection: " + S1), rows(report(COUNTY, "asOf", END_2021, "groupBy", "sourceType")));
        assertEquals(List.of("2020: " + S2, "2021: " + S1), rows(report(COUNTY, "asOf", END_2021, "groupBy", "year")),
                "the year of the source document: the audit of 2020 raised its issues in 2021");
        assertEquals(List.of("exit-accuracy: " + EXIT, "fund-management: " + S2, "identification-accuracy: " + IDENTIFICATION,
                "project-management: " + PROJECT), rows(report(COUNTY, "asOf", END_2021, "groupBy", "category")));
        JsonPath byTownship = report(COUNTY, "asOf", END_2021, "groupBy", "region");
        assertEquals(List.of(COUNTY + ": " + PROJECT, T1 + ": " + TOWNSHIP1, T2 + ": " + UNIT_B), rows(byTownship),
                "the county's own issue under the county's prefix");
        assertEquals(TOTAL, total(byTownship));
        assertEquals(List.of(COUNTY + ": " + TOTAL), rows(report("4101", "asOf", END_2021, "groupBy", "region")));
        assertEquals(List.of("4101: " + TOTAL), rows(report("41", "asOf", END_2021, "groupBy", "region")));
        assertEquals(List.of(), rows(report(COUNTY, "asOf", "2020-12-31", "groupBy", "unit")), "no issue raised: no rows");
        // the rows as of the day asked: unit-b's i8 of 2022 counts now
        assertEquals(List.of("unit-a", "unit-b"), report(COUNTY, "groupBy", "unit").getList("rows.group"));
        assertEquals(4, report(COUNTY, "groupBy", "unit").getInt("rows[1].figures.raised"));
    }

    @Test
    void filteredByYearSourceTypeSourceCategoryUnitAndRegion() {
        RectificationLibrary l = library();
        JsonPath y = report(COUNTY, "asOf", END_2021, "year", "2020");
        assertEquals(2020, y.getInt("year"));
        assertEquals(S2, total(y));
        assertEquals(S1, total(report(COUNTY, "asOf", END_2021, "year", "2021")));
        JsonPath audit = report(COUNTY, "asOf", END_2021, "sourceType", "audit");
        assertEquals("audit", audit.getString("sourceType"));
        assertEquals(S2, total(audit));
        JsonPath s1 = report(COUNTY, "asOf", END_2021, "source", l.s1.id());
        assertEquals(l.s1.id(), s1.getString("source"));
        assertEquals(S1, total(s1));
        JsonPath exit = report(COUNTY, "asOf", END_2021, "category", "exit-accuracy");
        assertEquals("exit-accuracy", exit.getString("category"));
        assertEquals(EXIT, total(exit));
        JsonPath a = report(COUNTY, "asOf", END_2021, "unit", "unit-a");
        assertEquals("unit-a", a.getString("unit"));
        assertEquals(UNIT_A, total(a));
        assertEquals(UNIT_A, total(report(COUNTY, "asOf", END_2021, "unit", " unit-a ")), "trimmed like the unit claim");
        assertEquals(UNIT_B, total(report(T2, "asOf", END_2021)));
        assertEquals(EXIT, total(report(COUNTY, "asOf", END_2021, "unit", "unit-b", "sourceType", "inspection")));
        assertEquals(List.of("unit-a: " + TOWNSHIP1),
                rows(report(T1, "asOf", END_2021, "unit", "unit-a", "groupBy", "unit")));
        assertEquals(NOTHING, total(report(COUNTY, "asOf", END_2021, "year", "2019")));
        assertEquals(NOTHING, total(report(COUNTY, "asOf", END_2021, "sourceType", "self-check")));
        assertEquals(NOTHING, total(report(COUNTY, "asOf", END_2021, "unit", "unit-c")));
        assertEquals(NOTHING, total(report(COUNTY, "asOf", END_2021, "category", "work-style")));
        assertEquals(NOTHING, total(report(COUNTY, "source", "00000000-0000-4000-8000-000000000099")));
    }

    @Test
    void aRegionOutsideTheCallersIsRefused() {
        library();
        ProjectReports.as("4102").queryParam("region", COUNTY).get(PATH)
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        assertEquals(NOTHING, total(ProjectReports.as("410102").queryParam("asOf", END_2021).get(PATH)
                .then().statusCode(200).extract().jsonPath()), "the caller's own county shows nothing of the neighbour's");
        RestAssured.given().header("Authorization", Tokens.bearer("clerk", "41", Roles.REPORT_ADMIN))
                .get(PATH).then().statusCode(403).contentType("application/problem+json");
        RestAssured.given().get(PATH).then().statusCode(401);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Map<String, List<String>> bad = Map.of(
                "year", List.of("19", "abcd", "1999", "20200"),
                "groupBy", List.of("month", "Source", "source_type", "leadUnit", "REGION"),
                "sourceType", List.of("rumour", "Inspection", "self_check"),
                "source", List.of("abc", "41010100-0000-4000-8000-00000000000g", "41010100-0000-4000-8000-00000000000A"),
                "category", List.of("Fund", "fund management", "1st"),
                "unit", List.of("u".repeat(101), "unit\u0001a"),
                "asOf", List.of("2021-13-01", "2021-02-30", "31.12.2021", "2021-1-1", "2021-12-31T00:00", "yesterday"),
                "region", List.of("4101x", "410", "4101011"));
        List<String> accepted = new java.util.ArrayList<>();
        bad.forEach((param, values) -> {
            for (String value : values) {
                var r = ProjectReports.as("41").queryParam(param, value).get(PATH).then().extract();
                if (r.statusCode() != 400 || !"application/problem+json".equals(r.contentType())
                        || !param.equals(r.jsonPath().getString("errors[0].field"))) {
                    accepted.add(param + "=" + value + " → " + r.statusCode() + " " + r.body().asString());
                }
            }
        });
        assertEquals(List.of(), accepted, "every bad value is refused with 400 naming its parameter");
        ProjectReports.as("41").queryParam("region", T1 + "001").queryParam("groupBy", "region").get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
    }
}
