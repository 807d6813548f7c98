package org.fupin.household.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fupin.household.TestIds;
import org.fupin.infra.LocalOidcIssuer;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.fupin.household.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class HouseholdApiTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anApplicationIsStoredWithMembersIncomeAndAuditAndIdsMasked() throws Exception {
        String headId = TestIds.next();
        List<Map<String, Object>> members = new ArrayList<>(List.of(member(headId, "HEAD"), member(TestIds.next(), "SPOUSE"),
                member(TestIds.next(), "CHILD")));
        String id = apply(clerk("5224"), household(VILLAGE, members, "10000.00")).statusCode(201)
                .header("Location", containsString("/api/v1/households/")).header("ETag", "\"1\"")
                .body("state", equalTo("APPLIED"))
                .body("allowedSteps", equalTo(List.of("INVESTIGATED")))
                .body("memberCount", equalTo(3))
                .body("netIncome", equalTo("10000.00"))
                .body("perCapitaNetIncome", equalTo("3333.33"))
                .body("members[0].residentId", equalTo(headId.substring(0, 6) + "********" + headId.substring(14)))
                .body("householdCode", notNullValue())
                .body("createdBy", equalTo("clerk-5224"))
                .extract().path("id");
        assertEquals(1, count("select count(*) from audit_log where entity_id = ? and action = 'household.applied'", id));
        assertEquals(3, count("select count(*) from household_member where household_id = ?::uuid", id));
        String code = given().header("Authorization", clerk("5224")).get("/api/v1/households/" + id).then().extract().path("householdCode");
        given().header("Authorization", clerk("5224")).get("/api/v1/households/by-code/" + code).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void wrongChecksumIs400NamingTheFieldAndWritesNothing() throws Exception {
        long households = count("select count(*) from household");
        long events = count("select count(*) from outbox_event");
        String bad = TestIds.withWrongCheck(TestIds.next());
        Map<String, Object> body = household(VILLAGE, List.of(member(TestIds.next(), "HEAD"), member(bad, "CHILD")), "100.00");
        apply(clerk("5224"), body).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("members[1].residentId"))
                .body("detail", containsString("check character"));
        assertEquals(households, count("select count(*) from household"));
        assertEquals(events, count("select count(*) from outbox_event"));
    }

    @Test
    void eachWrongFieldIsNamed() {
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body(Map.of("regionCode", "5224"))
                .post("/api/v1/households").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("regionCode")).body("errors.field", hasItem("members"))
                .body("errors.field", hasItem("householdType")).body("errors.field", hasItem("mainCause"))
                .body("errors.field", hasItem("incomeYear")).body("errors.field", hasItem("incomeItems"));
        // a township code is not a village; income must not be negative nor have three decimals
        Map<String, Object> township = household("522428103000", 2, "100.00");
        apply(clerk("5224"), township).statusCode(400).body("errors.field", hasItem("regionCode"));
        apply(clerk("5224"), household(VILLAGE, 2, "-5.00")).statusCode(400).body("errors.field", hasItem("incomeItems.WAGES"));
        apply(clerk("5224"), household(VILLAGE, 2, "5.005")).statusCode(400).body("errors.field", hasItem("incomeItems.WAGES"));
        // birth date and sex must agree with the ID number
        Map<String, Object> head = member(TestIds.next(), "HEAD");
        head.put("birthDate", "1901-01-01");
        head.put("sex", head.get("sex").equals("MALE") ? "FEMALE" : "MALE");
        apply(clerk("5224"), household(VILLAGE, List.of(head), "1.00")).statusCode(400)
                .body("errors.field", hasItem("members[0].birthDate")).body("errors.field", hasItem("members[0].sex"));
        // exactly one head
        apply(clerk("5224"), household(VILLAGE, List.of(member(TestIds.next(), "CHILD")), "1.00")).statusCode(400)
                .body("errors.field", hasItem("members"));
        // an unknown enum value
        Map<String, Object> body = household(VILLAGE, 1, "1.00");
        body.put("householdType", "RICH");
        apply(clerk("5224"), body).statusCode(400).body("errors.field", hasItem("householdType"));
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/households").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anotherRegionCannotSeeCreateOrChangeThroughAnyEndpoint() {
        String id = imported(household(VILLAGE, 2, "100.00"));
        String outsider = Tokens.bearer("outsider", "520100000000", Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER,
                Roles.HOUSEHOLD_TOWNSHIP_REVIEWER, Roles.HOUSEHOLD_COUNTY_APPROVER, Roles.HOUSEHOLD_IMPORTER);
        given().header("Authorization", outsider).get("/api/v1/households/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", outsider).get("/api/v1/households/" + id + "/history").then().statusCode(404);
        given().header("Authorization", outsider).get("/api/v1/households/" + id + "/assistance").then().statusCode(404);
        String code = given().header("Authorization", clerk("5224")).get("/api/v1/households/" + id).then().extract().path("householdCode");
        given().header("Authorization", outsider).get("/api/v1/households/by-code/" + code).then().statusCode(404);
        for (String action : List.of("steps", "exit", "return", "removal", "hardships", "monitoring/end")) {
            given().header("Authorization", outsider).header("If-Match", "*").contentType(ContentType.JSON)
                    .body(Map.of("step", "INVESTIGATED", "exitYear", 2025, "conditions", Map.of(), "year", 2025, "reason", "x", "kind", "ILLNESS"))
                    .post("/api/v1/households/" + id + "/" + action).then().statusCode(404);
        }
        given().header("Authorization", outsider).header("If-Match", "*").contentType(ContentType.JSON)
                .body(household(VILLAGE, 2, "1.00")).put("/api/v1/households/" + id).then().statusCode(404);
        given().header("Authorization", outsider).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("cadreId", "c1", "name", "x")).put("/api/v1/households/" + id + "/cadre").then().statusCode(404);
        given().header("Authorization", outsider).contentType(ContentType.JSON).body(Map.of("kind", "x", "description", "y"))
                .post("/api/v1/households/" + id + "/assistance/measures").then().statusCode(404);
        given().header("Authorization", outsider).contentType(ContentType.JSON).body(Map.of("notes", "y"))
                .post("/api/v1/households/" + id + "/assistance/visits").then().statusCode(404);
        apply(outsider, household(VILLAGE, 2, "1.00")).statusCode(403).contentType("application/problem+json")
                .body("errors.field", hasItem("regionCode"));
        given().header("Authorization", outsider).contentType(ContentType.JSON).body(Map.of("household", household(VILLAGE, 1, "1.00"),
                "identificationYear", 2016)).post("/api/v1/households/registered").then().statusCode(403);
        given().header("Authorization", outsider).queryParam("region", "5224").get("/api/v1/households").then().statusCode(403);
        given().header("Authorization", outsider).get("/api/v1/households").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer("province", "52", Roles.HOUSEHOLD_VIEWER)).get("/api/v1/households/" + id)
                .then().statusCode(200);
    }

    @Test
    void rolesAndTokensAreChecked() {
        given().contentType(ContentType.JSON).body(household(VILLAGE, 1, "1.00")).post("/api/v1/households").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/households").then().statusCode(401);
        String expired = SuiteInfrastructure.issuer().token("old", Set.of(Roles.HOUSEHOLD_CLERK), "5224", Duration.ofSeconds(-120));
        given().header("Authorization", "Bearer " + expired).get("/api/v1/households").then().statusCode(401);
        String forged = new LocalOidcIssuer(0, null).token("mallory", Set.of(Roles.HOUSEHOLD_CLERK), "52");
        given().header("Authorization", "Bearer " + forged).get("/api/v1/households").then().statusCode(401);
        apply(Tokens.bearer("viewer", "5224", Roles.HOUSEHOLD_VIEWER), household(VILLAGE, 1, "1.00")).statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("noregion", null, Roles.HOUSEHOLD_VIEWER)).get("/api/v1/households")
                .then().statusCode(403);
        // a village clerk may not announce; the county may
        String id = applied(household(VILLAGE, 1, "1.00"));
        step(clerk("5224"), id, "COUNTY_ANNOUNCED", null).statusCode(403).body("errors.field", hasItem("step"));
        String registered = imported(household(VILLAGE, 1, "1.00"));
        post(clerk("5224"), registered, "removal", Map.of("reason", "x")).statusCode(403);
    }

    @Test
    void residentIdsAreUnmaskedOnlyForPiiViewersAndThatReadIsAudited() throws Exception {
        String headId = TestIds.next();
        String id = applied(household(VILLAGE, List.of(member(headId, "HEAD")), "1.00"));
        given().header("Authorization", Tokens.bearer("viewer", "5224", Roles.HOUSEHOLD_VIEWER)).get("/api/v1/households/" + id)
                .then().statusCode(200).body("members[0].residentId", containsString("********"))
                .body("headResidentId", containsString("********"));
        given().header("Authorization", Tokens.bearer("auditor", "5224", Roles.HOUSEHOLD_VIEWER, Roles.PII_VIEWER))
                .get("/api/v1/households/" + id)
                .then().statusCode(200).body("members[0].residentId", equalTo(headId)).body("headResidentId", equalTo(headId));
        assertEquals(1, count("select count(*) from audit_log where entity_id = ? and action = 'household.pii-read' and actor = 'auditor'", id));
        assertEquals(0, count("select count(*) from household_member where id_encrypted like ? or id_hash = ? or person_id = ?",
                "%" + headId + "%", headId, headId), "stored encrypted, never in clear");
    }

    @Test
    void onePersonOneHouseholdEvenUnderConcurrentRegistration() {
        String shared = TestIds.next();
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> calls = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() ->
                    given().header("Authorization", clerk("5224")).contentType(ContentType.JSON)
                            .body(household(VILLAGE, List.of(member(TestIds.next(), "HEAD"), member(shared, "CHILD")), "1.00"))
                            .post("/api/v1/households").statusCode(), pool)).toList();
            assertEquals(List.of(201, 409), calls.stream().map(CompletableFuture::join).sorted().toList());
        } finally {
            pool.shutdown();
        }
        apply(clerk("5224"), household(VILLAGE, List.of(member(shared, "HEAD")), "1.00")).statusCode(409)
                .contentType("application/problem+json")
                .body("conflictingHouseholdCode", notNullValue())
                .body("errors.field", hasItem("members[0].residentId"))
                .body("detail", not(containsString(shared)));
    }

    @Test
    void aRemovedHouseholdsMembersMayBeRegisteredAgain() {
        String person = TestIds.next();
        String id = imported(household(VILLAGE, List.of(member(person, "HEAD")), "1.00"));
        post(county("5224"), id, "removal", Map.of("reason", "错评: income above line")).statusCode(200).body("state", equalTo("REMOVED"));
        Map<String, Object> again = household(VILLAGE, List.of(member(person, "HEAD")), "1.00");
        again.put("omissionCorrection", false);
        apply(clerk("5224"), again).statusCode(201);
    }

    @Test
    void idempotencyKeyReturnsTheSameHouseholdAndRefusesADifferentBody() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = household(VILLAGE, 2, "1.00");
        String first = given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/households").then().statusCode(201).extract().path("id");
        String second = given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/households").then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ?", first));
        given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(household(VILLAGE, 2, "1.00")).post("/api/v1/households")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void updatesNeedTheCurrentETagAndKeepMembersByPerson() throws Exception {
        String head = TestIds.next();
        String id = applied(household(VILLAGE, List.of(member(head, "HEAD")), "100.00"));
        Map<String, Object> change = household(VILLAGE, List.of(member(head, "HEAD"), member(TestIds.next(), "SPOUSE")), "300.00");
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body(change)
                .put("/api/v1/households/" + id).then().statusCode(428).body("errors.field", hasItem("If-Match"));
        given().header("Authorization", clerk("5224")).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(change)
                .put("/api/v1/households/" + id).then().statusCode(200).header("ETag", "\"2\"").body("memberCount", equalTo(2))
                .body("perCapitaNetIncome", equalTo("150.00"));
        given().header("Authorization", clerk("5224")).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(change)
                .put("/api/v1/households/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo(2));
        assertEquals(2, count("select count(*) from household_member where household_id = ?::uuid", id));
    }

    @Test
    void listFiltersPagesAndSorts() {
        String region = "522428104";
        String a = imported(household(region + "001", 1, "1.00"));
        String b = applied(household(region + "002", 3, "1.00"));
        given().header("Authorization", clerk("5224")).queryParam("region", region).queryParam("state", "REGISTERED")
                .get("/api/v1/households").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(a));
        given().header("Authorization", clerk("5224")).queryParam("region", region).queryParam("sort", "-memberCount")
                .queryParam("size", 1).get("/api/v1/households").then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(1)).body("items[0].id", equalTo(b));
        given().header("Authorization", clerk("5224")).queryParam("region", region).queryParam("withoutCadre", true)
                .get("/api/v1/households").then().statusCode(200).body("items.id", equalTo(List.of(a)));
        given().header("Authorization", clerk("5224")).queryParam("region", region).queryParam("cause", "LACK_OF_SKILLS")
                .get("/api/v1/households").then().statusCode(200).body("total", equalTo(2));
        given().header("Authorization", clerk("5224")).queryParam("sort", "headResidentId").get("/api/v1/households")
                .then().statusCode(400).body("errors.field", hasItem("sort"));
        given().header("Authorization", clerk("5224")).queryParam("state", "NOPE").get("/api/v1/households").then().statusCode(400)
                .body("errors.field", hasItem("state"));
    }

    @Test
    void unknownHouseholdIs404Problem() {
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    long count(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
