package org.fupin.rectification.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.fupin.rectification.domain.EvidenceInspector;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.fupin.rectification.RectificationFixtures.ISSUES;
import static org.fupin.rectification.RectificationFixtures.PDF;
import static org.fupin.rectification.RectificationFixtures.PNG;
import static org.fupin.rectification.RectificationFixtures.as;
import static org.fupin.rectification.RectificationFixtures.inspector;
import static org.fupin.rectification.RectificationFixtures.issue;
import static org.fupin.rectification.RectificationFixtures.raised;
import static org.fupin.rectification.RectificationFixtures.source;
import static org.fupin.rectification.RectificationFixtures.step;
import static org.fupin.rectification.RectificationFixtures.today;
import static org.fupin.rectification.RectificationFixtures.unique;
import static org.fupin.rectification.RectificationFixtures.unit;
import static org.fupin.rectification.RectificationFixtures.upload;
import static org.fupin.rectification.RectificationFixtures.version;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The workflow through the API: raise → accept → ledger with a PDF and a PNG → report → return → report → close. */
@QuarkusTest
class IssueWorkflowApiTest {

    @Test
    void anIssueIsWorkedThroughToClosure() {
        LocalDate d = today().minusDays(20);
        String lead = unique("县教育局");
        String src = source(d.minusDays(1));
        String id = raised(issue(src, lead, List.of(), d, today().plusDays(30)));
        String unit = unit("522428", lead);
        String inspector = inspector("5224");

        as(unit).get(ISSUES + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("state", equalTo("OPEN")).body("allowedSteps", contains("ACCEPT"))
                .body("source.type", equalTo("inspection")).body("raisedOn", equalTo(d.toString()));
        step(unit, id, "acceptance", Map.of("date", d.plusDays(1).toString(), "remark", "已接收"))
                .statusCode(200).header("ETag", "\"2\"").body("state", equalTo("IN_PROGRESS"))
                .body("allowedSteps", contains("RECORD_PROGRESS", "REPORT"));

        // a ledger entry with two evidence files in the same (multipart) request
        Response entry = given().header("Authorization", unit).header("If-Match", "\"2\"")
                .multiPart("date", d.plusDays(2).toString()).multiPart("text", "完成入户核查 36 户")
                .multiPart("file", "核查报告.pdf", PDF, "image/png") // the client's type is ignored
                .multiPart("file", "现场照片.png", PNG, "application/pdf")
                .post(ISSUES + "/" + id + "/ledger-entries");
        entry.then().statusCode(200).header("ETag", "\"3\"").body("ledger", hasSize(1))
                .body("ledger[0].kind", equalTo("PROGRESS")).body("ledger[0].unit", equalTo(lead))
                .body("ledger[0].evidence.contentType", contains("application/pdf", "image/png"))
                .body("ledger[0].evidence.sha256", contains(EvidenceInspector.sha256(PDF), EvidenceInspector.sha256(PNG)))
                .body("evidence", hasSize(2));
        List<String> evidence = entry.path("ledger[0].evidence.id");

        // the report names the files already uploaded
        step(unit, id, "report", Map.of("date", d.plusDays(3).toString(), "text", "整改完成", "evidenceIds", evidence))
                .statusCode(200).body("state", equalTo("REPORTED")).body("ledger[1].kind", equalTo("REPORT"));
        step(inspector, id, "return", Map.of("date", d.plusDays(4).toString(), "reason", "佐证材料不全"))
                .statusCode(200).body("state", equalTo("RETURNED")).body("returnCount", equalTo(1));
        step(unit, id, "acceptance", Map.of("date", d.plusDays(5).toString())).statusCode(200)
                .body("state", equalTo("IN_PROGRESS"));

        // the second report uploads a new file with it
        given().header("Authorization", unit).header("If-Match", "\"" + version(unit, id) + "\"")
                .multiPart("date", d.plusDays(6).toString()).multiPart("text", "补充佐证材料")
                .multiPart("evidenceIds", evidence.get(0))
                .multiPart("file", "补充照片.PNG", PNG, "image/png")
                .post(ISSUES + "/" + id + "/report").then().statusCode(200)
                .body("state", equalTo("REPORTED")).body("ledger[2].evidence", hasSize(2)).body("evidence", hasSize(3));

        step(inspector, id, "closure", Map.of("date", d.plusDays(7).toString(), "closingRemark", "经核查整改到位，同意销号"))
                .statusCode(200).body("state", equalTo("CLOSED")).body("closedOn", equalTo(d.plusDays(7).toString()))
                .body("closedOnTime", equalTo(true)).body("closingRemark", equalTo("经核查整改到位，同意销号"))
                .body("allowedSteps", hasSize(0)).body("overdue", equalTo(false));

        as(inspector).get(ISSUES + "/" + id + "/history").then().statusCode(200)
                .body("step", contains(nullValue(), equalTo("ACCEPT"), equalTo("REPORT"), equalTo("RETURN"),
                        equalTo("ACCEPT"), equalTo("REPORT"), equalTo("CLOSE")))
                .body("[3].remark", equalTo("佐证材料不全"));

        // the files come back as uploaded, with the type detected from their bytes
        byte[] pdf = as(inspector).get(ISSUES + "/" + id + "/evidence/" + evidence.get(0)).then().statusCode(200)
                .contentType("application/pdf").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray();
        assertArrayEquals(PDF, pdf);
        byte[] png = as(unit).get(ISSUES + "/" + id + "/evidence/" + evidence.get(1)).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertArrayEquals(PNG, png);

        // closed: nothing more (409 with no allowed steps)
        step(unit, id, "ledger-entries", Map.of("text", "again")).statusCode(409)
                .body("currentState", equalTo("CLOSED")).body("allowedSteps", hasSize(0));
    }

    @Test
    void anIllegalStepIs409WithTheAllowedSteps() {
        String lead = unique("县民政局");
        String id = raised(issue(source(today().minusDays(3)), lead, List.of(), today(), today().plusDays(10)));
        step(inspector("5224"), id, "closure", Map.of("closingRemark", "x")).statusCode(409)
                .contentType("application/problem+json")
                .body("currentState", equalTo("OPEN")).body("step", equalTo("CLOSE"))
                .body("allowedSteps", contains("ACCEPT", "EXTEND_DEADLINE")).body("errors.field", hasItem("step"));
        step(unit("522428", lead), id, "report", Map.of("text", "done", "evidenceIds", List.of())).statusCode(409)
                .body("currentState", equalTo("OPEN")).body("allowedSteps", contains("ACCEPT", "EXTEND_DEADLINE"));
        as(inspector("5224")).get(ISSUES + "/" + id).then().body("version", equalTo(1));
    }

    @Test
    void reportNeedsEvidenceAndTheFilesMustBeTheIssues() {
        String lead = unique("县人社局");
        String unit = unit("522428", lead);
        String id = raised(issue(source(today().minusDays(3)), lead, List.of(), today(), today().plusDays(10)));
        String other = raised(issue(source(today().minusDays(3)), lead, List.of(), today(), today().plusDays(10)));
        step(unit, id, "acceptance", Map.of()).statusCode(200);
        step(unit, id, "report", Map.of("text", "done")).statusCode(422)
                .body("type", containsString("evidence-required")).body("errors.field", contains("evidenceIds"));
        List<String> foreign = upload(unit, other, Map.of("a.pdf", PDF));
        step(unit, id, "report", Map.of("text", "done", "evidenceIds", foreign)).statusCode(422)
                .body("type", containsString("unknown-evidence")).body("errors.field", contains("evidenceIds[0]"));
        step(unit, id, "report", Map.of("text", "done", "evidenceIds", List.of("not-an-id"))).statusCode(400)
                .body("errors.field", contains("evidenceIds[0]"));
        as(unit).get(ISSUES + "/" + id).then().body("state", equalTo("IN_PROGRESS")).body("ledger", hasSize(0));
    }

    @Test
    void aFileWhoseBytesAreNotWhatItsNameSaysIsRefusedAndNothingIsStored() {
        String lead = unique("县住建局");
        String unit = unit("522428", lead);
        String id = raised(issue(source(today().minusDays(3)), lead, List.of(), today(), today().plusDays(10)));
        step(unit, id, "acceptance", Map.of()).statusCode(200);
        // a PNG named .pdf, and sent as application/pdf
        given().header("Authorization", unit).header("If-Match", "\"2\"").multiPart("text", "照片")
                .multiPart("file", "整改报告.pdf", PNG, "application/pdf")
                .post(ISSUES + "/" + id + "/ledger-entries").then().statusCode(415)
                .contentType("application/problem+json").body("detectedType", equalTo("image/png"))
                .body("errors.field", contains("file"));
        // text pretending to be a PDF
        given().header("Authorization", unit).multiPart("file", "整改报告.pdf",
                        "<html>not a pdf</html>".getBytes(), "application/pdf")
                .post(ISSUES + "/" + id + "/evidence").then().statusCode(415).body("errors.field", contains("file"));
        // no extension
        given().header("Authorization", unit).multiPart("file", "report", PDF, "application/pdf")
                .post(ISSUES + "/" + id + "/evidence").then().statusCode(400).body("errors.field", contains("fileName"));
        as(unit).get(ISSUES + "/" + id + "/evidence").then().statusCode(200).body("", hasSize(0));
        as(unit).get(ISSUES + "/" + id).then().header("ETag", "\"2\"").body("ledger", hasSize(0));
    }

    @Test
    void aFileAboveTheSizeLimitIs413() {
        String lead = unique("县卫健局");
        String unit = unit("522428", lead);
        String id = raised(issue(source(today().minusDays(3)), lead, List.of(), today(), today().plusDays(10)));
        byte[] big = Arrays.copyOf(PDF, 1024 * 1024 + 1); // the test limit is 1 MiB
        given().header("Authorization", unit).multiPart("file", "big.pdf", big, "application/pdf")
                .post(ISSUES + "/" + id + "/evidence").then().statusCode(413)
                .contentType("application/problem+json").body("errors.field", contains("file"));
        byte[] fits = Arrays.copyOf(PDF, 1024 * 1024);
        given().header("Authorization", unit).multiPart("file", "fits.pdf", fits, "application/pdf")
                .post(ISSUES + "/" + id + "/evidence").then().statusCode(201).body("[0].size", equalTo(1024 * 1024));
    }

    @Test
    void writesNeedTheCurrentVersionAndAKeyReplaysTheFirstAnswer() {
        String lead = unique("县水务局");
        String unit = unit("522428", lead);
        String id = raised(issue(source(today().minusDays(3)), lead, List.of(), today(), today().plusDays(10)));
        as(unit).body(Map.of()).post(ISSUES + "/" + id + "/acceptance").then().statusCode(428);
        as(unit).header("If-Match", "\"7\"").body(Map.of()).post(ISSUES + "/" + id + "/acceptance").then().statusCode(412);
        as(unit).header("If-Match", "\"1\"").header("Idempotency-Key", "k1").body(Map.of("remark", "收到"))
                .post(ISSUES + "/" + id + "/acceptance").then().statusCode(200).header("ETag", "\"2\"");
        // the retry (even with the old If-Match) answers the issue as it is, without a second change
        as(unit).header("If-Match", "\"1\"").header("Idempotency-Key", "k1").body(Map.of("remark", "收到"))
                .post(ISSUES + "/" + id + "/acceptance").then().statusCode(200).header("ETag", "\"2\"")
                .body("history", hasSize(2));
        as(unit).header("If-Match", "\"2\"").header("Idempotency-Key", "k1").body(Map.of("remark", "另一个"))
                .post(ISSUES + "/" + id + "/acceptance").then().statusCode(422);
    }

    @Inject
    AgroalDataSource db;

    @Test
    void linksAreCheckedAgainstTheReplicas() throws Exception {
        java.util.UUID household = java.util.UUID.randomUUID();
        java.util.UUID elsewhere = java.util.UUID.randomUUID();
        java.util.UUID project = java.util.UUID.randomUUID();
        java.util.UUID document = java.util.UUID.randomUUID();
        java.util.UUID otherCountysDocument = java.util.UUID.randomUUID();
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("insert into household_replica_rc (id, region_code, region_version, version) values ('"
                    + household + "', '522428103201', 1, 1), ('" + elsewhere + "', '522401100200', 1, 1)");
            st.executeUpdate("insert into project_replica_rc (id, project_code, region_code, stage, budget_total, version)"
                    + " values ('" + project + "', '" + unique("P") + "', '522428100000', 'PLANNED', 0, 1)");
            st.executeUpdate("insert into fund_document_rc (id, document_number, document_date, document_year, issuing_region,"
                    + " county_code, fund_source, first_event_id) values ('" + document + "', 'X财农〔2021〕1号', '2021-03-01',"
                    + " 2021, '520000000000', '522428000000', 'central-budget', '" + java.util.UUID.randomUUID() + "'), ('"
                    + otherCountysDocument + "', 'Y财农〔2021〕1号', '2021-03-01', 2021, '520000000000', '522401000000',"
                    + " 'central-budget', '" + java.util.UUID.randomUUID() + "')");
        }
        String src = source(today().minusDays(3));
        Map<String, Object> body = issue(src, "u", List.of(), today(), today());
        body.put("links", Map.of("householdIds", List.of(household.toString()), "projectIds", List.of(project.toString()),
                "fundDocumentIds", List.of(document.toString())));
        as(inspector("5224")).body(body).post(ISSUES).then().statusCode(201)
                .body("links.householdIds", contains(household.toString()))
                .body("links.projectIds", contains(project.toString()))
                .body("links.fundDocumentIds", contains(document.toString()));
        // fund documents are checked like the others: another county's and an unknown one are 422, naming each
        body.put("links", Map.of("fundDocumentIds", List.of(otherCountysDocument.toString(), document.toString(),
                java.util.UUID.randomUUID().toString())));
        as(inspector("5224")).body(body).post(ISSUES).then().statusCode(422)
                .body("type", containsString("unknown-links"))
                .body("errors.field", contains("links.fundDocumentIds[0]", "links.fundDocumentIds[2]"));
        body.put("links", Map.of("householdIds", List.of(household.toString(), elsewhere.toString(),
                java.util.UUID.randomUUID().toString())));
        as(inspector("5224")).body(body).post(ISSUES).then().statusCode(422)
                .body("type", containsString("unknown-links"))
                .body("errors.field", contains("links.householdIds[1]", "links.householdIds[2]"));
        body.put("links", Map.of("projectIds", List.of("x")));
        as(inspector("5224")).body(body).post(ISSUES).then().statusCode(400)
                .body("errors.field", contains("links.projectIds[0]"));
    }

