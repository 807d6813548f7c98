package org.fupin.project.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ProjectCategoryApiTest {

    static final String PATH = "/api/v1/project-categories";

    @Test
    void viewerGetsTheThirteenCategoriesInOrder() {
        given().header("Authorization", Tokens.bearer("viewer", "5224", Roles.PROJECT_VIEWER)).get(PATH)
                .then().statusCode(200).contentType("application/json")
                .body("", hasSize(13))
                .body("code", hasItems("industry", "relocation", "village-infrastructure", "project-management-costs"))
                .body("[0].code", equalTo("industry"))
                .body("[0].nameZh", equalTo("产业扶贫"))
                .body("[0].needsBeneficiaries", equalTo(true))
                .body("[12].code", equalTo("project-management-costs"))
                .body("[12].nameZh", equalTo("项目管理费"))
                .body("[12].needsBeneficiaries", equalTo(false))
                .body("findAll { it.needsBeneficiaries }.code", hasItems("industry", "employment", "relocation",
                        "public-welfare-posts", "education", "health", "dilapidated-housing-renovation", "financial"))
                .body("findAll { it.needsBeneficiaries }", hasSize(8));
    }

    @Test
    void referenceDataDoesNotDependOnTheRegion() {
        given().header("Authorization", Tokens.bearer("clerk-no-region", null, Roles.PROJECT_CLERK)).get(PATH)
                .then().statusCode(200).body("", hasSize(13));
    }

    @Test
    void rolesAndTokensAreChecked() {
        given().get(PATH).then().statusCode(401);
        given().header("Authorization", Tokens.bearer("household-viewer", "5224", Roles.HOUSEHOLD_VIEWER)).get(PATH)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString(PATH));
    }
}
