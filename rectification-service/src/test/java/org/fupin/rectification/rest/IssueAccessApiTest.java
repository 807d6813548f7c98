package org.fupin.rectification.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.fupin.rectification.RectificationFixtures.ISSUES;
import static org.fupin.rectification.RectificationFixtures.PDF;
import static org.fupin.rectification.RectificationFixtures.as;
import static org.fupin.rectification.RectificationFixtures.inspector;
import static org.fupin.rectification.RectificationFixtures.issue;
import static org.fupin.rectification.RectificationFixtures.raised;
import static org.fupin.rectification.RectificationFixtures.source;
import static org.fupin.rectification.RectificationFixtures.step;
import static org.fupin.rectification.RectificationFixtures.today;
import static org.fupin.rectification.RectificationFixtures.unique;
import static org.fupin.rectification.RectificationFixtures.unit;
import static org.fupin.rectification.RectificationFixtures.upload;
import static org.fupin.rectification.RectificationFixtures.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Units see and act only on their own issues inside their region; regions are scoped; roles per step. */
@QuarkusTest
class IssueAccessApiTest {

    @Test
    void aUnitSeesAndActsOnlyOnTheIssuesItIsResponsibleFor() {
        String a = unique("unit-a");
        String b = unique("unit-b");
        String co = unique("unit-co");
        String src = source(today().minusDays(3));
        String ofA = raised(issue(src, a, List.of(co), today(), today().plusDays(10)));
        String ofB = raised(issue(src, b, List.of(), today(), today().plusDays(10)));
        String unitA = unit("522428", a);
        String unitB = unit("522428", b);
        String coUnit = unit("522428", co);
        step(unitA, ofA, "acceptance", Map.of()).statusCode(200);
        List<String> files = upload(unitA, ofA, Map.of("a.pdf", PDF));

        // B: A's issue does not exist — read, steps, evidence, list
        String notFound = as(unitB).get(ISSUES + "/" + java.util.UUID.randomUUID()).then().statusCode(404).extract().path("detail");
        as(unitB).get(ISSUES + "/" + ofA).then().statusCode(404).contentType("application/problem+json");
        as(unitB).header("If-Match", "\"99\"").body(Map.of()).post(ISSUES + "/" + ofA + "/acceptance").then().statusCode(404);
        as(unitB).header("If-Match", "\"2\"").body(Map.of("text", "x")).post(ISSUES + "/" + ofA + "/ledger-entries")
                .then().statusCode(404);
        as(unitB).get(ISSUES + "/" + ofA + "/evidence/" + files.get(0)).then().statusCode(404);
        as(unitB).get(ISSUES + "/" + ofA + "/evidence").then().statusCode(404);
        given().header("Authorization", unitB).multiPart("file", "b.pdf", PDF, "application/pdf")
                .post(ISSUES + "/" + ofA + "/evidence").then().statusCode(404);
        as(unitB).get(ISSUES + "?source=" + src).then().statusCode(200).body("items.id", contains(ofB)).body("total", equalTo(1));
        as(unitB).get(ISSUES + "?source=" + src + "&unit=" + a).then().statusCode(200).body("total", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(notFound.replace(notFoundId(notFound), ""),
                as(unitB).get(ISSUES + "/" + ofA).then().extract().<String>path("detail").replace(ofA, ""),
                "another unit's issue reads exactly like a missing one");

        // the co-unit sees it, records progress, reads its evidence, but neither accepts nor reports (lead only: 403)
        as(coUnit).get(ISSUES + "/" + ofA).then().statusCode(200).body("allowedSteps", contains("RECORD_PROGRESS"));
        as(coUnit).get(ISSUES + "/" + ofA + "/evidence/" + files.get(0)).then().statusCode(200);
        step(coUnit, ofA, "ledger-entries", Map.of("text", "配合核查")).statusCode(200);
        step(coUnit, ofA, "report", Map.of("text", "done", "evidenceIds", files)).statusCode(403);
        as(coUnit).get(ISSUES + "?source=" + src).then().body("items.id", contains(ofA));

        // inspectors and viewers of the region see both
        as(viewer("522428")).get(ISSUES + "?source=" + src).then().body("items.id", containsInAnyOrder(ofA, ofB));
        as(viewer("522428")).get(ISSUES + "/" + ofA + "/evidence/" + files.get(0)).then().statusCode(200);
        as(inspector("5224")).get(ISSUES + "?source=" + src + "&unit=" + co).then().body("items.id", contains(ofA));

        // the same unit code in another region sees nothing of this county
        String unitAElsewhere = unit("522401", a);
        as(unitAElsewhere).get(ISSUES + "/" + ofA).then().statusCode(404);
        as(unitAElsewhere).get(ISSUES + "/" + ofA + "/evidence/" + files.get(0)).then().statusCode(404);
    }

    private static String notFoundId(String detail) {
        return detail.split(" ")[1];
    }

    @Test
    void regionsAreScoped() {
        String lead = unique("unit");
        String src = source(today().minusDays(3));
        String id = raised(issue(src, lead, List.of(), today(), today().plusDays(10)));
        String elsewhere = inspector("522401");
        as(elsewhere).get(ISSUES + "/" + id).then().statusCode(404);
        step(inspector("5224"), id, "deadline-extensions", Map.of("deadline", today().plusDays(20).toString(),
                "reason", "r", "approver", "a")).statusCode(200);
        as(elsewhere).header("If-Match", "\"2\"").body(Map.of("deadline", today().plusDays(40).toString(), "reason", "r",
                "approver", "a")).post(ISSUES + "/" + id + "/deadline-extensions").then().statusCode(404);
        as(elsewhere).get(ISSUES + "?region=5224").then().statusCode(403).body("errors.field", contains("region"));
        as(elsewhere).get(ISSUES + "?source=" + src).then().statusCode(200).body("total", equalTo(0));
        as(elsewhere).get("/api/v1/finding-sources/" + src).then().statusCode(404);
        // raising in a region outside the caller's: 403 naming the field
        as(inspector("522401")).body(issue(src, lead, List.of(), today(), today())).post(ISSUES).then().statusCode(404);
        java.util.Map<String, Object> outside = issue(src, lead, List.of(), today(), today());
        outside.put("regionCode", "522401100200");
        as(inspector("5224")).body(outside).post(ISSUES).then().statusCode(400).body("errors.field", contains("regionCode"));
        as(inspector("522428")).body(outside).post(ISSUES).then().statusCode(403).body("errors.field", contains("regionCode"));
    }

    @Test
    void rolesDecideTheSteps() {
        String lead = unique("unit");
        String id = raised(issue(source(today().minusDays(3)), lead, List.of(), today(), today().plusDays(10)));
        as(viewer("5224")).header("If-Match", "\"1\"").body(Map.of()).post(ISSUES + "/" + id + "/acceptance").then().statusCode(403);
        as(viewer("5224")).body(issue(source(today().minusDays(3)), lead, List.of(), today(), today())).post(ISSUES)
                .then().statusCode(403);
        // a unit token without a unit claim fails closed
        String noUnit = Tokens.bearer("no-unit", "522428", Roles.RECTIFICATION_UNIT);
        as(noUnit).get(ISSUES + "/" + id).then().statusCode(403);
        as(noUnit).get(ISSUES).then().statusCode(403);
        // an inspector cannot accept for the unit (role) — a unit cannot close
        as(inspector("5224")).header("If-Match", "\"1\"").body(Map.of()).post(ISSUES + "/" + id + "/acceptance").then().statusCode(403);
        step(unit("522428", lead), id, "acceptance", Map.of()).statusCode(200);
        as(unit("522428", lead)).header("If-Match", "\"2\"").body(Map.of("closingRemark", "x"))
                .post(ISSUES + "/" + id + "/closure").then().statusCode(403);
        given().get(ISSUES + "/" + id).then().statusCode(401);
        as(viewer("5224")).get(ISSUES + "/" + id).then().statusCode(200).body("allowedSteps", hasSize(0));
    }
}
