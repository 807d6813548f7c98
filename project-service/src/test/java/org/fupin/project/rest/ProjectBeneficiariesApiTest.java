package org.fupin.project.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fupin.project.ReplicaRows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.project.ProjectFixtures.PATH;
import static org.fupin.project.ProjectFixtures.VILLAGE;
import static org.fupin.project.ProjectFixtures.approver;
import static org.fupin.project.ProjectFixtures.as;
import static org.fupin.project.ProjectFixtures.clerk;
import static org.fupin.project.ProjectFixtures.entered;
import static org.fupin.project.ProjectFixtures.get;
import static org.fupin.project.ProjectFixtures.post;
import static org.fupin.project.ProjectFixtures.project;
import static org.fupin.project.ProjectFixtures.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** 带贫户: households of the replica linked to projects, over the real PostgreSQL. */
@QuarkusTest
class ProjectBeneficiariesApiTest {

    @Inject
    AgroalDataSource db;

    Map<String, Object> industry() {
        Map<String, Object> body = project(VILLAGE);
        body.put("category", "industry");
        return body;
    }

    @Test
    void registeredAndExitedHouseholdsOfTheCountyAreLinkedAndCompleteTheRecord() {
        String registered = ReplicaRows.code();
        String exited = ReplicaRows.code();
        UUID r = ReplicaRows.household(db, registered, "522428103201", "REGISTERED", 4);
        UUID e = ReplicaRows.household(db, exited, "522428200105", "EXITED", 2); // another township of the county
        String id = entered(industry());
        get(id).body("missingFields", contains("beneficiaries"));
        as(clerk("5224")).header("If-Match", "\"1\"").body(Map.of("householdCodes", List.of(registered, exited, registered)))
                .put(PATH + "/" + id + "/beneficiaries").then().statusCode(200).header("ETag", "\"2\"")
                .body("beneficiaries.householdId", contains(r.toString(), e.toString()))
                .body("beneficiaries.householdCode", contains(registered, exited))
                .body("beneficiaries.flag", contains(nullValue(), nullValue()))
                .body("missingFields", empty());
        as(viewer("5224")).get(PATH + "/" + id + "/history").then()
                .body("[1].action", equalTo("beneficiaries-changed")).body("[1].changes[0].after", equalTo("2"));
        // an empty list unlinks every household
        as(clerk("5224")).body(Map.of("householdCodes", List.of())).put(PATH + "/" + id + "/beneficiaries").then()
                .statusCode(200).body("beneficiaries", empty()).body("missingFields", contains("beneficiaries"));
        as(clerk("5224")).body(Map.of()).put(PATH + "/" + id + "/beneficiaries").then()
                .statusCode(400).body("errors[0].field", equalTo("householdCodes"));
    }

    @Test
    void eachOffendingCodeIsNamedAnd422ChangesNothing() {
        String ok = ReplicaRows.code();
        String applied = ReplicaRows.code();
        String otherCounty = ReplicaRows.code();
        ReplicaRows.household(db, ok, VILLAGE, "REGISTERED", 3);
        ReplicaRows.household(db, applied, VILLAGE, "APPLIED", 3);
        ReplicaRows.household(db, otherCounty, "522401001001", "REGISTERED", 3);
        String unknown = ReplicaRows.code();
        String id = entered(industry());
        as(clerk("5224")).body(Map.of("householdCodes", List.of(ok, applied, otherCounty, unknown)))
                .put(PATH + "/" + id + "/beneficiaries").then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("beneficiaries-not-eligible"))
                .body("errors.field", contains("householdCodes[1]", "householdCodes[2]", "householdCodes[3]"))
                .body("errors[0].message", containsString("not a registered or exited household"))
                .body("errors[1].message", containsString("is not a household of county 522428"))
                .body("errors[2].message", containsString("is not a household of county 522428"))
                .body("offending.householdCode", contains(applied, otherCounty, unknown));
        get(id).body("version", equalTo(1)).body("beneficiaries", empty());
    }

    @Test
    void aLinkedHouseholdRemovedLaterStaysLinkedAndIsFlagged() {
        String code = ReplicaRows.code();
        UUID h = ReplicaRows.household(db, code, VILLAGE, "REGISTERED", 5);
        String id = entered(industry());
        as(clerk("5224")).body(Map.of("householdCodes", List.of(code))).put(PATH + "/" + id + "/beneficiaries").then().statusCode(200);
        ReplicaRows.state(db, h, "REMOVED"); // 剔除 in household-service, replicated
        get(id).statusCode(200).body("beneficiaries.householdCode", contains(code)).body("beneficiaries.flag", contains("REMOVED"))
                .body("missingFields", empty());
        // still linked: the list may be sent again with it
        as(clerk("5224")).body(Map.of("householdCodes", List.of(code))).put(PATH + "/" + id + "/beneficiaries").then().statusCode(200);
        // but not linked anew to another project
        String other = entered(industry());
        as(clerk("5224")).body(Map.of("householdCodes", List.of(code))).put(PATH + "/" + other + "/beneficiaries").then()
                .statusCode(422).body("errors[0].field", equalTo("householdCodes[0]"));
    }

    @Test
    void aCancelledProjectKeepsItsBeneficiaries() {
        String id = entered(industry());
        post(approver("5224"), id, "cancellation", Map.of("reason", "终止")).statusCode(200);
        as(clerk("5224")).body(Map.of("householdCodes", List.of())).put(PATH + "/" + id + "/beneficiaries").then()
                .statusCode(409).body("currentStage", equalTo("CANCELLED"));
    }
}
