package org.fupin.project.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.project.ProjectFixtures.COUNTY;
import static org.fupin.project.ProjectFixtures.OTHER_VILLAGE;
import static org.fupin.project.ProjectFixtures.PATH;
import static org.fupin.project.ProjectFixtures.VILLAGE;
import static org.fupin.project.ProjectFixtures.approver;
import static org.fupin.project.ProjectFixtures.as;
import static org.fupin.project.ProjectFixtures.clerk;
import static org.fupin.project.ProjectFixtures.enter;
import static org.fupin.project.ProjectFixtures.entered;
import static org.fupin.project.ProjectFixtures.get;
import static org.fupin.project.ProjectFixtures.project;
import static org.fupin.project.ProjectFixtures.today;
import static org.fupin.project.ProjectFixtures.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Entering, reading, correcting and listing projects over the real PostgreSQL, Kafka and OIDC issuer. */
@QuarkusTest
class ProjectApiTest {

    @Test
    void aClerkEntersAProjectAndEveryoneOfTheRegionReadsIt() {
        Map<String, Object> body = project(VILLAGE);
        String id = enter(clerk("5224"), body).statusCode(201)
                .header("ETag", "\"1\"").header("Location", containsString(PATH + "/"))
                .body("projectCode", equalTo(body.get("projectCode")))
                .body("stage", equalTo("PLANNED"))
                .body("stageDate", equalTo(body.get("date")))
                .body("stageDates.PLANNED", equalTo(body.get("date")))
                .body("allowedSteps", contains("PRE_APPROVAL", "CANCELLATION"))
                .body("budget.central-budget", equalTo("600000.00"))
                .body("budget.county-budget", equalTo("150000.50"))
                .body("budgetTotal", equalTo("750000.50"))
                .body("unit.name", equalTo("赫章县农业农村局"))
                .body("targets.poorPersons", equalTo(40))
                .body("progress", nullValue())
                .body("beneficiaries", empty())
                .body("missingFields", empty())
                .body("version", equalTo(1))
                .extract().path("id");
        get(id).statusCode(200).header("ETag", "\"1\"").body("name", equalTo("茶叶种植基地建设"));
        as(approver("5224")).get(PATH + "/by-code/" + body.get("projectCode")).then().statusCode(200).body("id", equalTo(id));
        as(clerk("522428")).get(PATH + "/" + id + "/history").then().statusCode(200)
                .body("action", contains("registered")).body("[0].actor", equalTo("clerk-522428".replace("522428", "5224")))
                .body("[0].toStage", equalTo("PLANNED")).body("[0].date", equalTo(body.get("date")));
    }

