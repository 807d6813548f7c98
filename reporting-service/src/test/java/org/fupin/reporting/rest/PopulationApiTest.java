package org.fupin.reporting.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.Reports;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** PUT/GET /api/v1/reports/population: bulk loads, all or nothing, inside the caller's region. */
@QuarkusTest
class PopulationApiTest {

    static final String PATH = "/api/v1/reports/population";

    @Inject
    EntityManager em;

    static RequestSpecification as(String subject, String region, String... roles) {
        return given().header("Authorization", Tokens.bearer(subject, region, roles));
    }

    static RequestSpecification admin(String region) {
        return as("statistician", region, Roles.REPORT_ADMIN).contentType(ContentType.JSON);
    }

    static JsonPath list(String tokenRegion, String region) {
        return as("analyst", tokenRegion, Roles.REPORT_VIEWER).queryParam("region", region).get(PATH)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBatchIsStoredNormalisedAndReplacesEarlierFigures() {
        admin("4501").body("""
                        [{"regionCode":"4501","population":3000000,"year":2019},
                         {"regionCode":"450102","population":400000},
                         {"regionCode":"450102001001","population":1500}]""")
                .put(PATH).then().statusCode(200).body("loaded", equalTo(3));
        JsonPath l = list("45", "4501");
        assertEquals("4501", l.getString("region"));
        assertEquals(List.of("450100000000", "450102000000", "450102001001"), l.getList("figures.regionCode"));
        assertEquals(List.of("4501", "450102", "450102001001"), l.getList("figures.prefix"));
        assertEquals(3000000, l.getLong("figures[0].population"));
        assertEquals(2019, l.getInt("figures[0].year"));
        assertNull(l.get("figures[1].year"));
        assertEquals("statistician", l.getString("figures[0].updatedBy"));
        // the 12-digit form names the same region as the prefix: the figure is replaced
        admin("4501").body("[{\"regionCode\":\"450100000000\",\"population\":3100000,\"year\":2020}]")
                .put(PATH).then().statusCode(200).body("loaded", equalTo(1));
        JsonPath after = list("4501", null);
        assertEquals(3, after.getList("figures").size());
        assertEquals(3100000, after.getLong("figures[0].population"));
        assertEquals(2020, after.getInt("figures[0].year"));
        // the county list holds the county and what is inside it, not the city
        assertEquals(List.of("450102000000", "450102001001"), list("45", "450102").getList("figures.regionCode"));
        // every stored figure is audited, with the actor
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from audit_log where action = 'population.loaded' and entity_id = '450100000000' and actor = 'statistician'")
                .getSingleResult()).longValue());
        assertEquals(2, audited);
    }

    @Test
    void aCountysVillagesLoadInOneRequestAndAddUpToTheCounty() {
        StringBuilder body = new StringBuilder("[");
        int villages = 0;
        for (int township = 1; township <= 25; township++) {
            for (int village = 1; village <= 200; village++) {
                body.append(villages++ == 0 ? "" : ",").append(String.format(
                        "{\"regionCode\":\"450701%03d%03d\",\"population\":%d,\"year\":2019}", township, village, 100 + village));
            }
        }
        body.append("]");
        long started = System.nanoTime();
        admin("4507").body(body.toString()).put(PATH).then().statusCode(200).body("loaded", equalTo(villages));
        System.out.printf("loaded %d population figures in %d ms%n", villages, (System.nanoTime() - started) / 1_000_000);
        assertEquals(villages, list("4507", "450701").getList("figures").size());
        // 25 townships × (sum of 101..300 = 40,100)
        assertEquals(25L * 40_100, Reports.figures("450701", null).getLong("population"));
    }

    @Test
    void aBatchWithWrongFieldsIsRefusedWholeNamingEachFieldWithItsIndex() {
        admin("4503").body("""
                        [{"regionCode":"450301001001","population":100},
                         {"regionCode":"450301001002","population":-1},
                         {"regionCode":"450301001003","population":12.5,"year":2020},
                         {"regionCode":"45x","population":5},
                         {"regionCode":"450301002001","population":5,"year":1800},
                         {"regionCode":"4503010","population":5},
                         {},
                         {"regionCode":"450301001001000","population":1}]""")
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("[1].population", "[2].population", "[3].regionCode", "[4].year",
                        "[5].regionCode", "[6].regionCode", "[6].population", "[7].regionCode"));
        // the same region twice, once as a prefix and once as a code
        admin("4503").body("[{\"regionCode\":\"450301\",\"population\":1},{\"regionCode\":\"450301000000\",\"population\":2}]")
                .put(PATH).then().statusCode(400).body("errors.field", contains("[1].regionCode"));
        // a value of the wrong type is named too
        admin("4503").body("[{\"regionCode\":\"450301\",\"population\":1},{\"regionCode\":\"450302\",\"population\":\"many\"}]")
                .put(PATH).then().statusCode(400).body("errors[0].field", equalTo("[1].population"));
        admin("4503").body("{\"regionCode\":\"450301\",\"population\":1}").put(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        admin("4503").body("[]").put(PATH).then().statusCode(400).body("errors[0].field", equalTo("body"));
        admin("4503").body("[null]").put(PATH).then().statusCode(400).body("errors[0].field", equalTo("[0]"));
        // nothing of any refused batch was stored, not even its valid rows
        assertEquals(List.of(), list("45", "4503").getList("figures"));
    }

    @Test
    void aRowOutsideTheCallersRegionRefusesTheWholeBatch() {
        admin("4504").body("""
                        [{"regionCode":"450401001001","population":10},
                         {"regionCode":"450501001001","population":10}]""")
                .put(PATH).then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", contains("[1].regionCode"));
        // a wider region than the caller's is outside too
        admin("4504").body("[{\"regionCode\":\"45\",\"population\":50000000}]")
                .put(PATH).then().statusCode(403).body("errors[0].field", equalTo("[0].regionCode"));
        as("analyst", "4504", Roles.REPORT_VIEWER).queryParam("region", "45").get(PATH)
                .then().statusCode(403).body("errors[0].field", equalTo("region"));
        given().header("Authorization", Tokens.bearer("analyst", "45", Roles.REPORT_VIEWER)).queryParam("region", "45")
                .get(PATH).then().statusCode(200).body("figures.regionCode", org.hamcrest.Matchers.not(hasItem("450401001001")));
        assertEquals(List.of(), list("4504", null).getList("figures"));
        // the caller's own region is writable, and a national caller may write anywhere
        admin("4504").body("[{\"regionCode\":\"4504\",\"population\":10}]").put(PATH).then().statusCode(200);
        admin("00").body("[{\"regionCode\":\"450599001001\",\"population\":10}]").put(PATH).then().statusCode(200);
        assertEquals(List.of("450400000000"), list("4504", null).getList("figures.regionCode"));
    }

    @Test
    void rolesDecideWhoLoadsAndWhoReads() {
        String body = "[{\"regionCode\":\"450601\",\"population\":10}]";
        as("analyst", "45", Roles.REPORT_VIEWER).contentType(ContentType.JSON).body(body).put(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        as("clerk", "45", Roles.HOUSEHOLD_CLERK).contentType(ContentType.JSON).body(body).put(PATH).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).put(PATH).then().statusCode(401);
        as("clerk", "45", Roles.HOUSEHOLD_CLERK).get(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
        as("analyst", "4506", Roles.REPORT_VIEWER).get(PATH).then().statusCode(200).body("figures", empty());
        as("statistician", "4506", Roles.REPORT_ADMIN).get(PATH).then().statusCode(200).body("region", equalTo("4506"));
    }
}
