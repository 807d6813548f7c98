package org.fupin.project.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
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
import static org.fupin.project.ProjectFixtures.progress;
import static org.fupin.project.ProjectFixtures.project;
import static org.fupin.project.ProjectFixtures.step;
import static org.fupin.project.ProjectFixtures.today;
import static org.fupin.project.ProjectFixtures.underConstruction;
import static org.fupin.project.ProjectFixtures.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Stage steps, adjustments, cancellation and progress over the real PostgreSQL, Kafka and OIDC issuer. */
@QuarkusTest
class ProjectLifecycleApiTest {

    @Test
    void aProjectGoesFromPlannedToAcceptedWithItsDatesAndDocuments() {
        String id = entered(project(VILLAGE));
        step(id, "PRE_APPROVAL", today().minusDays(20), null).statusCode(400).body("errors[0].field", equalTo("documentNumber"));
        step(id, "PRE_APPROVAL", today().minusDays(20), "赫发改〔2026〕1号").statusCode(200).header("ETag", "\"2\"")
                .body("stage", equalTo("PRE_APPROVAL_DONE")).body("approvalDocument", equalTo("赫发改〔2026〕1号"))
                .body("allowedSteps", contains("TENDERING", "CANCELLATION"));
        step(id, "TENDERING", today().minusDays(15), null).statusCode(200);
        step(id, "CONSTRUCTION_START", today().minusDays(10), null).statusCode(200).body("stage", equalTo("UNDER_CONSTRUCTION"))
                .body("stageDate", equalTo(today().minusDays(10).toString()));
        progress(id, today().minusDays(5), "60.5", "300000.00").statusCode(200)
                .body("progress.physicalProgress", equalTo("60.50")).body("progress.investmentCompleted", equalTo("300000.00"));
        step(id, "COMPLETION", today().minusDays(4), null).statusCode(422).body("type", endsWith("progress-not-complete"))
                .body("physicalProgress", equalTo("60.50"));
        progress(id, today().minusDays(3), "100", "700000.00").statusCode(200);
        step(id, "COMPLETION", today().minusDays(3), null).statusCode(200).body("stage", equalTo("COMPLETED"));
        step(id, "ACCEPTANCE", today().minusDays(1), "验收〔2026〕7号").statusCode(200)
                .body("stage", equalTo("ACCEPTED")).body("acceptanceDocument", equalTo("验收〔2026〕7号"))
                .body("allowedSteps", empty())
                .body("stageDates.keySet()", contains("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION",
                        "COMPLETED", "ACCEPTED"));
        as(viewer("5224")).get(PATH + "/" + id + "/history").then().statusCode(200)
                .body("action", contains("registered", "step:PRE_APPROVAL", "step:TENDERING", "step:CONSTRUCTION_START",
                        "progress-reported", "progress-reported", "step:COMPLETION", "step:ACCEPTANCE"))
                .body("[1].actor", equalTo("approver-5224")).body("[1].fromStage", equalTo("PLANNED"))
                .body("[1].toStage", equalTo("PRE_APPROVAL_DONE")).body("[1].date", equalTo(today().minusDays(20).toString()));
        // nothing after acceptance
        post(approver("5224"), id, "adjustments", Map.of("constructionScale", "300 亩", "reason", "r", "approvalDocument", "d"))
                .statusCode(409).body("currentStage", equalTo("ACCEPTED"));
        post(approver("5224"), id, "cancellation", Map.of("reason", "r")).statusCode(409);
    }

    @Test
    void anIllegalStepIs409WithTheCurrentStageAndTheAllowedSteps() {
        String id = entered(project(VILLAGE));
        step(id, "CONSTRUCTION_START", today(), null).statusCode(409).contentType("application/problem+json")
                .body("currentStage", equalTo("PLANNED")).body("allowedSteps", contains("PRE_APPROVAL", "CANCELLATION"))
                .body("errors[0].field", equalTo("step"));
        post(approver("5224"), id, "steps", Map.of("step", "FLY")).statusCode(400).body("errors[0].field", equalTo("step"));
        get(id).body("version", equalTo(1)).body("stage", equalTo("PLANNED"));
    }

