package org.fupin.fund.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.fund.FundFixtures.OTHER_COUNTY_VILLAGE;
import static org.fupin.fund.FundFixtures.OTHER_PROVINCE_VILLAGE;
import static org.fupin.fund.FundFixtures.VILLAGE;
import static org.fupin.fund.FundFixtures.account;
import static org.fupin.fund.FundFixtures.allocated;
import static org.fupin.fund.FundFixtures.approver;
import static org.fupin.fund.FundFixtures.as;
import static org.fupin.fund.FundFixtures.assertConsistent;
import static org.fupin.fund.FundFixtures.clerk;
import static org.fupin.fund.FundFixtures.code;
import static org.fupin.fund.FundFixtures.count;
import static org.fupin.fund.FundFixtures.disbursed;
import static org.fupin.fund.FundFixtures.post;
import static org.fupin.fund.FundFixtures.project;
import static org.fupin.fund.FundFixtures.reimbursed;
import static org.fupin.fund.FundFixtures.restage;
import static org.fupin.fund.FundFixtures.today;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /api/v1/fund-adjustments (资金调整) and /api/v1/recalls (结余资金收回) over the real PostgreSQL, Kafka and OIDC issuer. */
@QuarkusTest
class AdjustmentAndRecallApiTest {

    static final String ADJUSTMENTS = "/api/v1/fund-adjustments";
    static final String RECALLS = "/api/v1/recalls";