    @Test
    void aCodeIsGeneratedWhenAbsentAndATakenCodeIs409() {
        Map<String, Object> body = project(VILLAGE);
        body.remove("projectCode");
        String code = enter(clerk("5224"), body).statusCode(201).extract().path("projectCode");
        org.hamcrest.MatcherAssert.assertThat(code, matchesPattern(COUNTY + "-" + today().getYear() + "-[0-9]{6,}"));
        Map<String, Object> again = project(VILLAGE);
        again.put("projectCode", code);
        enter(clerk("5224"), again).statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("projectCode"));
    }

    @Test
    void onlyNameYearAndRegionAreNeededAndWhatIsMissingIsListed() {
        Map<String, Object> body = Map.of("name", "村道硬化", "projectYear", today().getYear(), "regionCode", "522428000000");
        enter(clerk("5224"), body).statusCode(201)
                .body("missingFields", contains("category", "implementingUnit", "budget", "plannedStartDate", "plannedEndDate"))
                .body("budgetTotal", equalTo("0.00")).body("stageDate", equalTo(today().toString()));
        Map<String, Object> industry = project(VILLAGE);
        industry.put("category", "industry"); // the category table: industry needs its beneficiaries
        enter(clerk("5224"), industry).statusCode(201).body("missingFields", contains("beneficiaries"));
    }

    @Test
    void badInputIs400NamingEachFieldAndChangesNothing() {
        Map<String, Object> body = project(VILLAGE);
        body.put("budget", Map.of("central-budget", "12.345", "nonsense", "1.00", "total", "5.00"));
        body.put("unit", Map.of("name", "某合作社", "creditCode", "91522428MA6DKXXXX1"));
        body.put("regionCode", "5224");
        body.put("targets", Map.of("beneficiaryHouseholds", 5, "beneficiaryPersons", 20, "poorHouseholds", 9));
        enter(clerk("5224"), body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("budget.central-budget", "budget.nonsense", "budget.total"));
        body.put("budget", Map.of("central-budget", "100.00"));
        enter(clerk("5224"), body).statusCode(400)
                .body("errors.field", hasItems("regionCode", "unit.creditCode", "targets.poorHouseholds"));
        Map<String, Object> future = project(VILLAGE);
        future.put("date", today().plusDays(1).toString());
        enter(clerk("5224"), future).statusCode(400).body("errors[0].field", equalTo("date"));
        Map<String, Object> noName = project(VILLAGE);
        noName.remove("name");
        noName.put("projectYear", 1999);
        enter(clerk("5224"), noName).statusCode(400).body("errors.field", hasItems("name", "projectYear"));
        Map<String, Object> unreadable = project(VILLAGE);
        unreadable.put("plannedStartDate", "31.12.2026");
        enter(clerk("5224"), unreadable).statusCode(400).body("errors[0].field", equalTo("plannedStartDate"));
        as(viewer("5224")).get(PATH + "/by-code/" + noName.get("projectCode")).then().statusCode(404);
    }

    @Test
    void nobodySeesOrTouchesAProjectOutsideTheirRegion() {
        String id = entered(project(VILLAGE));
        String code = get(id).extract().path("projectCode");
        get(id).statusCode(200);
        as(viewer("53")).get(PATH + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(viewer("53")).get(PATH + "/by-code/" + code).then().statusCode(404);
        as(viewer("53")).get(PATH + "/" + id + "/history").then().statusCode(404);
        as(clerk("53")).header("If-Match", "\"1\"").body(project(OTHER_VILLAGE)).put(PATH + "/" + id).then().statusCode(404);
        as(approver("53")).body(Map.of("step", "PRE_APPROVAL", "documentNumber", "x")).post(PATH + "/" + id + "/steps")
                .then().statusCode(404);
        enter(clerk("5224"), project(OTHER_VILLAGE)).statusCode(403).body("errors[0].field", equalTo("regionCode"));
        // a township clerk cannot enter a project of the neighbouring township either
        enter(clerk("522428103"), project("522428104001")).statusCode(403);
        as(viewer("53")).get(PATH + "?region=5224").then().statusCode(403).body("errors[0].field", equalTo("region"));
        as(viewer("53")).get(PATH).then().statusCode(200).body("items.regionCode", everyItem(startsWith("53")));
        as(viewer("53")).get(PATH).then().body("items.id", not(hasItem(id)));
    }

    @Test
    void rolesAreChecked() {
        String id = entered(project(VILLAGE));
        as(viewer("5224")).body(project(VILLAGE)).post(PATH).then().statusCode(403);
        as(clerk("5224")).body(Map.of("step", "PRE_APPROVAL", "documentNumber", "x")).post(PATH + "/" + id + "/steps")
                .then().statusCode(403);
        as(approver("5224")).body(Map.of("reportDate", today().toString(), "physicalProgress", "1", "investmentCompleted", "1"))
                .post(PATH + "/" + id + "/progress").then().statusCode(403);
        as(Tokens.bearer("hh", "5224", Roles.HOUSEHOLD_VIEWER)).get(PATH + "/" + id).then().statusCode(403);
        io.restassured.RestAssured.given().get(PATH + "/" + id).then().statusCode(401);
    }

    @Test
    void aPlannedProjectIsCorrectedWithIfMatchAndTheHistoryKeepsBeforeAndAfter() {
        Map<String, Object> body = project(VILLAGE);
        String id = entered(body);
        body.put("batch", "第二批");
        body.put("budget", Map.of("central-budget", "700000.00"));
        body.put("date", today().toString());
        as(clerk("5224")).header("If-Match", "\"7\"").body(body).put(PATH + "/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("currentVersion", equalTo(1));
        as(clerk("5224")).header("If-Match", "\"1\"").body(body).put(PATH + "/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("batch", equalTo("第二批")).body("budgetTotal", equalTo("700000.00"))
                .body("budget.county-budget", nullValue());
        // the same record again: nothing changes, no new version
        as(clerk("5224")).header("If-Match", "\"2\"").body(body).put(PATH + "/" + id).then().statusCode(200)
                .body("version", equalTo(2));
        as(viewer("5224")).get(PATH + "/" + id + "/history").then().statusCode(200)
                .body("action", contains("registered", "updated"))
                .body("[1].changes.field", hasItems("batch", "budget"))
                .body("[1].changes.find { it.field == 'batch' }.before", equalTo("第一批"))
                .body("[1].changes.find { it.field == 'batch' }.after", equalTo("第二批"));
        // another project's code is taken
        String other = entered(project(VILLAGE));
        body.put("projectCode", get(other).extract().path("projectCode"));
        as(clerk("5224")).body(body).put(PATH + "/" + id).then().statusCode(409).body("errors[0].field", equalTo("projectCode"));
    }

    @Test
    void pastPlannedTheFixedAndAdjustableFieldsAreRefused() {
        Map<String, Object> body = project(VILLAGE);
        String id = entered(body);
        org.fupin.project.ProjectFixtures.step(id, "PRE_APPROVAL", today().minusDays(5), "赫发改〔2026〕9号").statusCode(200);
        body.put("regionCode", "522428103202");
        body.put("budget", Map.of("central-budget", "1.00"));
        body.put("date", today().toString());
        as(clerk("5224")).body(body).put(PATH + "/" + id).then().statusCode(422)
                .body("type", endsWith("not-updatable")).body("errors.field", hasItems("regionCode", "budget"))
                .body("currentStage", equalTo("PRE_APPROVAL_DONE"));
    }

    @Test
    void theListFiltersPagesAndSortsInsideTheRegion() {
        String batch = "批次-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> a = project(VILLAGE);
        a.put("batch", batch);
        a.put("budget", Map.of("bank-loans", "100.00"));
        a.put("unit", Map.of("name", "赫章县水务局"));
        String idA = entered(a);
        Map<String, Object> b = project(VILLAGE);
        b.put("batch", batch);
        b.put("projectYear", 2019);
        b.put("date", "2019-02-01");
        b.remove("plannedEndDate");
        String idB = entered(b);
        Map<String, Object> c = project(VILLAGE);
        c.put("batch", batch);
        c.put("category", "living-conditions");
        String idC = entered(c);
        org.fupin.project.ProjectFixtures.post(approver("5224"), idC, "cancellation", Map.of("reason", "群众意愿变化")).statusCode(200);

        String list = PATH + "?batch=" + batch;
        as(viewer("5224")).get(list).then().statusCode(200).body("total", equalTo(3));
        as(viewer("5224")).get(list + "&year=2019").then().body("items.id", contains(idB));
        as(viewer("5224")).get(list + "&fundSource=bank-loans").then().body("items.id", contains(idA));
        as(viewer("5224")).queryParam("unit", "水务").get(list).then().body("items.id", contains(idA));
        as(viewer("5224")).get(list + "&incomplete=true").then().body("items.id", contains(idB))
                .body("items[0].missingFields", contains("plannedEndDate"));
        as(viewer("5224")).get(list + "&cancelled=true").then().body("items.id", contains(idC));
        as(viewer("5224")).get(list + "&cancelled=false&stage=PLANNED&sort=-projectYear").then()
                .body("items.id", contains(idA, idB));
        as(viewer("5224")).get(list + "&category=living-conditions").then().body("items.id", contains(idC));
        as(viewer("5224")).get(list + "&region=52242810&size=2&page=1&sort=projectYear").then()
                .body("total", equalTo(3)).body("items.id", contains(idA)).body("page", equalTo(1)).body("size", equalTo(2));
        as(viewer("5224")).get(list + "&sort=secret").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        as(viewer("5224")).get(list + "&stage=BUILT").then().statusCode(400).body("errors[0].field", equalTo("stage"));
        as(viewer("5224")).get(list + "&fundSource=gold").then().statusCode(400).body("errors[0].field", equalTo("fundSource"));
        as(viewer("5224")).get(list + "&category=mining").then().statusCode(400).body("errors[0].field", equalTo("category"));
        as(viewer("5224")).get(list + "&size=0").then().statusCode(400);
    }

    private static org.hamcrest.Matcher<String> endsWith(String s) {
        return org.hamcrest.Matchers.endsWith(s);
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> copy(Map<String, Object> m) {
        return new HashMap<>(m);
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }

    @SuppressWarnings("unused")
    private static Object notNull() {
        return notNullValue();
    }
}
