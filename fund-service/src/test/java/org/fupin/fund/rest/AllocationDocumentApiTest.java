package org.fupin.fund.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.fund.FundFixtures.COUNTY;
import static org.fupin.fund.FundFixtures.DOCUMENTS;
import static org.fupin.fund.FundFixtures.OTHER_COUNTY_VILLAGE;
import static org.fupin.fund.FundFixtures.OTHER_PROVINCE_VILLAGE;
import static org.fupin.fund.FundFixtures.VILLAGE;
import static org.fupin.fund.FundFixtures.account;
import static org.fupin.fund.FundFixtures.as;
import static org.fupin.fund.FundFixtures.approver;
import static org.fupin.fund.FundFixtures.assertConsistent;
import static org.fupin.fund.FundFixtures.clerk;
import static org.fupin.fund.FundFixtures.code;
import static org.fupin.fund.FundFixtures.count;
import static org.fupin.fund.FundFixtures.document;
import static org.fupin.fund.FundFixtures.lines;
import static org.fupin.fund.FundFixtures.post;
import static org.fupin.fund.FundFixtures.project;
import static org.fupin.fund.FundFixtures.restage;
import static org.fupin.fund.FundFixtures.today;
import static org.fupin.fund.FundFixtures.viewer;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /api/v1/allocation-documents and /{id}/lines over the real PostgreSQL, Kafka and OIDC issuer. */
@QuarkusTest
class AllocationDocumentApiTest {

    static long documents(Map<String, Object> body) {
        return count("select count(*) from allocation_document where document_number = ?", body.get("documentNumber"));
    }

    @Test
    void aDocumentWithItsLinesIsRecordedInOneGo() {
        UUID a = project(VILLAGE, "PLANNED", "central-budget", "600000.00");
        UUID b = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "300000.00", "county-budget", "5000.00");
        Map<String, Object> body = document("1000000.00", a, "600000.00", b, "250000.50");
        String id = post(clerk("5224"), DOCUMENTS, body).statusCode(201)
                .header("Location", containsString(DOCUMENTS + "/"))
                .body("documentNumber", equalTo(body.get("documentNumber"))).body("source", equalTo("central-budget"))
                .body("governmentLevel", equalTo("central")).body("year", equalTo(today().getYear()))
                .body("issuingRegion", equalTo("520000000000")).body("receivingCounty", equalTo(COUNTY))
                .body("amount", equalTo("1000000.00")).body("lined", equalTo("850000.50")).body("unlined", equalTo("149999.50"))
                .body("date", equalTo(today().minusDays(30).toString()))
                .body("lines", hasSize(2))
                .body("lines.projectId", containsInAnyOrder(a.toString(), b.toString()))
                .body("lines.projectCode", containsInAnyOrder(code(a), code(b)))
                .body("lines.amount", containsInAnyOrder("600000.00", "250000.50"))
                .extract().path("id");
        assertEquals(List.of("600000.00", "0.00", "0.00"), account(a, "central-budget"));
        assertEquals(List.of("250000.50", "0.00", "0.00"), account(b, "central-budget"));
        assertConsistent(a, "central-budget");
        assertEquals(2, count("select count(*) from ledger_entry where document_id = ?::uuid and kind = 'ALLOCATION'", id));
        assertEquals(1, count("select version from project_ledger where project_id = ?", a));