    static Map<String, Object> adjustment(UUID from, UUID to, String amount) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("fromProjectId", from.toString());
        b.put("toProjectId", to.toString());
        b.put("source", "central-budget");
        b.put("amount", amount);
        b.put("documentNumber", "黔财农调〔" + today().getYear() + "〕3号");
        b.put("documentDate", today().minusDays(3).toString());
        b.put("reason", "项目实施内容调整");
        return b;
    }

    static Map<String, Object> recall(UUID project, String amount) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("projectId", project.toString());
        b.put("source", "central-budget");
        if (amount != null) {
            b.put("amount", amount);
        }
        b.put("documentNumber", "黔财农收〔" + today().getYear() + "〕1号");
        b.put("documentDate", today().minusDays(1).toString());
        b.put("remarks", "项目结余");
        return b;
    }

    @Test
    void undisbursedMoneyMovesBetweenProjectsOfOneCountyBothSidesRecorded() {
        UUID a = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        UUID b = project(VILLAGE, "PLANNED", "central-budget", "800.00");
        allocated(a, "1000.00");
        disbursed(a, "300.00");
        allocated(b, "200.00");

        String adjustmentId = post(approver("5224"), ADJUSTMENTS, adjustment(a, b, "600.00")).statusCode(201)
                .body("entries", hasSize(2))
                .body("entries[0].kind", equalTo("ADJUSTMENT_OUT")).body("entries[0].projectId", equalTo(a.toString()))
                .body("entries[0].allocatedDelta", equalTo("-600.00")).body("entries[0].counterpartProjectId", equalTo(b.toString()))
                .body("entries[0].ledgerVersion", equalTo(3)).body("entries[0].reason", equalTo("项目实施内容调整"))
                .body("entries[1].kind", equalTo("ADJUSTMENT_IN")).body("entries[1].projectId", equalTo(b.toString()))
                .body("entries[1].projectCode", equalTo(code(b)))
                .body("entries[1].allocatedDelta", equalTo("600.00")).body("entries[1].ledgerVersion", equalTo(2))
                .extract().path("adjustmentId");
        assertEquals(2, count("select count(*) from ledger_entry where reference_id = ?::uuid", adjustmentId));
        assertEquals(List.of("400.00", "300.00", "0.00"), account(a, "central-budget"));
        assertEquals(List.of("800.00", "0.00", "0.00"), account(b, "central-budget"));
        assertConsistent(a, "central-budget");
        assertConsistent(b, "central-budget");

        // only what was allocated and not disbursed leaves (naming the giving project); the receiver within its budget
        post(approver("5224"), ADJUSTMENTS, adjustment(a, b, "100.01")).statusCode(422)
                .body("type", endsWith("/exceeds-undisbursed")).body("projectId", equalTo(a.toString()))
                .body("excess", equalTo("0.01"));
        UUID c = project(VILLAGE, "PLANNED", "central-budget", "50.00");
        post(approver("5224"), ADJUSTMENTS, adjustment(a, c, "50.01")).statusCode(422)
                .body("type", endsWith("/exceeds-budget")).body("projectId", equalTo(c.toString()))
                .body("source", equalTo("central-budget")).body("excess", equalTo("0.01"));
        assertEquals(List.of("400.00", "300.00", "0.00"), account(a, "central-budget"));
        assertEquals(List.of("none"), account(c, "central-budget"));
    }

    @Test
    void adjustmentsStayInOneCountyAndNeedAnApproverAndTheirDocument() {
        UUID a = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        UUID other = project(OTHER_COUNTY_VILLAGE, "PLANNED", "central-budget", "1000.00");
        UUID yunnan = project(OTHER_PROVINCE_VILLAGE, "PLANNED", "central-budget", "1000.00");
        UUID cancelled = project(VILLAGE, "CANCELLED", "central-budget", "1000.00");
        allocated(a, "1000.00");
        post(approver("52"), ADJUSTMENTS, adjustment(a, other, "10.00")).statusCode(422).body("type", endsWith("/different-county"));
        post(approver("5224"), ADJUSTMENTS, adjustment(a, yunnan, "10.00")).statusCode(403)
                .body("errors[0].field", equalTo("toProjectId"));
        post(approver("5224"), ADJUSTMENTS, adjustment(a, cancelled, "10.00")).statusCode(422)
                .body("type", endsWith("/project-cancelled"));
        post(approver("5224"), ADJUSTMENTS, adjustment(a, a, "10.00")).statusCode(400).body("errors[0].field", equalTo("toProjectId"));
        post(clerk("5224"), ADJUSTMENTS, adjustment(a, cancelled, "10.00")).statusCode(403);
        Map<String, Object> bare = adjustment(a, project(VILLAGE, "PLANNED", "central-budget", "10.00"), "10.00");
        bare.remove("documentNumber");
        bare.remove("reason");
        bare.put("amount", 10);
        post(approver("5224"), ADJUSTMENTS, bare).statusCode(400).body("errors[0].field", equalTo("amount"));
        bare.put("amount", "10.00");
        post(approver("5224"), ADJUSTMENTS, bare).statusCode(400).body("errors.field", hasItems("documentNumber", "reason"));
        as(approver("5224")).body(adjustment(a, cancelled, "10.00")).post(ADJUSTMENTS).then().statusCode(428);
        assertEquals(List.of("1000.00", "0.00", "0.00"), account(a, "central-budget"));

        // a retried adjustment moves the money once
        UUID b = project(VILLAGE, "PLANNED", "central-budget", "1000.00");
        String key = UUID.randomUUID().toString();
        String id = as(approver("5224")).header("Idempotency-Key", key).body(adjustment(a, b, "10.00")).post(ADJUSTMENTS)
                .then().statusCode(201).extract().path("adjustmentId");
        as(approver("5224")).header("Idempotency-Key", key).body(adjustment(a, b, "10.00")).post(ADJUSTMENTS)
                .then().statusCode(201).body("adjustmentId", equalTo(id)).body("entries", hasSize(2));
        assertEquals(List.of("990.00", "0.00", "0.00"), account(a, "central-budget"));
    }

    @Test
    void theUnspentBalanceOfAClosedProjectIsRecalled() {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        disbursed(p, "600.00");
        reimbursed(p, "400.00");
        post(approver("5224"), RECALLS, recall(p, null)).statusCode(409).body("type", endsWith("/project-not-closed"))
                .body("stage", equalTo("UNDER_CONSTRUCTION"));
        restage(p, "COMPLETED", 2);
        post(clerk("5224"), RECALLS, recall(p, null)).statusCode(403);
        post(approver("5224"), RECALLS, recall(p, "600.01")).statusCode(422).body("type", endsWith("/exceeds-balance"))
                .body("excess", equalTo("0.01"));
        post(approver("5224"), RECALLS, recall(p, "-1")).statusCode(400).body("errors[0].field", equalTo("amount"));
        Map<String, Object> backdated = recall(p, null);
        backdated.put("documentDate", today().minusDays(15).toString());
        post(approver("5224"), RECALLS, backdated).statusCode(422).body("type", endsWith("/recall-backdated"));
        as(approver("5224")).body(recall(p, null)).post(RECALLS).then().statusCode(428);

        // the whole balance by default: the undisbursed 400 first, then the 200 the unit pays back (缴回)
        post(approver("5224"), RECALLS, recall(p, null)).statusCode(201).body("kind", equalTo("RECALL"))
                .body("amount", equalTo("600.00")).body("allocatedDelta", equalTo("-600.00"))
                .body("disbursedDelta", equalTo("-200.00")).body("reimbursedDelta", equalTo("0.00"))
                .body("reason", equalTo("项目结余"));
        assertEquals(List.of("400.00", "400.00", "400.00"), account(p, "central-budget"));
        assertConsistent(p, "central-budget");
        post(approver("5224"), RECALLS, recall(p, null)).statusCode(422).body("type", endsWith("/nothing-to-recall"));

        UUID yunnan = project(OTHER_PROVINCE_VILLAGE, "COMPLETED", "central-budget", "1000.00");
        post(approver("5224"), RECALLS, recall(yunnan, null)).statusCode(403).body("errors[0].field", equalTo("projectId"));
    }
}
