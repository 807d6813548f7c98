package org.fupin.household.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fupin.household.TestIds;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fupin.household.Fixtures.VILLAGE;
import static org.fupin.household.Fixtures.apply;
import static org.fupin.household.Fixtures.clerk;
import static org.fupin.household.Fixtures.household;
import static org.fupin.household.Fixtures.member;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Failure 7 of issue 6: no answer tells a clerk where a person is registered outside the clerk's region. */
@QuarkusTest
class RegionPrivacyTest {

    /** A household in region 5224 whose office code begins with 5201 (an office may give its own code). */
    static String codeStartingWith(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> withPerson(String village, String person) {
        return household(village, List.of(member(TestIds.next(), "HEAD"), member(person, "CHILD")), "1.00");
    }

    @Test
    void a409OutsideTheCallersRegionNamesNeitherTheHouseholdNorItsRegion() {
        String person = TestIds.next();
        String code = codeStartingWith("520100");
        Map<String, Object> first = withPerson(VILLAGE, person);
        first.put("householdCode", code);
        apply(clerk("5224"), first).statusCode(201);

        // a clerk of 5201, whose prefix the code begins with, and a clerk of an unrelated province
        for (var other : List.of(Map.entry("5201", "520102001001"), Map.entry("53", "530102001001"))) {
            String token = clerk(other.getKey());
            String body = apply(token, withPerson(other.getValue(), person)).statusCode(409).contentType("application/problem+json")
                    .body("conflictingHouseholdCode", nullValue())
                    .body("detail", containsString("another region"))
                    .body("errors.field", hasItem("members[1].residentId"))
                    .extract().asString();
            assertNotIn(body, code, "522428", person);
            // the same through the single import of a registered household
            String importer = Tokens.bearer("importer-" + other.getKey(), other.getKey(), Roles.HOUSEHOLD_IMPORTER);
            String imported = given().header("Authorization", importer).contentType(ContentType.JSON)
                    .body(Map.of("household", withPerson(other.getValue(), person), "identificationYear", 2016))
                    .post("/api/v1/households/registered").then().statusCode(409)
                    .body("conflictingHouseholdCode", nullValue()).extract().asString();
            assertNotIn(imported, code, "522428", person);
        }

        // inside the caller's region the other household may be named
        apply(clerk("52"), withPerson("522428103202", person)).statusCode(409)
                .body("conflictingHouseholdCode", equalTo(code)).body("detail", containsString(code));
    }

    @Test
    void aReplayedIdempotencyKeyAnswersOnlyWithWhatTheCallerMayRead() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = household(VILLAGE, 2, "1.00");
        String alice5224 = Tokens.bearer("alice", "5224", Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER);
        String id = given().header("Authorization", alice5224).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/households").then().statusCode(201).extract().path("id");
        // the same caller replays: the same household
        given().header("Authorization", alice5224).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/households").then().statusCode(201).body("id", equalTo(id));
        // the same caller, now holding a token of another region, replays the same request: nothing of the household
        String alice5201 = Tokens.bearer("alice", "5201", Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER);
        String answer = given().header("Authorization", alice5201).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/households").then().statusCode(anyOf(is(403), is(404)))
                .contentType("application/problem+json").extract().asString();
        assertNotIn(answer, id);
    }

    static void assertNotIn(String body, String... secrets) {
        for (String s : secrets) {
            org.hamcrest.MatcherAssert.assertThat(body, not(containsString(s)));
        }
    }
}
