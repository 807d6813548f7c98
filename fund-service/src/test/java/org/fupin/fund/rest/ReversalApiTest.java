package org.fupin.fund.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.fund.FundFixtures.VILLAGE;
import static org.fupin.fund.FundFixtures.account;
import static org.fupin.fund.FundFixtures.allocated;
import static org.fupin.fund.FundFixtures.approver;
import static org.fupin.fund.FundFixtures.as;
import static org.fupin.fund.FundFixtures.assertConsistent;
import static org.fupin.fund.FundFixtures.clerk;
import static org.fupin.fund.FundFixtures.count;
import static org.fupin.fund.FundFixtures.disbursed;
import static org.fupin.fund.FundFixtures.post;
import static org.fupin.fund.FundFixtures.project;
import static org.fupin.fund.FundFixtures.reimbursement;
import static org.fupin.fund.FundFixtures.today;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /api/v1/reimbursements/{entryId}/reversal (红字冲销) over the real PostgreSQL, Kafka and OIDC issuer. */
@QuarkusTest
class ReversalApiTest {

    static String reversal(String entryId) {
        return "/api/v1/reimbursements/" + entryId + "/reversal";
    }

    static Map<String, Object> why() {
        return Map.of("reason", "凭证金额录入错误", "date", today().minusDays(5).toString());
    }

    @Test
    void aVoucherIsReversedOnceByANewEntryReferencingIt() {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        disbursed(p, "800.00");
        Map<String, Object> r = reimbursement(p, "300.00");
        String voucher = post(clerk("5224"), "/api/v1/reimbursements", r).statusCode(201).extract().path("id");

        post(approver("5224"), reversal(voucher), why()).statusCode(201).body("kind", equalTo("REVERSAL"))
                .body("referenceId", equalTo(voucher)).body("number", equalTo(r.get("voucherNumber")))
                .body("amount", equalTo("300.00")).body("reimbursedDelta", equalTo("-300.00"))
                .body("reason", equalTo("凭证金额录入错误")).body("date", equalTo(today().minusDays(5).toString()))
                .body("recordedBy", equalTo("fund-approver-5224"));
        assertEquals(List.of("1000.00", "800.00", "0.00"), account(p, "central-budget"));
        assertConsistent(p, "central-budget");
        // nothing edited or deleted: the voucher is still there
        assertEquals(1, count("select count(*) from ledger_entry where id = ?::uuid and kind = 'REIMBURSEMENT' and amount = 300.00", voucher));

        post(approver("5224"), reversal(voucher), why()).statusCode(409).body("type", endsWith("/already-reversed"));
        // the voucher keeps its number: a corrected voucher takes a new one
        Map<String, Object> again = reimbursement(p, "30.00");
        again.put("voucherNumber", r.get("voucherNumber"));
        post(clerk("5224"), "/api/v1/reimbursements", again).statusCode(409).body("type", endsWith("/duplicate-voucher"));
        assertEquals(List.of("1000.00", "800.00", "0.00"), account(p, "central-budget"));
    }

    @Test
    void onlyWholeVouchersAreReversedWithAReasonByAnApprover() {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        String payment = disbursed(p, "800.00");
        String voucher = post(clerk("5224"), "/api/v1/reimbursements", reimbursement(p, "300.00")).statusCode(201)
                .extract().path("id");
        post(clerk("5224"), reversal(voucher), why()).statusCode(403);
        post(approver("5224"), reversal(voucher), Map.of("reason", "错", "date", today().minusDays(5).toString(), "amount", "100.00"))
                .statusCode(422).body("type", endsWith("/reversal-amount")).body("errors[0].field", equalTo("amount"));
        post(approver("5224"), reversal(voucher), Map.of("reason", "错", "date", today().minusDays(5).toString(), "amount", 300))
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        post(approver("5224"), reversal(voucher), Map.of("date", today().minusDays(11).toString())).statusCode(400)
                .body("errors.field", hasItems("reason", "date"));
        post(approver("5224"), reversal(payment), why()).statusCode(422).body("type", endsWith("/not-a-voucher"));
        post(approver("5224"), reversal(UUID.randomUUID().toString()), why()).statusCode(404);
        // outside the caller's region the voucher does not exist
        post(approver("5301"), reversal(voucher), why()).statusCode(404);
        as(approver("5224")).body(why()).post(reversal(voucher)).then().statusCode(428);
        assertEquals(List.of("1000.00", "800.00", "300.00"), account(p, "central-budget"));

        // the whole amount given explicitly is fine; a retry with the same key reverses once
        String key = UUID.randomUUID().toString();
        Map<String, Object> whole = Map.of("reason", "错", "date", today().minusDays(5).toString(), "amount", "300.00");
        String id = as(approver("5224")).header("Idempotency-Key", key).body(whole).post(reversal(voucher)).then()
                .statusCode(201).extract().path("id");
        as(approver("5224")).header("Idempotency-Key", key).body(whole).post(reversal(voucher)).then().statusCode(201)
                .body("id", equalTo(id));
        assertEquals(List.of("1000.00", "800.00", "0.00"), account(p, "central-budget"));
    }
}
