package org.fupin.reporting;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls of the reporting API as an analyst (report-viewer) or an administrator (report-admin). */
public final class Reports {
    private Reports() {
    }

    public static JsonPath figures(String tokenRegion, String region, Integer year) {
        var request = given().header("Authorization", Tokens.bearer("analyst", tokenRegion, Roles.REPORT_VIEWER))
                .queryParam("region", region);
        if (year != null) {
            request.queryParam("year", year);
        }
        return request.get("/api/v1/reports/households").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath figures(String region, Integer year) {
        return figures(region.substring(0, 2), region, year);
    }

    public static void assertCount(JsonPath figures, String figure, long households, long persons) {
        assertEquals(households, figures.getLong(figure + ".households"), figure + ".households (year " + figures.get("year") + ")");
        assertEquals(persons, figures.getLong(figure + ".persons"), figure + ".persons (year " + figures.get("year") + ")");
    }

    /** PUT /api/v1/reports/population as report-admin of the region; expects 200. */
    public static void loadPopulation(String tokenRegion, String body) {
        given().header("Authorization", Tokens.bearer("statistician", tokenRegion, Roles.REPORT_ADMIN))
                .contentType(ContentType.JSON).body(body)
                .put("/api/v1/reports/population").then().statusCode(200);
    }
}
