package org.fupin.reporting.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Poverty incidence = remaining poor persons ÷ registered population, and the poor-county exit it decides. */
@QuarkusTest
class PovertyIncidenceTest {

    /** Registers poor households with the given member counts in villages of the county, and waits for them. */
    static void remainingPoor(String county, int... members) {
        int total = 0;
        for (int i = 0; i < members.length; i++) {
            new TestHousehold(county + "001" + String.format("%03d", i + 1)).register(2019, members[i]);
            total += members[i];
        }
        long expected = total;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(expected, Reports.figures(county, null).getLong("remaining.persons")));
    }

    static void population(String region, long population) {
        Reports.loadPopulation(region.substring(0, 2), "[{\"regionCode\":\"" + region + "\",\"population\":" + population + "}]");
    }

    static void assertIncidence(JsonPath f, String numerator, String denominator, String percent, Boolean mayLeave) {
        assertEquals(numerator, f.getString("povertyIncidence.numerator"));
        assertEquals(denominator, f.getString("povertyIncidence.denominator"));
        assertEquals(percent, f.getString("povertyIncidence.percent"));
        assertEquals(percent != null, f.getBoolean("povertyIncidence.defined"));
        assertEquals(mayLeave, f.get("mayLeavePoorCountyList"));
    }

    @Test
    void incidenceWithThePopulationLoadedForTheCounty() {
        String county = "440103";
        remainingPoor(county, 3, 4);
        new TestHousehold(county + "009001").register(2019, 2).exit(2020);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Reports.assertCount(Reports.figures(county, null), "exited", 1, 2));
        population(county + "000000", 350);
        JsonPath f = Reports.figures(county, null);
        assertEquals(350, f.getLong("population"));
        assertIncidence(f, "7", "350", "2.00", false); // 2.00 % is not below the eastern 2 %
        assertEquals("2.00", f.getString("incidenceThresholdPercent"));
        // with a year the incidence is still that of the households poor now
        assertIncidence(Reports.figures(county, 2020), "7", "350", "2.00", false);
        // a township with no figure of its own or inside it: unknown population
        JsonPath township = Reports.figures(county + "001", null);
        assertNull(township.get("population"));
        assertIncidence(township, "7", "0", null, null);
    }

    @Test
    void incidenceWithPopulationLoadedPerTownshipAndVillageIsTheSumOfTheTopMostFigures() {
        String county = "440104";
        new TestHousehold(county + "001001").register(2019, 2);
        new TestHousehold(county + "002001").register(2019, 3);
        new TestHousehold(county + "003001").register(2020, 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(8, Reports.figures(county, null).getLong("remaining.persons")));
        Reports.loadPopulation("44", """
                [{"regionCode":"440104001","population":500,"year":2019},
                 {"regionCode":"440104001001","population":50},
                 {"regionCode":"440104002001","population":100},
                 {"regionCode":"440104003001","population":200}]""");
        // 500 (township 001, which already holds its village 001001) + 100 + 200
        JsonPath f = Reports.figures(county, null);
        assertEquals(800, f.getLong("population"));
        assertIncidence(f, "8", "800", "1.00", true);
        // a region with a figure of its own uses it
        assertEquals(500, Reports.figures(county + "001", null).getLong("population"));
        JsonPath village = Reports.figures(county + "001001", null);
        assertEquals(50, village.getLong("population"));
        assertIncidence(village, "2", "50", "4.00", null); // not a county: no poor-county verdict
        // once the county's own figure is loaded, it is the county's population
        population(county, 1000);
        assertIncidence(Reports.figures(county, null), "8", "1000", "0.80", true);
    }

    @Test
    void incidenceIsUndefinedWithoutPopulation() {
        String county = "440105";
        remainingPoor(county, 2);
        JsonPath f = Reports.figures(county, null);
        assertNull(f.get("population"));
        assertIncidence(f, "2", "0", null, null);
        // a population of 0 is a loaded figure, and still no denominator
        population(county, 0);
        JsonPath zero = Reports.figures(county, null);
        assertEquals(0, zero.getLong("population"));
        assertIncidence(zero, "2", "0", null, null);
    }

    @Test
    void aWesternCountyMayLeaveTheListBelowThreePercent() {
        String county = "532501"; // Yunnan (53): western
        remainingPoor(county, 10, 10, 9);
        population(county, 1000);
        JsonPath f = Reports.figures(county, null);
        assertEquals("3.00", f.getString("incidenceThresholdPercent"));
        assertIncidence(f, "29", "1000", "2.90", true);
        population(county, 970); // 2.9897 %
        assertIncidence(Reports.figures(county, null), "29", "970", "2.99", true);
        population(county, 967); // 2.9989 %, shown as 3.00: not below 3 %
        assertIncidence(Reports.figures(county, null), "29", "967", "3.00", false);
        population(county, 800);
        assertIncidence(Reports.figures(county, null), "29", "800", "3.63", false);
        // the province and a township get the threshold, never a verdict
        assertNull(Reports.figures("53", null).get("mayLeavePoorCountyList"));
        assertEquals("3.00", Reports.figures("53", null).getString("incidenceThresholdPercent"));
    }

    @Test
    void anEasternCountyMayLeaveTheListBelowTwoPercent() {
        String county = "320102"; // Jiangsu (32): eastern
        remainingPoor(county, 10, 9);
        population(county, 1000);
        JsonPath f = Reports.figures(county, null);
        assertEquals("2.00", f.getString("incidenceThresholdPercent"));
        assertIncidence(f, "19", "1000", "1.90", true);
        population(county, 951); // 1.9979 %, shown as 2.00
        assertIncidence(Reports.figures(county, null), "19", "951", "2.00", false);
        population(county, 950);
        assertIncidence(Reports.figures(county, null), "19", "950", "2.00", false);
        population(county, 700); // 2.71 %: would pass in the west, not here
        assertIncidence(Reports.figures(county, null), "19", "700", "2.71", false);
    }
}
