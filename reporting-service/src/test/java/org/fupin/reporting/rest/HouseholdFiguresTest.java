package org.fupin.reporting.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fupin.reporting.Reports.assertCount;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each figure, exactly, with and without a year: the same registry story is published into a county used by one test
 * only, through the real broker, and the figure is read back from the API.
 */
@QuarkusTest
class HouseholdFiguresTest {

    static final List<String> FIGURES = List.of("registered", "exited", "returned", "removed", "remaining", "monitored");

    /** figure → {households, persons} per year asked for (null = all years). */
    static final Map<Integer, Map<String, long[]>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(null, figures(5, 18, 2, 4, 1, 5, 1, 5, 3, 14, 2, 5));
        EXPECTED.put(2019, figures(3, 9, 1, 1, 0, 0, 0, 0, 3, 14, 2, 5));
        EXPECTED.put(2020, figures(1, 2, 1, 3, 0, 0, 0, 0, 3, 14, 2, 5));
        EXPECTED.put(2021, figures(1, 7, 0, 0, 1, 5, 1, 5, 3, 14, 2, 5));
        EXPECTED.put(2018, figures(0, 0, 0, 0, 0, 0, 0, 0, 3, 14, 2, 5));
    }

    static Map<String, long[]> figures(long... pairs) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (int i = 0; i < FIGURES.size(); i++) {
            m.put(FIGURES.get(i), new long[]{pairs[2 * i], pairs[2 * i + 1]});
        }
        return m;
    }

    /**
     * The story, in a county:
     * <pre>
     * h1  registered 2019, 3 persons; exited 2020; monitored               → registered, exited, monitored
     * h2  registered 2019, 4 persons; exited 2020; returned 2021 with 5     → registered, returned, remaining
     * h3  workflow steps; registered 2020, 2 persons; monitored; cadre      → registered, remaining, monitored
     * h4  registered 2020, 5 persons; monitored; removed 2021 (China time)  → removed only
     * h5  registered 2019, 1 person; exited 2019; monitored, then not       → registered, exited
     * h6  registered 2021, 6 persons; updated to 7; a stale update (99)     → registered, remaining
     * an exit, a return, an update and monitoring of a household never registered here: ignored
     * </pre>
     */
    static void publishStory(String county) {
        new TestHousehold(county + "001001").register(2019, 3).exit(2020).startMonitoring();
        new TestHousehold(county + "001002").register(2019, 4).exit(2020).returnToPoverty(2021, 5);
        new TestHousehold(county + "002001").workflowStep("APPLIED", null, "APPLIED")
                .workflowStep("COUNTY_ANNOUNCED", "TOWNSHIP_NOTICE", "REGISTERED")
                .register(2020, 2).startMonitoring().assignCadre();
        // 2020-12-31 17:00 UTC is 2021-01-01 01:00 in Beijing: a 2021 removal
        new TestHousehold(county + "002002").register(2020, 5).startMonitoring().remove(Instant.parse("2020-12-31T17:00:00Z"));
        new TestHousehold(county + "003001").register(2019, 1).exit(2019).startMonitoring().endMonitoring();
        TestHousehold h6 = new TestHousehold(county + "003002").register(2021, 6).update(7);
        h6.publishAt(1, new HouseholdUpdatedV1(h6.id, h6.region, 50, "ORDINARY", TestHousehold.newPersons(50), TestHousehold.ON));
        TestHousehold unknown = new TestHousehold(county + "004001");
        unknown.publishAt(5, new HouseholdExitedV1(unknown.id, unknown.region, 2, 2020, Instant.now(), TestHousehold.ON));
        unknown.update(4).returnToPoverty(2021, 4).startMonitoring();
    }

    /** Publishes the story and waits until every household's last event is in the figures. */
    static void storyApplied(String county) {
        publishStory(county);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertFigures(county, null, FIGURES));
    }

    static void assertFigures(String county, Integer year, List<String> which) {
        JsonPath f = Reports.figures(county, year);
        for (String figure : which) {
            long[] expected = EXPECTED.get(year).get(figure);
            assertCount(f, figure, expected[0], expected[1]);
        }
    }

    static void assertFigureEveryYear(String county, String figure) {
        for (Integer year : EXPECTED.keySet()) {
            assertFigures(county, year, List.of(figure));
        }
    }

    @Test
    void registeredHouseholdsAndPersons() {
        String county = "130102";
        storyApplied(county);
        assertFigureEveryYear(county, "registered");
        JsonPath all = Reports.figures(county, null);
        assertEquals(5, all.getLong("registeredHouseholds")); // the field existing clients read
        assertEquals(18, all.getLong("registeredPersons"));
        JsonPath y2019 = Reports.figures(county, 2019);
        assertEquals(3, y2019.getLong("registeredHouseholds"));
        assertEquals(9, y2019.getLong("registeredPersons"));
        // a township of the county: h1, h2 (2019) only
        assertCount(Reports.figures(county + "001", null), "registered", 2, 8);
    }

    @Test
    void exitedByExitYear() {
        String county = "130103";
        storyApplied(county);
        assertFigureEveryYear(county, "exited");
    }

    @Test
    void returnedByYearOfReturn() {
        String county = "130104";
        storyApplied(county);
        assertFigureEveryYear(county, "returned");
    }

    @Test
    void removedByYearOfRemovalInChinaTime() {
        String county = "130105";
        storyApplied(county);
        assertFigureEveryYear(county, "removed");
    }

    @Test
    void remainingIsAsOfNowWhateverTheYear() {
        String county = "130106";
        storyApplied(county);
        assertFigureEveryYear(county, "remaining");
    }

    @Test
    void monitoredIsAsOfNowAndExcludesRemovedHouseholds() {
        String county = "130107";
        storyApplied(county);
        assertFigureEveryYear(county, "monitored");
    }

    @Test
    void theResponseCarriesEveryField() {
        String county = "130108";
        storyApplied(county);
        JsonPath f = Reports.figures(county, null);
        assertEquals(county, f.getString("region"));
        assertNull(f.get("year"));
        assertNull(f.get("population"));
        assertEquals("14", f.getString("povertyIncidence.numerator"));
        assertEquals("0", f.getString("povertyIncidence.denominator"));
        assertNull(f.get("povertyIncidence.percent"));
        assertEquals(false, f.getBoolean("povertyIncidence.defined"));
        assertNull(f.get("mayLeavePoorCountyList"));
        assertEquals("2.00", f.getString("incidenceThresholdPercent"));
        assertEquals(0, f.getLong("dataQuality.personsInSeveralHouseholds"));
        assertNotNull(f.getString("asOf"));
        assertEquals(2021, Reports.figures(county, 2021).getInt("year"));
        assertEquals(Set.of("region", "year", "registered", "exited", "returned", "removed", "remaining", "monitored",
                        "population", "povertyIncidence", "mayLeavePoorCountyList", "incidenceThresholdPercent", "dataQuality",
                        "registeredHouseholds", "registeredPersons", "asOf", "freshness", "groupBy", "rows"),
                f.getMap("$").keySet());
    }

    @Test
    void personsInSeveralHouseholdsAreCountedWithinTheRegion() {
        // city 3401 is used by this test only: counties 340101 and 340102
        String p1 = TestHousehold.personId(), p2 = TestHousehold.personId(), p3 = TestHousehold.personId();
        String p4 = TestHousehold.personId(), p5 = TestHousehold.personId();
        new TestHousehold("340101001001").register(2019, List.of(p1, p2, p3));
        TestHousehold h2 = new TestHousehold("340101001002").register(2019, List.of(p3, p4));
        new TestHousehold("340101002001").register(2020, List.of(p2)).remove(Instant.parse("2021-03-01T00:00:00Z"));
        new TestHousehold("340102001001").register(2020, List.of(p1)).exit(2021); // exited households still hold their members
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath county = Reports.figures("340101", null);
            assertCount(county, "removed", 1, 1);
            assertEquals(1, county.getLong("dataQuality.personsInSeveralHouseholds"));       // p3; p2's second household is removed
            JsonPath city = Reports.figures("3401", null);
            assertCount(city, "exited", 1, 1);
            assertEquals(2, city.getLong("dataQuality.personsInSeveralHouseholds"));         // p3, and p1 across the counties
        });
        h2.update(List.of(p4, p5)); // members are replaced wholesale: p3 left h2
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(0, Reports.figures("340101", null).getLong("dataQuality.personsInSeveralHouseholds"));
            assertEquals(1, Reports.figures("3401", null).getLong("dataQuality.personsInSeveralHouseholds"));
        });
    }

    @Test
    void aYearThatIsNotAYearIsRefused() {
        for (String year : List.of("19", "abcd", "1999", "20200")) {
            given().header("Authorization", Tokens.bearer("analyst", "13", Roles.REPORT_VIEWER))
                    .queryParam("region", "1301").queryParam("year", year).get("/api/v1/reports/households")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        }
    }

    @Test
    void onlyReportViewersReadFigures() {
        given().header("Authorization", Tokens.bearer("admin", "13", Roles.REPORT_ADMIN))
                .get("/api/v1/reports/households").then().statusCode(403).contentType("application/problem+json");
    }
}
