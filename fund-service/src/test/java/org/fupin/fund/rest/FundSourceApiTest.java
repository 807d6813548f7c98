package org.fupin.fund.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class FundSourceApiTest {

    static final String PATH = "/api/v1/fund-sources";

    @Test
    void viewerGetsTheFundSourcesWithTheBudgetSplitByLevel() {
        given().header("Authorization", Tokens.bearer("viewer", "5224", Roles.FUND_VIEWER)).get(PATH)
                .then().statusCode(200).contentType("application/json")
                .body("", hasSize(11))
                .body("code", hasItems("central-budget", "county-budget", "local-government-debt", "east-west-cooperation", "self-raised"))
                .body("[0].code", equalTo("central-budget"))
                .body("[0].nameZh", equalTo("中央财政资金"))
                .body("[0].governmentLevel", equalTo("central"))
                .body("findAll { it.governmentLevel != null }.governmentLevel", contains("central", "provincial", "city", "county"))
                .body("find { it.code == 'bank-loans' }.nameZh", equalTo("银行贷款"))
                .body("find { it.code == 'bank-loans' }.governmentLevel", nullValue());
    }

    @Test
    void referenceDataDoesNotDependOnTheRegion() {
        given().header("Authorization", Tokens.bearer("clerk-no-region", null, Roles.FUND_CLERK)).get(PATH)
                .then().statusCode(200).body("", hasSize(11));
    }

    @Test
    void rolesAndTokensAreChecked() {
        given().get(PATH).then().statusCode(401);
        given().header("Authorization", Tokens.bearer("project-viewer", "5224", Roles.PROJECT_VIEWER)).get(PATH)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString(PATH));
    }
}
