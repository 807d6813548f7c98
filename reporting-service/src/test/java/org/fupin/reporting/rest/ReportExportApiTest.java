package org.fupin.reporting.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.FundLibrary;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fupin.reporting.FundReports.total;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report endpoints as CSV and xlsx (office layout, read back with POI), chosen by Accept or {@code ?format=}, and
 * the freshness of every report. The fund library of {@link FundReportApiTest} (figures computed by hand) in county
 * 810101; province 81 is used by this class only.
 */
@QuarkusTest
class ReportExportApiTest {

    static final String COUNTY = "810101";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String FUNDS = "/api/v1/reports/funds";

    private static boolean published;
    private static Instant sentFrom;

    /** Names, the fund library and a household, published once for the class and awaited; the tests only read. */
    static synchronized void data() {
        if (published) {
            return;
        }
        given().header("Authorization", Tokens.bearer("statistician", "81", Roles.REPORT_ADMIN)).contentType(ContentType.JSON)
                .body("""
                        [{"code":"81","name":"甲省"},{"code":"8101","name":"乙市"},{"code":"810101","name":"丙县"},
                         {"code":"810101001","name":"一镇"}]""")
                .put("/api/v1/admin/region-names").then().statusCode(200);
        sentFrom = Instant.now();
        FundLibrary l = new FundLibrary(COUNTY);
        l.sendProjects();
        l.sendFunds();
        new TestHousehold(COUNTY + "001001").register(2019, 4);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(FundReportApiTest.TOTAL, total(org.fupin.reporting.FundReports.report(COUNTY)));
            assertEquals(1, Reports.figures(COUNTY, null).getLong("registered.households"));
        });
        published = true;
    }

    static RequestSpecification analyst(String tokenRegion) {
        return given().header("Authorization", Tokens.bearer("analyst", tokenRegion, Roles.REPORT_VIEWER));
    }

    static XSSFWorkbook workbook(Response r) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()));
    }

    static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell c : row) {
            out.add(c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue()) : c.getStringCellValue());
        }
        return out;
    }

    static void assertNumber(Cell cell, double value, String format) {
        assertEquals(CellType.NUMERIC, cell.getCellType(), "cell " + cell.getAddress() + " is numeric");
        assertEquals(value, cell.getNumericCellValue(), 1e-9, "cell " + cell.getAddress());
        assertEquals(format, cell.getCellStyle().getDataFormatString(), "format of " + cell.getAddress());
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void theFundTableByYearAsXlsxInTheOfficeLayout() throws IOException {
        data();
        Response r = analyst("81").queryParam("region", COUNTY).queryParam("groupBy", "year").queryParam("format", "xlsx")
                .get(FUNDS);
        r.then().statusCode(200).contentType(startsWith(XLSX))
                .header("Content-Disposition", containsString("filename=\"funds-810101-" + today() + ".xlsx\""));
        try (XSSFWorkbook wb = workbook(r)) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("丙县 资金统计表 截至 " + today(), s.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1, s.getNumMergedRegions(), "the title spans the table");
            assertEquals(List.of("年度", "项目个数", "项目预算（元）", "已实施项目个数", "已实施金额（元）", "资金下达（元）", "资金拨付（元）",
                    "已报账金额（元）", "结余（元）", "拨付率", "资金使用率", "报账率", "预算报账率"), texts(s.getRow(1)));
            // 2019: 2 projects, budget 170000, 1 implemented (120000), allocated 130000, disbursed 80000, reimbursed 60000
            Row y2019 = s.getRow(2);
            assertEquals("2019", y2019.getCell(0).getStringCellValue());
            assertNumber(y2019.getCell(1), 2, "0");
            assertNumber(y2019.getCell(2), 170000.00, "#,##0.00");
            assertNumber(y2019.getCell(3), 1, "0");
            assertNumber(y2019.getCell(4), 120000.00, "#,##0.00");
            assertNumber(y2019.getCell(5), 130000.00, "#,##0.00");
            assertNumber(y2019.getCell(8), 70000.00, "#,##0.00");
            assertNumber(y2019.getCell(9), 0.6154, "0.00%");
            assertNumber(y2019.getCell(11), 0.5, "0.00%");
            assertNumber(y2019.getCell(12), 0.3529, "0.00%");
            assertEquals("2020", s.getRow(3).getCell(0).getStringCellValue());
            assertNumber(s.getRow(3).getCell(11), 0.7, "0.00%");
            // money of a project not known: an undefined 报账率 is "—", never 0
            Row unknown = s.getRow(4);
            assertEquals("未匹配项目", unknown.getCell(0).getStringCellValue());
            assertNumber(unknown.getCell(5), 700.00, "#,##0.00");
            assertEquals("—", unknown.getCell(11).getStringCellValue());
            assertEquals("—", unknown.getCell(12).getStringCellValue());
            // the total row, computed (not summed): 报账率 410700.00 / 620000.00 = 66.24 %
            Row total = s.getRow(5);
            assertEquals("合计", total.getCell(0).getStringCellValue());
            assertTrue(wb.getFontAt(total.getCell(0).getCellStyle().getFontIndex()).getBold(), "the total row is bold");
            assertNumber(total.getCell(1), 3, "0");
            assertNumber(total.getCell(5), 630700.00, "#,##0.00");
            assertNumber(total.getCell(7), 410700.00, "#,##0.00");
            assertNumber(total.getCell(11), 0.6624, "0.00%");
            assertNull(s.getRow(6), "nothing after the total");
        }
        // the same through the Accept header
        Response byAccept = analyst("81").accept(XLSX).queryParam("region", COUNTY).queryParam("groupBy", "year").get(FUNDS);
        byAccept.then().statusCode(200).contentType(startsWith(XLSX));
        try (XSSFWorkbook wb = workbook(byAccept)) {
            assertEquals("合计", wb.getSheetAt(0).getRow(5).getCell(0).getStringCellValue());
        }
    }

    @Test
    void byRegionTheRowsCarryCodeAndNameAndAsOfIsInTheTitle() throws IOException {
        data();
        Response r = analyst("8101").queryParam("region", COUNTY).queryParam("groupBy", "region")
                .queryParam("asOf", "2020-06-30").queryParam("format", "xlsx").get(FUNDS);
        r.then().statusCode(200);
        try (XSSFWorkbook wb = workbook(r)) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("丙县 资金统计表 截至 2020-06-30", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals(List.of("区划代码", "区划名称", "项目个数"), texts(s.getRow(1)).subList(0, 3));
            assertEquals("810101001", s.getRow(2).getCell(0).getStringCellValue());
            assertEquals("一镇", s.getRow(2).getCell(1).getStringCellValue());
            assertEquals("810101002", s.getRow(3).getCell(0).getStringCellValue());
            assertEquals("", s.getRow(3).getCell(1).getStringCellValue(), "no name loaded: the code alone");
            assertEquals("合计", s.getRow(4).getCell(0).getStringCellValue());
        }
    }

    @Test
    void theFundTableAsCsvWithBomAndChineseHeaders() {
        data();
        Response r = analyst("81").accept("text/csv").queryParam("region", COUNTY).queryParam("groupBy", "year").get(FUNDS);
        r.then().statusCode(200).contentType(startsWith("text/csv")).contentType(containsString("UTF-8"))
                .header("Content-Disposition", containsString(".csv"));
        byte[] bytes = r.asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 byte-order mark");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "年度,项目个数,项目预算（元）,已实施项目个数,已实施金额（元）,资金下达（元）,资金拨付（元）,已报账金额（元）,结余（元）,拨付率,资金使用率,报账率,预算报账率",
                "2019,2,170000.00,1,120000.00,130000.00,80000.00,60000.00,70000.00,61.54%,46.15%,50.00%,35.29%",
                "2020,1,500000.00,1,500000.00,500000.00,450000.00,350000.00,150000.00,90.00%,70.00%,70.00%,70.00%",
                "未匹配项目,0,0.00,0,0.00,700.00,700.00,700.00,0.00,100.00%,100.00%,—,—",
                "合计,3,670000.00,2,620000.00,630700.00,530700.00,410700.00,220000.00,84.14%,65.12%,66.24%,61.30%"),
                Arrays.asList(text.split("\r\n")));
        // ?format=csv for a plain link, whatever the browser accepts
        analyst("81").accept("text/html,application/xhtml+xml,*/*;q=0.8").queryParam("region", COUNTY).queryParam("format", "csv")
                .get(FUNDS).then().statusCode(200).contentType(startsWith("text/csv"));
        // JSON stays the default
        analyst("81").accept("*/*").queryParam("region", COUNTY).get(FUNDS).then().statusCode(200).contentType(ContentType.JSON);
        analyst("81").queryParam("region", COUNTY).get(FUNDS).then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void everyReportExportsAndAWrongFormatOrRegionIsRefused() throws IOException {
        data();
        // households: the region's own row
        Response h = analyst("81").queryParam("region", COUNTY).queryParam("format", "csv").get("/api/v1/reports/households");
        h.then().statusCode(200);
        String[] lines = new String(h.asByteArray(), StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("区划代码,区划名称,建档立卡户数,建档立卡人数,脱贫户数"), lines[0]);
        assertTrue(lines[1].startsWith("810101,丙县,1,4,0,0,"), lines[1]);
        assertTrue(lines[1].contains(",—,"), "no population loaded: incidence undefined: " + lines[1]);
        // households by region and by year: JSON rows and the table
        JsonPath byRegion = analyst("81").queryParam("region", COUNTY).queryParam("groupBy", "region")
                .get("/api/v1/reports/households").then().statusCode(200).extract().jsonPath();
        assertEquals("region", byRegion.getString("groupBy"));
        assertEquals(List.of("810101001"), byRegion.getList("rows.group"));
        assertEquals(1, byRegion.getLong("rows[0].figures.registered.households"));
        assertEquals(4, byRegion.getLong("rows[0].figures.registered.persons"));
        JsonPath byYear = analyst("81").queryParam("region", COUNTY).queryParam("groupBy", "year")
                .get("/api/v1/reports/households").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2019"), byYear.getList("rows.group"));
        assertEquals(1, byYear.getLong("rows[0].figures.registered.households"));
        Response hx = analyst("81").queryParam("region", COUNTY).queryParam("groupBy", "region").queryParam("format", "xlsx")
                .get("/api/v1/reports/households");
        try (XSSFWorkbook wb = workbook(hx)) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("丙县 贫困户统计表 截至 " + today(), s.getRow(0).getCell(0).getStringCellValue());
            assertEquals(List.of("区划代码", "区划名称", "建档立卡户数", "建档立卡人数"), texts(s.getRow(1)).subList(0, 4));
            assertEquals("一镇", s.getRow(2).getCell(1).getStringCellValue());
            assertNumber(s.getRow(2).getCell(3), 4, "0");
            assertEquals("合计", s.getRow(3).getCell(0).getStringCellValue());
            assertEquals("—", s.getRow(3).getCell(15).getStringCellValue(), "incidence without population: undefined");
        }
        analyst("81").queryParam("region", COUNTY).queryParam("groupBy", "stage").get("/api/v1/reports/households")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        // projects by stage
        Response p = analyst("81").accept(XLSX).queryParam("region", COUNTY).queryParam("groupBy", "stage")
                .get("/api/v1/reports/projects");
        p.then().statusCode(200).contentType(startsWith(XLSX));
        try (XSSFWorkbook wb = workbook(p)) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("丙县 项目库统计表 截至 " + today(), s.getRow(0).getCell(0).getStringCellValue());
            List<String> header = texts(s.getRow(1));
            assertEquals(List.of("项目阶段", "项目总数", "储备入库", "前期审批完成", "招投标", "在建", "竣工", "验收", "终止"),
                    header.subList(0, 9));
            assertTrue(header.contains("中央财政资金（元）") && header.contains("开工率") && header.contains("带贫户数"), header.toString());
            Row total = s.getRow(s.getLastRowNum());
            assertEquals("合计", total.getCell(0).getStringCellValue());
            assertNumber(total.getCell(1), 4, "0");
        }
        // population: many rows, streamed
        StringBuilder body = new StringBuilder("[");
        for (int i = 1; i <= 3000; i++) {
            body.append(i == 1 ? "" : ",").append(String.format("{\"regionCode\":\"810102%03d%03d\",\"population\":%d}",
                    (i - 1) / 500 + 1, (i - 1) % 500 + 1, 100 + i));
        }
        given().header("Authorization", Tokens.bearer("statistician", "81", Roles.REPORT_ADMIN)).contentType(ContentType.JSON)
                .body(body.append("]").toString()).put("/api/v1/reports/population").then().statusCode(200);
        Response pop = analyst("81").queryParam("region", "810102").queryParam("format", "xlsx").get("/api/v1/reports/population");
        pop.then().statusCode(200);
        try (XSSFWorkbook wb = workbook(pop)) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("810102 户籍人口表 截至 " + today(), s.getRow(0).getCell(0).getStringCellValue(), "no name: the code");
            assertEquals(List.of("区划代码", "区划名称", "户籍人口", "年度", "更新时间", "更新人"), texts(s.getRow(1)));
            assertEquals(2 + 3000 - 1, s.getLastRowNum());
            assertNumber(s.getRow(2).getCell(2), 101, "0");
        }
        // a wrong format, a region outside the caller's, no role
        analyst("81").queryParam("region", COUNTY).queryParam("format", "pdf").get(FUNDS)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        analyst("8102").queryParam("region", COUNTY).queryParam("format", "xlsx").get(FUNDS)
                .then().statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        analyst("8102").accept("text/csv").queryParam("region", COUNTY).get("/api/v1/reports/households")
                .then().statusCode(403).contentType("application/problem+json");
        given().queryParam("format", "xlsx").get(FUNDS).then().statusCode(401);
    }

    @Test
    void everyReportCarriesTheFreshnessOfItsConsumers() {
        data();
        Instant now = Instant.now();
        JsonPath funds = analyst("81").queryParam("region", COUNTY).get(FUNDS).then().statusCode(200).extract().jsonPath();
        Instant latest = Instant.parse(funds.getString("freshness.latestEventAt"));
        assertFalse(latest.isBefore(sentFrom), "the events sent are applied: " + latest + " ≥ " + sentFrom);
        assertFalse(latest.isAfter(now));
        assertEquals(java.util.Set.of("fund-events", "project-events"), funds.getMap("freshness.consumers").keySet());
        JsonPath projects = analyst("81").queryParam("region", COUNTY).get("/api/v1/reports/projects").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(java.util.Set.of("project-events", "household-events"), projects.getMap("freshness.consumers").keySet());
        JsonPath households = Reports.figures(COUNTY, null);
        Instant household = Instant.parse(households.getString("freshness.latestEventAt"));
        assertFalse(household.isBefore(sentFrom));
        assertEquals(java.util.Set.of("household-events"), households.getMap("freshness.consumers").keySet());
        // population: the latest load inside the region; none loaded → null
        assertNull(analyst("81").queryParam("region", "810199").get("/api/v1/reports/population").then().statusCode(200)
                .extract().jsonPath().get("freshness.latestEventAt"));
    }

    @Test
    void theColumnsOfATableAreTheFieldsOfItsJson() {
        data();
        List<String> keys = analyst("81").get(FUNDS + "/columns").then().statusCode(200).extract().jsonPath().getList("key");
        JsonPath funds = analyst("81").queryParam("region", COUNTY).get(FUNDS).then().extract().jsonPath();
        assertEquals(List.copyOf(funds.getMap("total").keySet()), keys);
        JsonPath columns = analyst("81").get("/api/v1/reports/households/columns").then().statusCode(200).extract().jsonPath();
        assertEquals("registered.households", columns.getString("[0].key"));
        assertEquals("建档立卡户数", columns.getString("[0].zh"));
        assertEquals("COUNT", columns.getString("[0].kind"));
        JsonPath households = Reports.figures(COUNTY, null);
        for (String key : columns.<String>getList("key")) {
            assertTrue(households.get(key) != null || key.equals("population"), key + " is a field of the JSON");
        }
        analyst("81").get("/api/v1/reports/projects/columns").then().statusCode(200).body("key", org.hamcrest.Matchers.hasItem("byStage.PLANNED"));
    }
}