    @Test
    void badInputIs400NamingEachField() {
        String src = source(today().minusDays(3));
        Map<String, Object> body = issue(src, " ", List.of("x", "x"), today(), today().minusDays(1));
        body.remove("description");
        body.put("category", "nonsense");
        body.put("regionCode", "5224");
        as(inspector("5224")).body(body).post(ISSUES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("description", "category", "regionCode", "leadUnit",
                        "coUnits[1]", "deadline"));
        Map<String, Object> wrongTerm = issue(src, "u", List.of(), today(), today());
        wrongTerm.put("term", "FOREVER");
        as(inspector("5224")).body(wrongTerm).post(ISSUES).then().statusCode(400).body("errors.field", contains("term"));
        Map<String, Object> longTerm = issue(src, "u", List.of(), today(), today().plusDays(100));
        longTerm.put("term", "LONG_TERM");
        as(inspector("5224")).body(longTerm).post(ISSUES).then().statusCode(400).body("errors.field", contains("milestones"));
        Map<String, Object> noSource = issue(java.util.UUID.randomUUID().toString(), "u", List.of(), today(), today());
        as(inspector("5224")).body(noSource).post(ISSUES).then().statusCode(404);
        as(inspector("5224")).get(ISSUES + "?state=DONE").then().statusCode(400).body("errors.field", contains("state"));
        as(inspector("5224")).get(ISSUES + "?day=yesterday").then().statusCode(400).body("errors.field", contains("day"));
        // a source: each wrong field named, system-check never by hand
        as(inspector("5224")).body(Map.of("type", "system-check", "date", today().plusDays(1).toString(), "regionCode", "522428000000"))
                .post("/api/v1/finding-sources").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("type", "issuingBody", "documentNumber", "date"));
        assertEquals(1, 1);
    }
}
