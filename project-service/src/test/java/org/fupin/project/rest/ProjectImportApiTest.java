package org.fupin.project.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.security.Roles;
import org.fupin.project.service.ProjectImportTable;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fupin.project.ProjectFixtures.OTHER_VILLAGE;
import static org.fupin.project.ProjectFixtures.PATH;
import static org.fupin.project.ProjectFixtures.VILLAGE;
import static org.fupin.project.ProjectFixtures.as;
import static org.fupin.project.ProjectFixtures.viewer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk import of a project library on the platform's import machinery: NDJSON, CSV with the office's Chinese headers
 * and the xlsx template; projects in late stages with their dates and progress; a bad row gets an error naming the
 * field and the others land; the same batch again is the same job.
 */
@QuarkusTest
class ProjectImportApiTest {

    static final String IMPORTS = "/api/v1/project-imports";

    @Inject
    AgroalDataSource db;

    static String clerk(String tag) {
        return Tokens.bearer("import-clerk-" + tag, "5224", Roles.PROJECT_CLERK);
    }

    static String code(String tag, int n) {
        return "IMP-" + tag + "-" + n;
    }

    static Map<String, Object> submit(String token, String type, byte[] body) {
        return given().header("Authorization", token).contentType(type).body(body).post(IMPORTS)
                .then().statusCode(202).extract().as(Map.class);
    }