    @Test
    void aCategoryThatSkipsTenderingGoesStraightToConstruction() {
        Map<String, Object> body = project(VILLAGE);
        body.put("category", "education");
        String id = entered(body);
        step(id, "PRE_APPROVAL", today().minusDays(3), "教〔2026〕2号").statusCode(200)
                .body("allowedSteps", contains("CONSTRUCTION_START", "CANCELLATION"));
        step(id, "TENDERING", today().minusDays(2), null).statusCode(409).body("allowedSteps", contains("CONSTRUCTION_START", "CANCELLATION"));
        step(id, "CONSTRUCTION_START", today().minusDays(2), null).statusCode(200).body("stage", equalTo("UNDER_CONSTRUCTION"));
    }

    @Test
    void stepDatesAreNeverBeforeThePreviousStepNorInTheFuture() {
        String id = entered(project(VILLAGE)); // entered 30 days ago
        step(id, "PRE_APPROVAL", today().minusDays(31), "d").statusCode(400).body("errors[0].field", equalTo("date"));
        step(id, "PRE_APPROVAL", today().plusDays(1), "d").statusCode(400).body("errors[0].field", equalTo("date"));
        get(id).body("version", equalTo(1));
    }

    @Test
    void ifMatchMustNameTheCurrentVersionWhenSent() {
        String id = entered(project(VILLAGE));
        Map<String, Object> body = Map.of("step", "PRE_APPROVAL", "documentNumber", "d", "date", today().toString());
        as(approver("5224")).header("If-Match", "\"2\"").body(body).post(PATH + "/" + id + "/steps").then().statusCode(412)
                .contentType("application/problem+json").body("currentVersion", equalTo(1));
        as(approver("5224")).header("If-Match", "W/\"1\"").body(body).post(PATH + "/" + id + "/steps").then().statusCode(412);
        get(id).body("version", equalTo(1));
        // without If-Match the change goes ahead (the contract: If-Match is accepted, not required)
        as(approver("5224")).body(body).post(PATH + "/" + id + "/steps").then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerInsteadOfChangingTwice() {
        Map<String, Object> body = project(VILLAGE);
        String key = UUID.randomUUID().toString();
        String id = as(clerk("5224")).header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(201).extract().path("id");
        as(clerk("5224")).header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(201).body("id", equalTo(id));
        Map<String, Object> other = new LinkedHashMap<>(body);
        other.put("name", "另一个项目");
        as(clerk("5224")).header("Idempotency-Key", key).body(other).post(PATH).then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));

