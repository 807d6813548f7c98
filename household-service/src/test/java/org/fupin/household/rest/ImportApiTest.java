package org.fupin.household.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.household.TestIds;
import org.fupin.household.service.ImportParser;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fupin.household.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ImportApiTest {

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    static final String IMPORTER = Tokens.bearer("province-52", "52", Roles.HOUSEHOLD_IMPORTER);

    String line(Map<String, Object> household) throws Exception {
        return json.writeValueAsString(Map.of("household", household, "identificationYear", 2016));
    }

    String submit(String token, String contentType, byte[] body, boolean again) {
        return given().header("Authorization", token).contentType(contentType).body(body).post("/api/v1/household-imports")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/household-imports/"))
                .body("alreadySubmitted", equalTo(again)).extract().path("jobId");
    }

    Map<String, Object> awaitDone(String token, String job) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                given().header("Authorization", token).get("/api/v1/household-imports/" + job).then().extract().path("state")));
        return given().header("Authorization", token).get("/api/v1/household-imports/" + job).then().statusCode(200).extract().as(Map.class);
    }

    @Test
    void ndjsonRowsAreAcceptedIndependentlyWithPerRowErrorsAndResubmissionIsTheSameJob() throws Exception {
        String taken = TestIds.next();
        imported(household(VILLAGE, List.of(member(taken, "HEAD")), "9000.00"));
        List<String> lines = new ArrayList<>();
        lines.add(line(household(VILLAGE, 3, "9000.00")));                                                     // 1 ok
        lines.add(line(household(VILLAGE, List.of(member(TestIds.withWrongCheck(TestIds.next()), "HEAD")), "1.00"))); // 2 bad id
        lines.add("{\"household\": {\"regionCode\": \"522428103201\"}, \"identificationYear\": 2016}");        // 3 missing fields
        lines.add(line(household(VILLAGE, List.of(member(taken, "HEAD")), "1.00")));                            // 4 person taken
        lines.add("");                                                                                          //   blank: skipped
        lines.add(line(household(VILLAGE, 2, "9000.00")));                                                     // 6 ok
        lines.add("not json");                                                                                  // 7
        byte[] batch = String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String job = submit(IMPORTER, "application/x-ndjson", batch, false);
        Map<String, Object> done = awaitDone(IMPORTER, job);
        assertEquals(6, done.get("total"));
        assertEquals(6, done.get("processed"));
        assertEquals(2, done.get("accepted"));
        assertEquals(4, done.get("rejected"));
        given().header("Authorization", IMPORTER).get("/api/v1/household-imports/" + job + "/errors").then().statusCode(200)
                .body("findAll { it.row == 2 }.field", hasItem("household.members[0].residentId"))
                .body("findAll { it.row == 3 }.field", hasItem("household.members"))
                .body("findAll { it.row == 4 }.field", hasItem("household.members[0].residentId"))
                .body("findAll { it.row == 7 }.field", hasItem("row"))
                .body("row", org.hamcrest.Matchers.not(hasItem(1)));
        assertEquals(2, count("select count(*) from import_job_row r join outbox_event o on o.aggregate_id = r.entity_id::text"
                + " and o.event_type = 'household.registered.v1' where r.job_id = '" + job + "'"));
        // the same batch again: the same job, nothing imported twice
        assertEquals(job, submit(IMPORTER, "application/x-ndjson", batch, true));
        assertEquals(2, count("select count(*) from import_job_row where job_id = '" + job + "' and status = 'ACCEPTED'"));
    }

    @Test
    void csvLaidOutLikeTheFormGroupsMembersByHousehold() throws Exception {
        String a1 = TestIds.next();
        String a2 = TestIds.next();
        String b1 = TestIds.next();
        StringBuilder csv = new StringBuilder(String.join(",", ImportParser.COLUMNS)).append('\n');
        csv.append(csvRow("A", VILLAGE, "2016", a1, "HEAD", "5000.00")).append('\n');
        csv.append(csvRow("A", "", "", a2, "SPOUSE", "")).append('\n');
        csv.append(csvRow("B", VILLAGE, "2017", b1, "HEAD", "3000.00")).append('\n');
        String job = submit(IMPORTER, "text/csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        Map<String, Object> done = awaitDone(IMPORTER, job);
        assertEquals(2, done.get("total"));
        assertEquals(2, done.get("accepted"));
        assertEquals(2, count("select member_count from household h join import_job_row r on r.entity_id = h.id"
                + " where r.job_id = '" + job + "' and r.row_number = 2"));
    }

    static String csvRow(String ref, String region, String year, String id, String relation, String wages) {
        Map<String, Object> m = member(id, relation);
        return String.join(",", ref, region, "", region.isEmpty() ? "" : "ORDINARY", region.isEmpty() ? "" : "ILLNESS",
                region.isEmpty() ? "" : "LACK_OF_SKILLS;LACK_OF_FUNDS", region.isEmpty() ? "" : "2025", wages, "", "", "", year,
                (String) m.get("name"), id, relation, (String) m.get("sex"), (String) m.get("birthDate"), "HEALTHY", "NONE", "NORMAL",
                "PRIMARY", "FINISHED", "false");
    }

    @Test
    void theXlsxTemplateDownloadsAndAFilledCopyImports() throws Exception {
        byte[] template = given().header("Authorization", IMPORTER).get("/api/v1/household-imports/template.xlsx")
                .then().statusCode(200).extract().asByteArray();
        byte[] filled;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("householdRef", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("户序号", sheet.getRow(1).getCell(0).getStringCellValue());
            sheet.removeRow(sheet.getRow(2));
            sheet.removeRow(sheet.getRow(3));
            String[] rows = {csvRow("1", VILLAGE, "2016", TestIds.next(), "HEAD", "8000.00"), csvRow("1", "", "", TestIds.next(), "CHILD", "")};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(2 + r);
                String[] cells = rows[r].split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        String job = submit(IMPORTER, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled, false);
        Map<String, Object> done = awaitDone(IMPORTER, job);
        assertEquals(1, done.get("accepted"), String.valueOf(done));
    }

    @Test
    void rowsOutsideTheImportersRegionAreRejectedAndJobsOfOthersAreInvisible() throws Exception {
        String other = Tokens.bearer("province-53", "53", Roles.HOUSEHOLD_IMPORTER);
        String job = submit(other, "application/x-ndjson", line(household(VILLAGE, 1, "9000.00")).getBytes(), false);
        Map<String, Object> done = awaitDone(other, job);
        assertEquals(1, done.get("rejected"));
        given().header("Authorization", other).get("/api/v1/household-imports/" + job + "/errors").then()
                .body("field", hasItem("household.regionCode"));
        given().header("Authorization", IMPORTER).get("/api/v1/household-imports/" + job).then().statusCode(404);
        given().header("Authorization", clerk("5224")).contentType("application/x-ndjson").body("{}".getBytes())
                .post("/api/v1/household-imports").then().statusCode(403);
        given().header("Authorization", IMPORTER).contentType("application/x-ndjson").body(new byte[0])
                .post("/api/v1/household-imports").then().statusCode(400);
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
