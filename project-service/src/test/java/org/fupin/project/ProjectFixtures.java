package org.fupin.project;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Request bodies and calls shared by the project API tests. */
public final class ProjectFixtures {
    private ProjectFixtures() {
    }

    public static final String PATH = "/api/v1/projects";
    /** A village of county 522428 (Guizhou). */
    public static final String VILLAGE = "522428103201";
    public static final String COUNTY = "522428";
    /** A village of another province (Yunnan). */
    public static final String OTHER_VILLAGE = "530102001001";

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    public static String clerk(String region) {
        return Tokens.bearer("clerk-" + region, region, Roles.PROJECT_CLERK);
    }

    public static String approver(String region) {
        return Tokens.bearer("approver-" + region, region, Roles.PROJECT_APPROVER);
    }

    public static String viewer(String region) {
        return Tokens.bearer("viewer-" + region, region, Roles.PROJECT_VIEWER);
    }

    /** A complete record of an industry project (beneficiaries aside) in {@code region}, with a unique code. */
    public static Map<String, Object> project(String region) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("projectCode", "T-" + UUID.randomUUID().toString().substring(0, 13));
        b.put("name", "茶叶种植基地建设");
        b.put("projectYear", today().getYear());
        b.put("category", "village-infrastructure");
        b.put("regionCode", region);
        b.put("batch", "第一批");
        b.put("unit", Map.of("name", "赫章县农业农村局"));
        b.put("constructionContent", "新建茶园 200 亩");
        b.put("constructionScale", "200 亩");
        b.put("plannedStartDate", today().minusMonths(2).toString());
        b.put("plannedEndDate", today().plusMonths(6).toString());
        b.put("targets", Map.of("beneficiaryHouseholds", 20, "beneficiaryPersons", 80, "poorHouseholds", 10, "poorPersons", 40,
                "text", "带动脱贫户增收"));
        b.put("budget", Map.of("central-budget", "600000.00", "county-budget", "150000.50"));
        b.put("date", today().minusDays(30).toString());
        return b;
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    public static ValidatableResponse enter(String token, Map<String, Object> body) {
        return as(token).body(body).post(PATH).then();
    }

    /** Enters a project as a clerk of 5224; returns its id. */
    public static String entered(Map<String, Object> body) {
        return enter(clerk("5224"), body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse get(String id) {
        return as(viewer("5224")).get(PATH + "/" + id).then();
    }

    public static int version(String id) {
        return get(id).statusCode(200).extract().path("version");
    }

    /** A POST on the project with the current version in If-Match. */
    public static ValidatableResponse post(String token, String id, String action, Map<String, Object> body) {
        return as(token).header("If-Match", "\"" + version(id) + "\"").body(body).post(PATH + "/" + id + "/" + action).then();
    }

    public static ValidatableResponse step(String id, String step, LocalDate date, String document) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("step", step);
        body.put("date", date.toString());
        if (document != null) {
            body.put("documentNumber", document);
        }
        return post(approver("5224"), id, "steps", body);
    }

    public static ValidatableResponse progress(String id, LocalDate date, String percent, String investment) {
        return post(clerk("5224"), id, "progress", Map.of("reportDate", date.toString(), "physicalProgress", percent,
                "investmentCompleted", investment));
    }

    /** Takes a (village-infrastructure) project to UNDER_CONSTRUCTION, steps 20, 15 and 10 days ago. */
    public static void underConstruction(String id) {
        step(id, "PRE_APPROVAL", today().minusDays(20), "赫发改〔2026〕1号").statusCode(200);
        step(id, "TENDERING", today().minusDays(15), null).statusCode(200);
        step(id, "CONSTRUCTION_START", today().minusDays(10), null).statusCode(200);
    }
}
