package org.fupin.household.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.fupin.household.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** The registration workflow and dynamic management over HTTP, the real database and real tokens. */
@QuarkusTest
class LifecycleApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static Map<String, Object> allConditions(boolean value) {
        Map<String, Object> m = new HashMap<>();
        for (String c : List.of("FOOD", "CLOTHING", "COMPULSORY_EDUCATION", "BASIC_MEDICAL_INSURANCE", "SAFE_HOUSING")) {
            m.put(c, value);
        }
        return m;
    }

    @Test
    void theWorkflowRunsToRegistrationAndEveryStepIsInTheHistory() {
        String id = applied(household(VILLAGE, 2, "20000.00"));
        register(id);
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + id).then().statusCode(200)
                .body("state", equalTo("REGISTERED")).body("identificationYear", equalTo(TODAY.minusDays(5).getYear()))
                .body("allowedSteps", equalTo(List.of()));
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("applied", "step:INVESTIGATED", "step:DEMOCRATICALLY_REVIEWED", "step:VILLAGE_NOTICE_STARTED",
                        "step:TOWNSHIP_REVIEWED", "step:TOWNSHIP_NOTICE_STARTED", "step:COUNTY_ANNOUNCED")))
                .body("toState", hasItems("APPLIED", "VILLAGE_NOTICE", "REGISTERED"))
                .body("actor", hasItems("clerk-5224", "township-5224", "county-5224"));
    }

    @Test
    void illegalStepsAre409NamingTheStateAndTheAllowedSteps() {
        String id = applied(household(VILLAGE, 1, "1.00"));
        step(clerk("5224"), id, "VILLAGE_NOTICE_STARTED", null).statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("APPLIED")).body("allowedSteps", equalTo(List.of("INVESTIGATED")));
        step(clerk("5224"), id, "INVESTIGATED", null).statusCode(200);
        step(clerk("5224"), id, "OBJECTION_RAISED", null).statusCode(409).body("currentState", equalTo("INVESTIGATED"));
    }

    @Test
    void aNoticeMustRunItsDaysAndAnObjectionSendsItBack() {
        String id = applied(household(VILLAGE, 1, "1.00"));
        step(clerk("5224"), id, "INVESTIGATED", TODAY.minusDays(3)).statusCode(200);
        step(clerk("5224"), id, "DEMOCRATICALLY_REVIEWED", TODAY.minusDays(3)).statusCode(200);
        step(clerk("5224"), id, "VILLAGE_NOTICE_STARTED", TODAY.minusDays(3)).statusCode(200).body("noticeStartedOn", equalTo(TODAY.minusDays(3).toString()));
        step(township("5224"), id, "TOWNSHIP_REVIEWED", TODAY).statusCode(409).body("detail", containsString("at least 7 days"));
        step(clerk("5224"), id, "OBJECTION_RAISED", TODAY).statusCode(200).body("state", equalTo("APPLIED")).body("noticeStartedOn", nullValue());
        step(clerk("5224"), id, "INVESTIGATED", TODAY.minusDays(10)).statusCode(400).body("errors.field", hasItem("date"));
        step(clerk("5224"), id, "INVESTIGATED", TODAY.plusDays(1)).statusCode(400).body("errors.field", hasItem("date"));
    }

    @Test
    void exitNeedsIncomeAboveTheLineAndEveryCondition() {
        String poor = imported(household(VILLAGE, 2, "7000.00"));   // 3500 per person, line 4000
        post(county("5224"), poor, "exit", Map.of("exitYear", 2025, "conditions", allConditions(true))).statusCode(422)
                .contentType("application/problem+json").body("unmet", equalTo(List.of("INCOME_NOT_ABOVE_POVERTY_LINE")))
                .body("perCapitaNetIncome", equalTo("3500.00")).body("povertyLine", equalTo("4000.00"));
        String id = imported(household(VILLAGE, 2, "9000.00"));     // 4500 per person
        Map<String, Object> conditions = allConditions(true);
        conditions.put("SAFE_HOUSING", false);
        conditions.remove("FOOD");
        post(county("5224"), id, "exit", Map.of("exitYear", 2025, "conditions", conditions)).statusCode(422)
                .body("unmet", equalTo(List.of("FOOD", "SAFE_HOUSING")));
        post(county("5224"), id, "exit", Map.of("exitYear", 2019, "conditions", allConditions(true))).statusCode(200)
                .body("state", equalTo("EXITED")).body("exitYear", equalTo(2019));
        post(county("5224"), id, "exit", Map.of("exitYear", 2025, "conditions", allConditions(true))).statusCode(409)
                .body("currentState", equalTo("EXITED"));
        post(county("5224"), id, "return", Map.of("year", 2025, "reason", "因病返贫")).statusCode(200)
                .body("state", equalTo("REGISTERED")).body("exitYear", nullValue());
        post(county("5224"), id, "return", Map.of("year", 2025, "reason", "again")).statusCode(409);
        post(county("5224"), id, "removal", Map.of("reason", "错评")).statusCode(200).body("state", equalTo("REMOVED"))
                .body("removalReason", equalTo("错评"));
        post(county("5224"), id, "removal", Map.of("reason", "again")).statusCode(409);
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + id + "/history").then()
                .body("action", hasItems("imported", "exited", "returned", "removed"))
                .body("remarks", hasItems("因病返贫", "错评"));
        post(county("5224"), poor, "exit", Map.of("exitYear", 2031, "conditions", allConditions(true))).statusCode(422)
                .body("unmet", hasItem("NO_POVERTY_LINE_FOR_YEAR"));
    }

    @Test
    void monitoringStartsOnLowIncomeOrHardshipAndEndsOnlyAfterTheStablePeriod() {
        String low = imported(household(VILLAGE, 1, "5000.00"));     // under 1.5 × 4000
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + low).then()
                .body("monitored", equalTo(true)).body("monitoringReasons", equalTo(List.of("INCOME_BELOW_MONITORING_THRESHOLD")));
        String ok = imported(household(VILLAGE, 1, "9000.00"));
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + ok).then().body("monitored", equalTo(false));
        post(clerk("5224"), ok, "hardships", Map.of("kind", "ILLNESS", "date", TODAY.minusMonths(7).toString())).statusCode(200)
                .body("monitored", equalTo(true)).body("monitoringReasons", equalTo(List.of("ILLNESS")));
        post(clerk("5224"), low, "monitoring/end", Map.of("reason", "stable income")).statusCode(422).body("errors.field", hasItem("date"));
        post(clerk("5224"), ok, "monitoring/end", Map.of("reason", "recovered, income stable")).statusCode(200)
                .body("monitored", equalTo(false));
        given().header("Authorization", clerk("5224")).queryParam("monitored", true).queryParam("region", VILLAGE)
                .get("/api/v1/households").then().body("items.id", hasItem(low));
    }

    @Test
    void assistanceCadreMeasuresAndVisits() {
        String id = imported(household(VILLAGE, 1, "9000.00"));
        given().header("Authorization", clerk("5224")).header("If-Match", "\"" + version(id) + "\"").contentType("application/json")
                .body(Map.of("cadreId", "staff-0042", "name", "李干部", "phone", "13800000000")).put("/api/v1/households/" + id + "/cadre")
                .then().statusCode(200).body("cadre.cadreId", equalTo("staff-0042"));
        given().header("Authorization", clerk("5224")).contentType("application/json")
                .body(Map.of("kind", "INDUSTRY", "description", "养殖 20 只鸡", "startedOn", TODAY.toString()))
                .post("/api/v1/households/" + id + "/assistance/measures").then().statusCode(201);
        given().header("Authorization", clerk("5224")).contentType("application/json").body(Map.of("notes", "走访：身体好转"))
                .post("/api/v1/households/" + id + "/assistance/visits").then().statusCode(201).body("visitor", equalTo("clerk-5224"));
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + id + "/assistance").then().statusCode(200)
                .body("cadre.name", equalTo("李干部")).body("measures.size()", equalTo(1)).body("visits[0].notes", equalTo("走访：身体好转"));
        given().header("Authorization", clerk("5224")).queryParam("withoutCadre", true).queryParam("region", VILLAGE)
                .get("/api/v1/households").then().body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }
}
