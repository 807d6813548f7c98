package org.fupin.fund.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.fund.FundFixtures.COUNTY;
import static org.fupin.fund.FundFixtures.OTHER_COUNTY_VILLAGE;
import static org.fupin.fund.FundFixtures.OTHER_PROVINCE_VILLAGE;
import static org.fupin.fund.FundFixtures.VILLAGE;
import static org.fupin.fund.FundFixtures.account;
import static org.fupin.fund.FundFixtures.allocated;
import static org.fupin.fund.FundFixtures.as;
import static org.fupin.fund.FundFixtures.assertConsistent;
import static org.fupin.fund.FundFixtures.clerk;
import static org.fupin.fund.FundFixtures.code;
import static org.fupin.fund.FundFixtures.count;
import static org.fupin.fund.FundFixtures.disbursed;
import static org.fupin.fund.FundFixtures.disbursement;
import static org.fupin.fund.FundFixtures.post;
import static org.fupin.fund.FundFixtures.project;
import static org.fupin.fund.FundFixtures.reimbursement;
import static org.fupin.fund.FundFixtures.restage;
import static org.fupin.fund.FundFixtures.today;
import static org.fupin.fund.FundFixtures.viewer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /api/v1/disbursements and /api/v1/reimbursements over the real PostgreSQL, Kafka and OIDC issuer. */
@QuarkusTest
class DisbursementAndReimbursementApiTest {

    static final String DISBURSEMENTS = "/api/v1/disbursements";
    static final String REIMBURSEMENTS = "/api/v1/reimbursements";

    @Test
    void moneyIsDisbursedThenReimbursedWithinWhatArrived() {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "100000.00");
        allocated(p, "80000.00");
        Map<String, Object> d = disbursement(p, "50000.00");
        post(clerk("5224"), DISBURSEMENTS, d).statusCode(201).contentType("application/json")
                .header("Location", containsString("/api/v1/fund-entries/"))
                .body("id", notNullValue()).body("kind", equalTo("DISBURSEMENT")).body("projectId", equalTo(p.toString()))
                .body("projectCode", equalTo(code(p))).body("source", equalTo("central-budget"))
                .body("countyCode", equalTo(COUNTY)).body("regionCode", equalTo(VILLAGE)).body("amount", equalTo("50000.00"))
                .body("date", equalTo(d.get("date"))).body("number", equalTo(d.get("paymentOrderNumber")))
                .body("documentId", nullValue()).body("allocatedDelta", equalTo("0.00")).body("disbursedDelta", equalTo("50000.00"))
                .body("reimbursedDelta", equalTo("0.00")).body("ledgerVersion", equalTo(2))
                .body("recordedBy", equalTo("fund-clerk-5224")).body("recordedAt", notNullValue());
        // the last yuan may go, not one fen more
        post(clerk("5224"), DISBURSEMENTS, disbursement(p, "30000.01")).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/exceeds-allocation")).body("projectId", equalTo(p.toString()))
                .body("projectCode", equalTo(code(p))).body("source", equalTo("central-budget"))
                .body("limit", equalTo("30000.00")).body("excess", equalTo("0.01")).body("errors[0].field", equalTo("amount"));
        post(clerk("5224"), DISBURSEMENTS, disbursement(p, "30000.00")).statusCode(201).body("ledgerVersion", equalTo(3));

