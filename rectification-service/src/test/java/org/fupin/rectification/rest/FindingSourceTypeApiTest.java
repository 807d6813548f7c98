package org.fupin.rectification.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class FindingSourceTypeApiTest {

    static final String PATH = "/api/v1/finding-source-types";

    @Test
    void viewerGetsTheSixSourceTypesInOrder() {
        given().header("Authorization", Tokens.bearer("viewer", "5224", Roles.RECTIFICATION_VIEWER)).get(PATH)
                .then().statusCode(200).contentType("application/json")
                .body("", hasSize(6))
                .body("code", contains("inspection", "assessment", "audit", "supervision", "self-check", "system-check"))
                .body("nameZh", contains("巡视", "考核", "审计", "督查", "自查", "系统核查"))
                .body("[2].nameEn", equalTo("Audit"));
    }

    @Test
    void clerksAndInspectorsMayReadItToo() {
        given().header("Authorization", Tokens.bearer("clerk-no-region", null, Roles.RECTIFICATION_CLERK)).get(PATH)
                .then().statusCode(200).body("", hasSize(6));
        given().header("Authorization", Tokens.bearer("inspector", "52", Roles.RECTIFICATION_INSPECTOR)).get(PATH)
                .then().statusCode(200).body("", hasSize(6));
    }

    @Test
    void rolesAndTokensAreChecked() {
        given().get(PATH).then().statusCode(401);
        given().header("Authorization", Tokens.bearer("fund-viewer", "5224", Roles.FUND_VIEWER)).get(PATH)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString(PATH));
    }
}