        // more lines later, up to the amount
        UUID c = project(VILLAGE, "TENDERING", "central-budget", "200000.00");
        post(clerk("5224"), DOCUMENTS + "/" + id + "/lines", Map.of("lines", lines(c, "149999.50"))).statusCode(201)
                .body("id", equalTo(id)).body("lined", equalTo("1000000.00")).body("unlined", equalTo("0.00"))
                .body("lines", hasSize(3));
        // an approver may do what a clerk does
        post(approver("5224"), DOCUMENTS, document("10.00")).statusCode(201).body("lines", hasSize(0)).body("lined", equalTo("0.00"));
    }

    @Test
    void linesNeverExceedTheDocument() {
        UUID a = project(VILLAGE, "PLANNED", "central-budget", "900000.00");
        UUID b = project(VILLAGE, "PLANNED", "central-budget", "900000.00");
        Map<String, Object> body = document("100000.00", a, "60000.00", b, "40000.01");
        post(clerk("5224"), DOCUMENTS, body).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/exceeds-document")).body("excess", equalTo("0.01"))
                .body("documentNumber", equalTo(body.get("documentNumber"))).body("errors[0].field", equalTo("lines"));
        assertEquals(0, documents(body), "all or none: not even the document");
        assertEquals(List.of("none"), account(a, "central-budget"));

        String id = post(clerk("5224"), DOCUMENTS, document("100000.00", a, "60000.00")).statusCode(201).extract().path("id");
        post(clerk("5224"), DOCUMENTS + "/" + id + "/lines", Map.of("lines", lines(b, "40000.01"))).statusCode(422)
                .body("type", endsWith("/exceeds-document")).body("excess", equalTo("0.01")).body("lined", equalTo("60000.00"));
        post(clerk("5224"), DOCUMENTS + "/" + id + "/lines", Map.of("lines", lines(b, "40000.00"))).statusCode(201)
                .body("unlined", equalTo("0.00"));
    }

    @Test
    void aProjectReceivesNoMoreThanItsBudgetOfTheSource() {
        UUID a = project(VILLAGE, "PLANNED", "central-budget", "500000.00", "county-budget", "80000.00");
        post(clerk("5224"), DOCUMENTS, document("900000.00", a, "500000.01")).statusCode(422)
                .body("type", endsWith("/exceeds-budget")).body("projectId", equalTo(a.toString()))
                .body("projectCode", equalTo(code(a))).body("source", equalTo("central-budget"))
                .body("excess", equalTo("0.01")).body("limit", equalTo("500000.00"))
                .body("detail", containsString("excess 0.01")).body("errors[0].field", equalTo("lines[0].amount"));
        // across documents too
        post(clerk("5224"), DOCUMENTS, document("900000.00", a, "300000.00")).statusCode(201);
        post(clerk("5224"), DOCUMENTS, document("900000.00", a, "200000.50")).statusCode(422)
                .body("type", endsWith("/exceeds-budget")).body("excess", equalTo("0.50"));
        // a source the project has no budget of
        Map<String, Object> loan = document("1000.00", a, "1000.00");
        loan.put("source", "bank-loans");
        post(clerk("5224"), DOCUMENTS, loan).statusCode(422).body("type", endsWith("/exceeds-budget"))
                .body("source", equalTo("bank-loans"));
        // several refused lines: one 422 listing each
        UUID b = project(VILLAGE, "PLANNED", "central-budget", "10.00");
        post(clerk("5224"), DOCUMENTS, document("900000.00", a, "200000.50", b, "10.01")).statusCode(422)
                .body("type", endsWith("/lines-refused")).body("refusals", hasSize(2))
                .body("errors.field", hasItems("lines[0].amount", "lines[1].amount"));
        assertEquals(List.of("300000.00", "0.00", "0.00"), account(a, "central-budget"));

        // the budget cut below what is allocated: the next allocation is refused, the overrun named
        restage(a, "PLANNED", 2, "central-budget", "250000.00");
        post(clerk("5224"), DOCUMENTS, document("900000.00", a, "1.00")).statusCode(422)
                .body("type", endsWith("/exceeds-budget")).body("excess", equalTo("50001.00")).body("overrun", equalTo("50000.00"));
    }

    @Test
    void unknownCancelledAndOutOfCountyProjectsAreRefused() {
        UUID cancelled = project(VILLAGE, "CANCELLED", "central-budget", "1000.00");
        post(clerk("5224"), DOCUMENTS, document("1000.00", cancelled, "10.00")).statusCode(422)
                .body("type", endsWith("/project-cancelled")).body("errors[0].field", equalTo("lines[0].projectId"));
        UUID unknown = UUID.randomUUID();
        post(clerk("5224"), DOCUMENTS, document("1000.00", unknown, "10.00")).statusCode(422)
                .body("type", endsWith("/unknown-project")).body("projectId", equalTo(unknown.toString()));
        UUID elsewhere = project(OTHER_COUNTY_VILLAGE, "PLANNED", "central-budget", "1000.00");
        post(clerk("5224"), DOCUMENTS, document("1000.00", elsewhere, "10.00")).statusCode(422)
                .body("type", endsWith("/project-outside-county"));
    }

    @Test
    void nothingOutsideTheCallersRegion() {
        UUID yunnan = project(OTHER_PROVINCE_VILLAGE, "PLANNED", "central-budget", "1000.00");
        // a project outside the caller's region: 403 naming the line
        post(clerk("5224"), DOCUMENTS, document("1000.00", yunnan, "10.00")).statusCode(403)
                .body("errors[0].field", equalTo("lines[0].projectId"));
        // a receiving county outside it: 403
        Map<String, Object> body = document("1000.00");
        body.put("receivingCounty", "530102000000");
        body.put("issuingRegion", "530000000000");
        post(clerk("5224"), DOCUMENTS, body).statusCode(403).body("errors[0].field", equalTo("receivingCounty"));
        // another county's clerk cannot add lines to this county's document: it does not exist for them
        String id = post(clerk("5224"), DOCUMENTS, document("1000.00")).statusCode(201).extract().path("id");
        UUID p = project(VILLAGE, "PLANNED", "central-budget", "1000.00");
        post(clerk("5301"), DOCUMENTS + "/" + id + "/lines", Map.of("lines", lines(p, "10.00"))).statusCode(404);
        post(clerk("5224"), DOCUMENTS + "/" + UUID.randomUUID() + "/lines", Map.of("lines", lines(p, "10.00"))).statusCode(404);
        // roles: a viewer records nothing; no token is 401
        post(viewer("5224"), DOCUMENTS, document("1000.00")).statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").header("Idempotency-Key", "k")
                .body(document("1000.00")).post(DOCUMENTS).then().statusCode(401);
        assertEquals(List.of("none"), account(p, "central-budget"));
    }

    @Test
    void amountsAreDecimalStringsWithinTheirLimits() {
        UUID p = project(VILLAGE, "PLANNED", "central-budget", "999999999999.99");
        for (Object bad : List.of("-1.00", "0", "0.00", "1.001", "1000000000000", "1000000000000.00", "1e3", "1,000.00", "abc", "")) {
            Map<String, Object> body = document("1000.00");
            body.put("amount", bad);
            post(clerk("5224"), DOCUMENTS, body).statusCode(400).body("errors.field", hasItems("amount"));
            post(clerk("5224"), DOCUMENTS, document("1000.00", p, bad)).statusCode(400)
                    .body("errors.field", hasItems("lines[0].amount"));
        }
        // a JSON number, even an exact one, is refused naming the field
        Map<String, Object> number = document("1000.00");
        number.put("amount", 1000);
        post(clerk("5224"), DOCUMENTS, number).statusCode(400).body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("decimal string"));
        Map<String, Object> lineNumber = document("1000.00");
        lineNumber.put("lines", List.of(Map.of("projectId", p.toString(), "amount", 10.5)));
        post(clerk("5224"), DOCUMENTS, lineNumber).statusCode(400).body("errors[0].field", equalTo("lines[0].amount"));
        // every wrong field named at once
        Map<String, Object> wrong = document("1000.00");
        wrong.put("source", "lottery");
        wrong.put("receivingCounty", "522428103201");
        wrong.put("date", today().plusDays(1).toString());
        post(clerk("5224"), DOCUMENTS, wrong).statusCode(400).body("errors.field", hasItems("source", "receivingCounty", "date"));
        post(clerk("5224"), DOCUMENTS, document("999999999999.99", p, "999999999999.99")).statusCode(201)
                .body("amount", equalTo("999999999999.99"));
        assertEquals(List.of("999999999999.99", "0.00", "0.00"), account(p, "central-budget"));
    }

    @Test
    void everyPostNeedsAnIdempotencyKeyAndARetryRecordsOnce() {
        UUID p = project(VILLAGE, "PLANNED", "central-budget", "5000.00");
        Map<String, Object> body = document("5000.00", p, "1000.00");
        as(clerk("5224")).body(body).post(DOCUMENTS).then().statusCode(428).contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-required")).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, documents(body));
        String key = UUID.randomUUID().toString();
        String id = as(clerk("5224")).header("Idempotency-Key", key).body(body).post(DOCUMENTS).then().statusCode(201)
                .extract().path("id");
        as(clerk("5224")).header("Idempotency-Key", key).body(body).post(DOCUMENTS).then().statusCode(201)
                .body("id", equalTo(id)).body("lined", equalTo("1000.00"));
        assertEquals(1, documents(body));
        assertEquals(List.of("1000.00", "0.00", "0.00"), account(p, "central-budget"));
        Map<String, Object> other = new java.util.LinkedHashMap<>(body);
        other.put("amount", "5000.01");
        as(clerk("5224")).header("Idempotency-Key", key).body(other).post(DOCUMENTS).then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));

        // lines: the same key once
        String linesKey = UUID.randomUUID().toString();
        Map<String, Object> more = Map.of("lines", lines(p, "500.00"));
        as(clerk("5224")).header("Idempotency-Key", linesKey).body(more).post(DOCUMENTS + "/" + id + "/lines").then()
                .statusCode(201).body("lined", equalTo("1500.00"));
        as(clerk("5224")).header("Idempotency-Key", linesKey).body(more).post(DOCUMENTS + "/" + id + "/lines").then()
                .statusCode(201).body("lined", equalTo("1500.00"));
        as(clerk("5224")).body(more).post(DOCUMENTS + "/" + id + "/lines").then().statusCode(428);
        assertEquals(List.of("1500.00", "0.00", "0.00"), account(p, "central-budget"));

        // a refused request does not keep its key: corrected, the same key goes through
        String refusedKey = UUID.randomUUID().toString();
        Map<String, Object> tooMuch = document("100.00", p, "200.00");
        as(clerk("5224")).header("Idempotency-Key", refusedKey).body(tooMuch).post(DOCUMENTS).then().statusCode(422);
        assertEquals(0, count("select count(*) from idempotency_record where idem_key = ?", refusedKey));
    }

    @Test
    void aDocumentNumberIsRecordedOncePerCountyAndSource() {
        Map<String, Object> body = document("1000.00");
        post(clerk("5224"), DOCUMENTS, body).statusCode(201);
        post(clerk("5224"), DOCUMENTS, body).statusCode(409).body("type", endsWith("/duplicate-document"))
                .body("errors[0].field", equalTo("documentNumber"));
        Map<String, Object> otherSource = new java.util.LinkedHashMap<>(body);
        otherSource.put("source", "county-budget");
        otherSource.put("issuingRegion", COUNTY);
        post(clerk("5224"), DOCUMENTS, otherSource).statusCode(201).body("governmentLevel", equalTo("county"));
        Map<String, Object> loan = new java.util.LinkedHashMap<>(body);
        loan.put("source", "bank-loans");
        post(clerk("5224"), DOCUMENTS, loan).statusCode(201).body("governmentLevel", nullValue());
    }
}