    static Map<String, Object> finished(String token, Object job) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                given().header("Authorization", token).get(IMPORTS + "/" + job).then().extract().path("state")));
        return given().header("Authorization", token).get(IMPORTS + "/" + job).then().statusCode(200).extract().as(Map.class);
    }

    static List<Map<String, Object>> errors(String token, Object job) {
        return given().header("Authorization", token).get(IMPORTS + "/" + job + "/errors").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void ndjsonLinesLandIndependentlyInTheirStagesWithPerRowErrorsAndResubmissionIsTheSameJob() throws Exception {
        String tag = tag();
        String clerk = clerk(tag);
        String accepted = "{\"projectCode\":\"" + code(tag, 1) + "\",\"name\":\"茶叶种植基地建设\",\"projectYear\":2019,"
                + "\"category\":\"village-infrastructure\",\"regionCode\":\"" + VILLAGE + "\",\"batch\":\"第一批\","
                + "\"unit\":{\"name\":\"赫章县农业农村局\"},\"constructionContent\":\"新建茶园 200 亩\",\"constructionScale\":\"200 亩\","
                + "\"plannedStartDate\":\"2019-04-01\",\"plannedEndDate\":\"2019-12-31\","
                + "\"budget\":{\"central-budget\":\"600000.00\",\"county-budget\":\"150000.00\"},"
                + "\"stage\":\"ACCEPTED\",\"stageDates\":{\"PRE_APPROVAL_DONE\":\"2019-03-01\",\"TENDERING\":\"2019-03-20\","
                + "\"UNDER_CONSTRUCTION\":\"2019-04-10\",\"COMPLETED\":\"2019-12-20\",\"ACCEPTED\":\"2020-01-15\"},"
                + "\"approvalDocument\":\"赫发改〔2019〕12号\",\"acceptanceDocument\":\"赫农验〔2020〕3号\","
                + "\"progress\":{\"reportDate\":\"2019-12-20\",\"physicalProgress\":\"100\",\"investmentCompleted\":\"740000.00\"}}";
        String badBudget = "{\"projectCode\":\"" + code(tag, 2) + "\",\"name\":\"道路硬化\",\"projectYear\":2020,\"regionCode\":\""
                + VILLAGE + "\",\"budget\":{\"central-budget\":\"lots\"}}";
        String building = "{\"projectCode\":\"" + code(tag, 3) + "\",\"name\":\"安全饮水\",\"projectYear\":2020,"
                + "\"category\":\"village-infrastructure\",\"regionCode\":\"" + VILLAGE + "\",\"budget\":{\"provincial-budget\":\"200000.00\"},"
                + "\"stage\":\"UNDER_CONSTRUCTION\",\"stageDates\":{\"PRE_APPROVAL_DONE\":\"2020-03-01\",\"TENDERING\":\"2020-03-10\","
                + "\"UNDER_CONSTRUCTION\":\"2020-04-01\"},\"approvalDocument\":\"赫发改〔2020〕5号\","
                + "\"progress\":{\"reportDate\":\"2020-09-30\",\"physicalProgress\":\"55.50\",\"investmentCompleted\":\"100000.00\"}}";
        String outside = "{\"projectCode\":\"" + code(tag, 4) + "\",\"name\":\"外省项目\",\"projectYear\":2020,\"regionCode\":\""
                + OTHER_VILLAGE + "\"}";
        byte[] batch = String.join("\n", accepted, badBudget, building, outside).getBytes(StandardCharsets.UTF_8);

        Map<String, Object> first = submit(clerk, ImportFormat.NDJSON_TYPE, batch);
        assertEquals(false, first.get("alreadySubmitted"));
        Map<String, Object> job = finished(clerk, first.get("jobId"));
        assertEquals(List.of(4, 4, 2, 2), List.of(job.get("total"), job.get("processed"), job.get("accepted"), job.get("rejected")));
        List<Map<String, Object>> errors = errors(clerk, first.get("jobId"));
        assertTrue(errors.stream().anyMatch(e -> e.get("row").equals(2) && e.get("field").equals("budget.central-budget")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.get("row").equals(4) && e.get("field").equals("regionCode")), errors.toString());
        assertTrue(errors.stream().allMatch(e -> (int) e.get("row") == 2 || (int) e.get("row") == 4), errors.toString());

        as(viewer("5224")).get(PATH + "/by-code/" + code(tag, 1)).then().statusCode(200)
                .body("stage", equalTo("ACCEPTED"))
                .body("stageDate", equalTo("2020-01-15"))
                .body("stageDates.PRE_APPROVAL_DONE", equalTo("2019-03-01"))
                .body("stageDates.UNDER_CONSTRUCTION", equalTo("2019-04-10"))
                .body("acceptanceDocument", equalTo("赫农验〔2020〕3号"))
                .body("budgetTotal", equalTo("750000.00"))
                .body("progress.reportDate", equalTo("2019-12-20"))
                .body("progress.investmentCompleted", equalTo("740000.00"));
        as(viewer("5224")).get(PATH + "/by-code/" + code(tag, 3)).then().statusCode(200)
                .body("stage", equalTo("UNDER_CONSTRUCTION"))
                .body("progress.physicalProgress", equalTo("55.50"));
        as(viewer("5224")).get(PATH + "/by-code/" + code(tag, 2)).then().statusCode(404);

        Map<String, Object> again = submit(clerk, ImportFormat.NDJSON_TYPE, batch);
        assertEquals(first.get("jobId"), again.get("jobId"));
        assertEquals(true, again.get("alreadySubmitted"));
        // the staged rows were sealed and are gone with their outcome
        assertEquals(0, count("select count(*) from import_job_row where job_id = '" + first.get("jobId") + "' and payload is not null"));
        assertEquals(2, count("select count(*) from import_job_row r join project p on p.id = r.entity_id where r.job_id = '"
                + first.get("jobId") + "'"));
        // another region's clerk does not see the job
        given().header("Authorization", Tokens.bearer("import-clerk-53", "53", Roles.PROJECT_CLERK))
                .get(IMPORTS + "/" + first.get("jobId")).then().statusCode(404);
    }

    @Test
    void csvWithTheOfficesChineseHeadersImportsACompletedProjectAndReportsABadDateByField() {
        String tag = tag();
        String clerk = clerk(tag);
        String csv = "项目编号,项目名称,项目年度,项目类别,建设地点,实施单位,资金规模(中央财政资金),资金规模（县级财政资金）,计划开工时间,计划完工时间,"
                + "项目阶段,前期审批时间,招投标时间,开工时间,完工时间,批复文号,形象进度(%),累计完成投资,进度填报日期\n"
                + code(tag, 1) + ",村组道路硬化,2020,village-infrastructure," + VILLAGE + ",赫章县交通运输局,\"1,000,000.00\",50000,"
                + "2020/4/1,2020年10月31日,完工,2020-03-01,2020-03-15,2020-04-02,2020-10-20,赫发改〔2020〕8号,100%,980000,2020-10-20\n"
                + code(tag, 2) + ",产业路,2020,village-infrastructure," + VILLAGE + ",赫章县交通运输局,1000,,2020-13-45,,,,,,,,,,\n";
        Map<String, Object> submitted = submit(clerk, ImportFormat.CSV_TYPE, csv.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> job = finished(clerk, submitted.get("jobId"));
        assertEquals(List.of(2, 1, 1), List.of(job.get("total"), job.get("accepted"), job.get("rejected")));
        List<Map<String, Object>> errors = errors(clerk, submitted.get("jobId"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).get("row")); // the file's line
        assertEquals("plannedStartDate", errors.get(0).get("field"));
        as(viewer("5224")).get(PATH + "/by-code/" + code(tag, 1)).then().statusCode(200)
                .body("stage", equalTo("COMPLETED"))
                .body("stageDates.COMPLETED", equalTo("2020-10-20"))
                .body("plannedEndDate", equalTo("2020-10-31"))
                .body("budget.central-budget", equalTo("1000000.00"))
                .body("budgetTotal", equalTo("1050000.00"))
                .body("progress.investmentCompleted", equalTo("980000.00"))
                .body("cancellationReason", nullValue());
    }

    @Test
    void theXlsxTemplateFilledInImportsItsRows() throws Exception {
        String tag = tag();
        String clerk = clerk(tag);
        byte[] template = given().header("Authorization", clerk).get(IMPORTS + "/template.xlsx").then().statusCode(200)
                .extract().asByteArray();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            List<String> labels = new ArrayList<>();
            header.forEach(c -> labels.add(c.getStringCellValue()));
            assertTrue(labels.containsAll(List.of("项目编号", "项目名称", "项目年度", "项目类别", "建设地点", "批次", "实施单位", "统一社会信用代码",
                    "建设内容", "建设规模", "资金规模(中央财政资金)", "资金规模(省级财政资金)", "计划开工时间", "计划完工时间", "项目阶段", "形象进度(%)",
                    "累计完成投资", "带贫户编号(;分隔)")), labels.toString());
            assertEquals(ProjectImportTable.COLUMNS.size(), labels.size());
            // the example row, with a code of this test; a second row: completed without its completion date
            sheet.getRow(1).getCell(labels.indexOf("项目编号")).setCellValue(code(tag, 1));
            Row bad = sheet.createRow(2);
            bad.createCell(labels.indexOf("项目编号")).setCellValue(code(tag, 2));
            bad.createCell(labels.indexOf("项目名称")).setCellValue("养殖场");
            bad.createCell(labels.indexOf("项目年度")).setCellValue(2021);
            bad.createCell(labels.indexOf("项目类别")).setCellValue("village-infrastructure");
            bad.createCell(labels.indexOf("建设地点")).setCellValue(VILLAGE);
            bad.createCell(labels.indexOf("项目阶段")).setCellValue("完工");
            bad.createCell(labels.indexOf("开工时间")).setCellValue("2021-05-01");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        Map<String, Object> submitted = submit(clerk, ImportFormat.XLSX_TYPE, filled);
        Map<String, Object> job = finished(clerk, submitted.get("jobId"));
        assertEquals(List.of(2, 1, 1), List.of(job.get("total"), job.get("accepted"), job.get("rejected")));
        List<Map<String, Object>> errors = errors(clerk, submitted.get("jobId"));
        assertTrue(errors.stream().allMatch(e -> e.get("row").equals(3)), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.get("field").equals("stageDates.COMPLETED")), errors.toString());
        as(viewer("5224")).get(PATH + "/by-code/" + code(tag, 1)).then().statusCode(200)
                .body("stage", equalTo("ACCEPTED"))
                .body("stageDates.ACCEPTED", equalTo("2020-01-15"))
                .body("budgetTotal", equalTo("750000.00"))
                .body("approvalDocument", equalTo("赫发改〔2019〕12号"));
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