        String stepKey = UUID.randomUUID().toString();
        Map<String, Object> s = Map.of("step", "PRE_APPROVAL", "documentNumber", "d", "date", today().toString());
        as(approver("5224")).header("Idempotency-Key", stepKey).header("If-Match", "\"1\"").body(s)
                .post(PATH + "/" + id + "/steps").then().statusCode(200).body("version", equalTo(2));
        // the retry (If-Match still "1") answers the project as it is, without a second step
        as(approver("5224")).header("Idempotency-Key", stepKey).header("If-Match", "\"1\"").body(s)
                .post(PATH + "/" + id + "/steps").then().statusCode(200).body("version", equalTo(2))
                .body("stage", equalTo("PRE_APPROVAL_DONE"));
        as(viewer("5224")).get(PATH + "/" + id + "/history").then().body("", hasSize(2));
    }

    @Test
    void anAdjustmentNeedsReasonAndDocumentAndKeepsBeforeAndAfter() {
        String id = entered(project(VILLAGE));
        underConstruction(id);
        post(approver("5224"), id, "adjustments", Map.of("constructionScale", "300 亩")).statusCode(400)
                .body("errors.field", hasItems("reason", "approvalDocument"));
        progress(id, today().minusDays(2), "20.00", "500000.00").statusCode(200);
        post(approver("5224"), id, "adjustments", Map.of("budget", Map.of("central-budget", "400000.00"), "reason", "缩减",
                "approvalDocument", "调〔2026〕1号")).statusCode(422).body("type", endsWith("budget-below-investment"))
                .body("errors[0].field", equalTo("budget"));
        post(approver("5224"), id, "adjustments", Map.of("budget", Map.of("central-budget", "800000.00", "bank-loans", "200000.00"),
                "constructionScale", "300 亩", "reason", "追加县级配套资金", "approvalDocument", "调〔2026〕2号",
                "date", today().minusDays(1).toString())).statusCode(200)
                .body("budgetTotal", equalTo("1000000.00")).body("constructionScale", equalTo("300 亩"))
                .body("stage", equalTo("UNDER_CONSTRUCTION"));
        as(viewer("5224")).get(PATH + "/" + id + "/history").then()
                .body("find { it.action == 'adjusted' }.remarks", equalTo("追加县级配套资金 (调〔2026〕2号)"))
                .body("find { it.action == 'adjusted' }.changes.field", contains("constructionScale", "budget"))
                .body("find { it.action == 'adjusted' }.changes[0].before", equalTo("200 亩"))
                .body("find { it.action == 'adjusted' }.changes[0].after", equalTo("300 亩"));
    }

    @Test
    void aProjectIsCancelledBeforeCompletionWithAReasonAndNothingFollows() {
        String id = entered(project(VILLAGE));
        step(id, "PRE_APPROVAL", today().minusDays(20), "d").statusCode(200);
        post(approver("5224"), id, "cancellation", Map.of("date", today().toString())).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post(approver("5224"), id, "cancellation", Map.of("reason", "群众意愿变化", "documentNumber", "终〔2026〕1号"))
                .statusCode(200).body("stage", equalTo("CANCELLED")).body("cancelledFrom", equalTo("PRE_APPROVAL_DONE"))
                .body("cancellationReason", equalTo("群众意愿变化")).body("allowedSteps", empty());
        step(id, "TENDERING", today(), null).statusCode(409).body("currentStage", equalTo("CANCELLED"))
                .body("allowedSteps", empty());
        get(id).statusCode(200).body("stage", equalTo("CANCELLED")); // nothing is deleted
    }

    @Test
    void progressIsReportedFromConstructionOnAndNeverGoesBackwardsWithoutAReason() {
        String id = entered(project(VILLAGE));
        progress(id, today(), "10", "1.00").statusCode(409).body("currentStage", equalTo("PLANNED"));
        underConstruction(id);
        progress(id, today().minusDays(11), "10", "1.00").statusCode(400).body("errors[0].field", equalTo("reportDate"));
        progress(id, today().plusDays(1), "10", "1.00").statusCode(400).body("errors[0].field", equalTo("reportDate"));
        progress(id, today(), "101", "1.00").statusCode(400).body("errors[0].field", equalTo("physicalProgress"));
        progress(id, today(), "10", "abc").statusCode(400).body("errors[0].field", equalTo("investmentCompleted"));
        progress(id, today(), "10", "999999999.00").statusCode(422).body("type", endsWith("investment-exceeds-budget"));
        progress(id, today().minusDays(5), "40.00", "200000.00").statusCode(200);
        progress(id, today().minusDays(4), "30.00", "200000.00").statusCode(422).body("type", endsWith("progress-backwards"))
                .body("errors.field", contains("physicalProgress"));
        post(clerk("5224"), id, "progress", Map.of("reportDate", today().minusDays(4).toString(), "physicalProgress", "30.00",
                "investmentCompleted", "150000.00", "correctionReason", "上次填报有误")).statusCode(200)
                .body("progress.physicalProgress", equalTo("30.00"));
        as(viewer("5224")).get(PATH + "/" + id + "/history").then()
                .body("action", hasItems("progress-reported", "progress-corrected"));
    }
}
