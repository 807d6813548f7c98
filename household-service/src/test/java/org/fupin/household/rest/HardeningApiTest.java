package org.fupin.household.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fupin.household.TestIds;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fupin.household.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small defects of issue 6 over HTTP: amounts, enum errors, idempotency fingerprints, If-Match, rows V2 wrote. */
@QuarkusTest
class HardeningApiTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anAmountWithMoreThanTwelveIntegerDigitsIs400NamingTheField() {
        Map<String, Object> body = household(VILLAGE, 1, "12345678901234.00");
        apply(clerk("5224"), body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("incomeItems.WAGES"));
        given().header("Authorization", importer("52")).contentType(ContentType.JSON)
                .body(Map.of("household", body, "identificationYear", 2016)).post("/api/v1/households/registered")
                .then().statusCode(400).body("errors.field", hasItem("household.incomeItems.WAGES"));
        // each item fits, their total (net_income, NUMERIC(14,2)) does not
        body.put("incomeItems", Map.of("WAGES", "999999999999.00", "TRANSFER", "999999999999.00"));
        apply(clerk("5224"), body).statusCode(400).body("errors.field", hasItem("incomeItems"));
        body.put("incomeItems", Map.of("WAGES", "999999999999.99"));
        apply(clerk("5224"), body).statusCode(201).body("netIncome", equalTo("999999999999.99"));
    }

    @Test
    void aWrongEnumValueNamesTheFieldAndTheAllowedValuesNotTheJavaClass() {
        Map<String, Object> body = household(VILLAGE, 1, "1.00");
        body.put("householdType", "RICH");
        apply(clerk("5224"), body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("householdType")))
                .body("errors[0].message", equalTo("must be one of [ORDINARY, MINIMUM_LIVING_ALLOWANCE, EXTREME_POVERTY_SUPPORT, POLICY_SAFETY_NET]"))
                .body(not(containsString("org.fupin"))).body(not(containsString("HouseholdType")));
        Map<String, Object> items = household(VILLAGE, 1, "1.00");
        items.put("incomeItems", Map.of("SALARY", "1.00"));
        apply(clerk("5224"), items).statusCode(400).body("errors[0].message", containsString("WAGES"))
                .body(not(containsString("org.fupin")));
    }

    @Test
    void theSameRequestWithItsKeysInAnotherOrderIsTheSameIdempotentRequest() {
        String head = TestIds.next();
        String child = TestIds.next();
        Map<String, Object> wagesFirst = new LinkedHashMap<>();
        wagesFirst.put("WAGES", "100.00");
        wagesFirst.put("TRANSFER", "20.00");
        Map<String, Object> transferFirst = new LinkedHashMap<>();
        transferFirst.put("TRANSFER", "20.00");
        transferFirst.put("WAGES", "100.00");
        Map<String, Object> first = household(VILLAGE, List.of(member(head, "HEAD"), member(child, "CHILD")), "0");
        first.put("incomeItems", wagesFirst);
        Map<String, Object> headReversed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(member(head, "HEAD").keySet());
        java.util.Collections.reverse(keys);
        Map<String, Object> h = member(head, "HEAD");
        keys.forEach(k -> headReversed.put(k, h.get(k)));
        Map<String, Object> second = household(VILLAGE, List.of(headReversed, member(child, "CHILD")), "0");
        second.put("incomeItems", transferFirst);
        String key = UUID.randomUUID().toString();
        String a = given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(first).post("/api/v1/households").then().statusCode(201).extract().path("id");
        String b = given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(second).post("/api/v1/households").then().statusCode(201).extract().path("id");
        assertEquals(a, b);
        // still a different request is refused
        second.put("incomeItems", Map.of("WAGES", "100.00"));
        given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(second).post("/api/v1/households").then().statusCode(422).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void ifMatchComparesStronglyAndReadsLists() {
        String id = applied(household(VILLAGE, 1, "100.00"));
        Map<String, Object> step = Map.of("step", "INVESTIGATED");
        given().header("Authorization", clerk("5224")).header("If-Match", "W/\"1\"").contentType(ContentType.JSON).body(step)
                .post("/api/v1/households/" + id + "/steps").then().statusCode(412).body("errors.field", hasItem("If-Match"));
        given().header("Authorization", clerk("5224")).header("If-Match", "1").contentType(ContentType.JSON).body(step)
                .post("/api/v1/households/" + id + "/steps").then().statusCode(400).body("errors.field", hasItem("If-Match"));
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body(step)
                .post("/api/v1/households/" + id + "/steps").then().statusCode(428);
        given().header("Authorization", clerk("5224")).header("If-Match", "\"0\", \"1\"").contentType(ContentType.JSON).body(step)
                .post("/api/v1/households/" + id + "/steps").then().statusCode(200).body("state", equalTo("INVESTIGATED"));
        given().header("Authorization", clerk("5224")).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("step", "DEMOCRATICALLY_REVIEWED")).post("/api/v1/households/" + id + "/steps").then().statusCode(412);
    }

    /** A member as V2 created it for a household registered before it, after V5 repaired its unknown values. */
    @Test
    void aHouseholdWhoseMemberV2CreatedCanBeRead() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into household (id, household_code, region_code, head_name,"
                    + " head_id_hash, head_id_encrypted, head_id_masked, member_count, state, version, created_at, created_by,"
                    + " updated_at, updated_by, identification_year) values (?, ?, ?, '王旧户', ?, 'legacy', '522428********0000', 1,"
                    + " 'REGISTERED', 1, now(), 'v1', now(), 'v1', 2016)")) {
                ps.setObject(1, id);
                ps.setString(2, "V1-" + id.toString().substring(0, 13));
                ps.setString(3, VILLAGE);
                ps.setString(4, "legacy-" + id);
                ps.executeUpdate();
            }
            // exactly what V2's insert ... select writes, then what V5 changes
            try (PreparedStatement ps = c.prepareStatement("insert into household_member (id, household_id, position, name, id_hash,"
                    + " id_encrypted, id_masked, person_id, relation, sex, birth_date, health, disability, labour_ability, education,"
                    + " schooling_status, migrant_work, active) select gen_random_uuid(), id, 0, head_name, head_id_hash,"
                    + " head_id_encrypted, head_id_masked, substr(head_id_hash, 1, 32), 'HEAD', null, null, 'HEALTHY', 'NONE',"
                    + " 'NORMAL', null, 'NOT_OF_SCHOOL_AGE', false, true from household where id = ?")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
        }
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + id).then().statusCode(200)
                .body("members[0].relation", equalTo("HEAD")).body("members[0].sex", nullValue())
                .body("members[0].education", nullValue()).body("members[0].birthDate", nullValue());
    }
}
