package org.fupin.household.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.fupin.household.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Poverty lines per province and year, loadable without a release: the exit and monitoring use the province's line,
 * else the national default, else an exit is refused naming the year. Each test uses its own years (2041–2049).
 */
@QuarkusTest
class PovertyLineApiTest {

    static String admin(String region) {
        return Tokens.bearer("admin-" + region, region, PovertyLineResource.HOUSEHOLD_ADMIN);
    }

    static ValidatableResponse put(String token, String province, int year, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("provinceCode", province);
        body.put("year", year);
        body.put("amount", amount);
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/poverty-lines").then();
    }

    static ValidatableResponse line(String region, Object year) {
        return given().header("Authorization", clerk("5224")).queryParam("region", region).queryParam("year", year)
                .get("/api/v1/poverty-lines").then();
    }

    static Map<String, Object> allConditions() {
        Map<String, Object> m = new HashMap<>();
        for (String c : List.of("FOOD", "CLOTHING", "COMPULSORY_EDUCATION", "BASIC_MEDICAL_INSURANCE", "SAFE_HOUSING")) {
            m.put(c, true);
        }
        return m;
    }

    @Test
    void anExitAfterTheConfiguredYearsIsRefusedNamingTheYearUntilTheProvinceLoadsItsLine() {
        String id = imported(household(VILLAGE, 2, "9000.00"));   // 4500 per person
        post(county("5224"), id, "exit", Map.of("exitYear", 2041, "conditions", allConditions())).statusCode(422)
                .contentType("application/problem+json").body("unmet", hasItem("NO_POVERTY_LINE_FOR_YEAR"))
                .body("detail", containsString("2041"));
        put(admin("52"), "52", 2041, "4400.00").statusCode(200)
                .body("provinceCode", equalTo("52")).body("year", equalTo(2041)).body("amount", equalTo("4400.00"))
                .body("scope", equalTo("PROVINCE")).body("origin", equalTo("ADMINISTRATOR"));
        line(VILLAGE, 2041).statusCode(200).body("amount", equalTo("4400.00")).body("scope", equalTo("PROVINCE"));
        post(county("5224"), id, "exit", Map.of("exitYear", 2041, "conditions", allConditions())).statusCode(200)
                .body("state", equalTo("EXITED"));
        // a later correction replaces the amount
        put(admin("52"), "52", 2041, "4600.00").statusCode(200);
        line("52", 2041).statusCode(200).body("amount", equalTo("4600.00"));
        String other = imported(household(VILLAGE, 2, "9000.00"));
        post(county("5224"), other, "exit", Map.of("exitYear", 2041, "conditions", allConditions())).statusCode(422)
                .body("unmet", equalTo(List.of("INCOME_NOT_ABOVE_POVERTY_LINE"))).body("povertyLine", equalTo("4600.00"));
    }

    @Test
    void theProvinceLineComesFirstThenTheNationalDefault() {
        put(admin("00"), "00", 2042, "4100.00").statusCode(200).body("scope", equalTo("NATIONAL"));
        line("530000000000", 2042).statusCode(200).body("amount", equalTo("4100.00")).body("scope", equalTo("NATIONAL"))
                .body("provinceCode", equalTo("00"));
        line(VILLAGE, 2042).statusCode(200).body("amount", equalTo("4100.00"));
        put(admin("52"), "52", 2042, "4300.00").statusCode(200);
        line(VILLAGE, 2042).statusCode(200).body("amount", equalTo("4300.00")).body("scope", equalTo("PROVINCE"));
        line("53", 2042).statusCode(200).body("amount", equalTo("4100.00"));
        line(null, 2042).statusCode(200).body("amount", equalTo("4100.00"));
    }

    @Test
    void configurationGivesTheNationalDefaultAndProvinceLines() {
        line("52", 2020).statusCode(200).body("amount", equalTo("4000.00")).body("scope", equalTo("NATIONAL"))
                .body("origin", equalTo("CONFIGURATION"));
        line("5301", 2045).statusCode(200).body("amount", equalTo("5000.00")).body("scope", equalTo("PROVINCE"))
                .body("origin", equalTo("CONFIGURATION"));
        line("52", 2045).statusCode(404).contentType("application/problem+json").body("detail", containsString("2045"));
        line("52", 2043).statusCode(404).body("errors.field", hasItem("year"));
        line("52", "soon").statusCode(400).body("errors.field", hasItem("year"));
        line("5", 2020).statusCode(400).body("errors.field", hasItem("region"));
    }

    @Test
    void anAdministratorLoadsOnlyTheOwnProvinceAndOnlyANationalOneTheDefault() {
        put(admin("53"), "52", 2044, "4000.00").statusCode(403).body("errors.field", hasItem("provinceCode"));
        put(admin("5224"), "52", 2044, "4000.00").statusCode(403);
        put(admin("52"), "00", 2044, "4000.00").statusCode(403);
        put(county("52"), "52", 2044, "4000.00").statusCode(403);   // not an administrator
        line("52", 2044).statusCode(404);
        put(admin("52"), "5", 2044, "4000.00").statusCode(400).body("errors.field", hasItem("provinceCode"));
        put(admin("52"), "52", 1999, "4000.00").statusCode(400).body("errors.field", hasItem("year"));
        put(admin("52"), "52", 2044, "0.00").statusCode(400).body("errors.field", hasItem("amount"));
        put(admin("52"), "52", 2044, "12345678901234.00").statusCode(400).body("errors.field", hasItem("amount"));
        put(admin("000000000000"), "52", 2044, "4000.00").statusCode(200);
    }

    @Test
    void monitoringUsesTheProvinceLineOfTheIncomeYear() {
        Map<String, Object> body = household(VILLAGE, 1, "12000.00");
        body.put("incomeYear", 2046);
        String unmonitored = imported(body);  // no line for 2046: income cannot be compared
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + unmonitored).then().statusCode(200)
                .body("monitored", equalTo(false));
        put(admin("52"), "52", 2046, "10000.00").statusCode(200);
        Map<String, Object> again = household(VILLAGE, 1, "12000.00");
        again.put("incomeYear", 2046);
        String monitored = imported(again);   // 12000 < 1.5 × 10000
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + monitored).then().statusCode(200)
                .body("monitored", equalTo(true)).body("monitoringReasons", hasItem("INCOME_BELOW_MONITORING_THRESHOLD"));
    }
}