        Map<String, Object> r = reimbursement(p, "79999.99");
        post(clerk("5224"), REIMBURSEMENTS, r).statusCode(201).body("kind", equalTo("REIMBURSEMENT"))
                .body("number", equalTo(r.get("voucherNumber"))).body("expenseKind", equalTo("工程款"))
                .body("reimbursedDelta", equalTo("79999.99")).body("disbursedDelta", equalTo("0.00"));
        post(clerk("5224"), REIMBURSEMENTS, reimbursement(p, "0.02")).statusCode(422)
                .body("type", endsWith("/exceeds-disbursement")).body("projectId", equalTo(p.toString()))
                .body("source", equalTo("central-budget")).body("excess", equalTo("0.01"));
        assertEquals(List.of("80000.00", "80000.00", "79999.99"), account(p, "central-budget"));
        assertConsistent(p, "central-budget");
        assertEquals(4, count("select version from project_ledger where project_id = ?", p));
        assertEquals(4, count("select count(*) from audit_log where entity_type = 'fund' and entity_id = ?", p.toString()));
    }

    @Test
    void aDisbursementMustFindTheMoneyOnItsOwnDate() {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00"); // dated 30 days ago
        Map<String, Object> early = disbursement(p, "10.00");
        early.put("date", today().minusDays(40).toString());
        post(clerk("5224"), DISBURSEMENTS, early).statusCode(422).body("type", endsWith("/not-covered-on-date"))
                .body("errors[0].field", equalTo("date"));
        Map<String, Object> future = disbursement(p, "10.00");
        future.put("date", today().plusDays(1).toString());
        post(clerk("5224"), DISBURSEMENTS, future).statusCode(400).body("errors[0].field", equalTo("date"));
    }

    @Test
    void aRetriedDisbursementPaysOnce() {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        Map<String, Object> d = disbursement(p, "600.00");
        as(clerk("5224")).body(d).post(DISBURSEMENTS).then().statusCode(428)
                .body("type", endsWith("/idempotency-key-required")).body("errors[0].field", equalTo("Idempotency-Key"));
        String key = UUID.randomUUID().toString();
        String id = as(clerk("5224")).header("Idempotency-Key", key).body(d).post(DISBURSEMENTS).then().statusCode(201)
                .extract().path("id");
        // the retry (e.g. after a lost answer) answers the same entry; a second payment of 600 would have been refused
        as(clerk("5224")).header("Idempotency-Key", key).body(d).post(DISBURSEMENTS).then().statusCode(201)
                .body("id", equalTo(id)).body("amount", equalTo("600.00"));
        assertEquals(List.of("1000.00", "600.00", "0.00"), account(p, "central-budget"));
        assertEquals(1, count("select count(*) from ledger_entry where project_id = ? and kind = 'DISBURSEMENT'", p));
        Map<String, Object> other = new LinkedHashMap<>(d);
        other.put("amount", "100.00");
        as(clerk("5224")).header("Idempotency-Key", key).body(other).post(DISBURSEMENTS).then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        // another caller's key is another key; a replay for someone who may not read the entry is 404
        as(clerk("5301")).header("Idempotency-Key", key).body(d).post(DISBURSEMENTS).then().statusCode(403);
        assertEquals(List.of("1000.00", "600.00", "0.00"), account(p, "central-budget"));

        String rkey = UUID.randomUUID().toString();
        Map<String, Object> r = reimbursement(p, "100.00");
        as(clerk("5224")).body(r).post(REIMBURSEMENTS).then().statusCode(428);
        String rid = as(clerk("5224")).header("Idempotency-Key", rkey).body(r).post(REIMBURSEMENTS).then().statusCode(201)
                .extract().path("id");
        as(clerk("5224")).header("Idempotency-Key", rkey).body(r).post(REIMBURSEMENTS).then().statusCode(201)
                .body("id", equalTo(rid));
        assertEquals(List.of("1000.00", "600.00", "100.00"), account(p, "central-budget"));
    }

    @Test
    void voucherNumbersAreUniquePerCounty() {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        UUID q = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        UUID elsewhere = project(OTHER_COUNTY_VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        allocated(q, "1000.00");
        disbursed(p, "500.00");
        disbursed(q, "500.00");
        Map<String, Object> r = reimbursement(p, "100.00");
        post(clerk("5224"), REIMBURSEMENTS, r).statusCode(201);
        Map<String, Object> again = reimbursement(q, "50.00");
        again.put("voucherNumber", r.get("voucherNumber"));
        post(clerk("5224"), REIMBURSEMENTS, again).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/duplicate-voucher")).body("errors[0].field", equalTo("voucherNumber"))
                .body("countyCode", equalTo(COUNTY));
        assertEquals(List.of("1000.00", "500.00", "0.00"), account(q, "central-budget"));

        // another county may use the same number
        Map<String, Object> doc = org.fupin.fund.FundFixtures.document("1000.00", elsewhere, "1000.00");
        doc.put("receivingCounty", "522401000000");
        post(clerk("52"), "/api/v1/allocation-documents", doc).statusCode(201);
        Map<String, Object> d = disbursement(elsewhere, "500.00");
        post(clerk("52"), DISBURSEMENTS, d).statusCode(201);
        Map<String, Object> same = reimbursement(elsewhere, "100.00");
        same.put("voucherNumber", r.get("voucherNumber"));
        post(clerk("52"), REIMBURSEMENTS, same).statusCode(201).body("countyCode", equalTo("522401000000"));
    }

    @Test
    void nothingForProjectsOutsideTheCallersRegionUnknownOrCancelled() {
        UUID yunnan = project(OTHER_PROVINCE_VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        post(clerk("5224"), DISBURSEMENTS, disbursement(yunnan, "1.00")).statusCode(403)
                .body("errors[0].field", equalTo("projectId"));
        post(clerk("5224"), REIMBURSEMENTS, reimbursement(yunnan, "1.00")).statusCode(403)
                .body("errors[0].field", equalTo("projectId"));
        post(clerk("5224"), DISBURSEMENTS, disbursement(UUID.randomUUID(), "1.00")).statusCode(422)
                .body("type", endsWith("/unknown-project")).body("errors[0].field", equalTo("projectId"));
        post(viewer("5224"), DISBURSEMENTS, disbursement(yunnan, "1.00")).statusCode(403);
        assertEquals(List.of("none"), account(yunnan, "central-budget"));

        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        disbursed(p, "300.00");
        restage(p, "CANCELLED", 2);
        post(clerk("5224"), DISBURSEMENTS, disbursement(p, "1.00")).statusCode(422).body("type", endsWith("/project-cancelled"));
        // a cancelled project may still settle what it was paid
        post(clerk("5224"), REIMBURSEMENTS, reimbursement(p, "300.00")).statusCode(201);
    }

    @Test
    void badAmountsAndFieldsAre400NamingTheField() {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        for (Object bad : List.of("-5.00", "0", "0.00", "0.001", "1.234", "1000000000000", "12e2", "１００")) {
            Map<String, Object> d = disbursement(p, "1.00");
            d.put("amount", bad);
            post(clerk("5224"), DISBURSEMENTS, d).statusCode(400).body("errors.field", hasItems("amount"));
            Map<String, Object> r = reimbursement(p, "1.00");
            r.put("amount", bad);
            post(clerk("5224"), REIMBURSEMENTS, r).statusCode(400).body("errors.field", hasItems("amount"));
        }
        Map<String, Object> number = disbursement(p, "1.00");
        number.put("amount", 1.5);
        post(clerk("5224"), DISBURSEMENTS, number).statusCode(400).body("errors[0].field", equalTo("amount"));
        Map<String, Object> rnumber = reimbursement(p, "1.00");
        rnumber.put("amount", 100);
        post(clerk("5224"), REIMBURSEMENTS, rnumber).statusCode(400).body("errors[0].field", equalTo("amount"));
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("projectId", p.toString());
        post(clerk("5224"), DISBURSEMENTS, missing).statusCode(400)
                .body("errors.field", hasItems("source", "amount", "paymentOrderNumber", "date"));
        post(clerk("5224"), REIMBURSEMENTS, missing).statusCode(400)
                .body("errors.field", hasItems("source", "amount", "voucherNumber", "date", "expenseKind"));
        Map<String, Object> badId = disbursement(p, "1.00");
        badId.put("projectId", "not-a-uuid");
        post(clerk("5224"), DISBURSEMENTS, badId).statusCode(400).body("errors[0].field", equalTo("projectId"));
        post(clerk("5224"), DISBURSEMENTS, Map.of("source", "central-budget")).statusCode(400)
                .body("errors[0].field", equalTo("projectId"));
        assertEquals(List.of("1000.00", "0.00", "0.00"), account(p, "central-budget"));
    }
}
