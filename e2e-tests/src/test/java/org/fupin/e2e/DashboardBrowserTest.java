package org.fupin.e2e;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceProcess;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} through its {@code chromedriver}, Selenium 4):
 * household-, project-, fund-, rectification- and reporting-service as processes from their packaged jars, data of
 * 2014–2022 for a Gansu province → city → county → township → village hierarchy entered through their APIs
 * ({@link DashboardSeed}). A county leader signs in through the local issuer's login page (authorization code + PKCE),
 * drills down from the province to a village by clicking rows, and every figure on each page must equal what the
 * reporting API answers to the same query with a bearer token; the as-of date picker changes the figures to the API's
 * as of that day; the xlsx download, read back with POI, is the office layout with the API's figures; a region outside
 * the user's is denied. Screenshots go to {@code target/screenshots/} (with {@code -Dfupin.dashboard.screenshots-to-docs=true}
 * the four views are also copied to {@code docs/screenshots/} for the README).
 * <p>
 * Skipped, saying how to install it, only when Chromium or chromedriver is absent ({@code ./fupin test} installs them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final String USER = "gansu-leader";
    static final String AS_OF = "2020-12-31";
    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    static final Path DOWNLOADS = Path.of("target", "downloads", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    static final Map<String, String> ENDPOINTS = Map.of("households", "/api/v1/reports/households",
            "projects", "/api/v1/reports/projects", "funds", "/api/v1/reports/funds",
            "rectification", "/api/v1/reports/rectification");

    /** The reports that take an as-of day (households and projects are figures of now). */
    static final Set<String> AS_OF_VIEWS = Set.of("funds", "rectification");

    static long startedAt;
    static ServiceProcess household;
    static ServiceProcess project;
    static ServiceProcess fund;
    static ServiceProcess rectification;
    static ServiceProcess reporting;
    static ChromeDriver chrome;
    static DashboardPage page;
    static DashboardSeed seed;

    @BeforeAll
    static void startEverything() {
        startedAt = System.nanoTime();
        Optional<Path> browser = HeadlessChromium.browser();
        Optional<Path> driver = HeadlessChromium.driver();
        Assumptions.assumeTrue(browser.isPresent() && driver.isPresent(),
                "DashboardBrowserTest skipped: no Chromium/chromedriver on this machine — " + HeadlessChromium.INSTALL_HINT);

        // one after the other: five JVMs starting at once on a small machine time out on their first connections
        household = startOne("household-service", "db_household");
        project = startOne("project-service", "db_project");
        fund = startOne("fund-service", "db_fund");
        rectification = startOne("rectification-service", "db_rectification");
        reporting = startOne("reporting-service", "db_reporting");
        log("services ready after %d s", seconds());

        seed = new DashboardSeed(household.url(), project.url(), fund.url(), rectification.url(), reporting.url());
        seed.regionNames();
        seed.population();
        seed.households();
        Map<String, String> projectIds = seed.projects();
        await("fund-service's project replica").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> seed.fundServiceKnows(projectIds));
        seed.funds(projectIds);
        seed.rectification();
        log("seeded %d households, %d projects, %d issues after %d s", seed.households, seed.projects, seed.issues, seconds());

        // everything sent has reached reporting-service (through Kafka) before the browser looks
        await("reporting has every household, project, voucher and issue").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    Map<String, Object> h = api("households", DashboardSeed.PROVINCE, null, null, null).jsonPath().getMap("");
                    assertEquals(seed.households, number(path(h, "registered.households")) + number(path(h, "removed.households")));
                    Map<String, Object> p = api("projects", DashboardSeed.PROVINCE, null, null, null).jsonPath().getMap("");
                    assertEquals(seed.projects, number(path(p, "total.projects")));
                    Map<String, Object> f = api("funds", DashboardSeed.PROVINCE, null, null, null).jsonPath().getMap("");
                    assertEquals(0, seed.reimbursed.compareTo(new BigDecimal(path(f, "total.reimbursed").toString())));
                    if (rectificationReportServed()) {
                        Map<String, Object> r = api("rectification", DashboardSeed.PROVINCE, null, null, null).jsonPath().getMap("");
                        // rectification-service's system check raises findings of its own over the seeded households
                        // and projects (no cadre, past planned end, ...): at least the seeded issues
                        assertTrue(number(path(r, "total.raised")) >= seed.issues, "raised " + path(r, "total.raised"));
                    }
                });
        if (rectificationReportServed()) { // and the system check's findings have settled before the page is compared
            long[] last = {-1};
            await("rectification figures settled").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> {
                        long raised = number(path(api("rectification", DashboardSeed.PROVINCE, null, null, null).jsonPath()
                                .getMap(""), "total.raised"));
                        boolean same = raised == last[0];
                        last[0] = raised;
                        return same;
                    });
        }
        log("reporting caught up after %d s", seconds());

        chrome = HeadlessChromium.start(browser.get(), driver.get(), DOWNLOADS,
                Path.of("target", "e2e-logs", "dashboard-chromedriver.log").toAbsolutePath());
        page = new DashboardPage(chrome, reporting.url(), SCREENSHOTS);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        try {
            if (chrome != null) {
                chrome.quit();
            }
        } finally {
            E2eServices.stop(household, project, fund, rectification, reporting);
        }
        if (Boolean.getBoolean("fupin.dashboard.screenshots-to-docs")) {
            Path docs = ProjectPaths.root().resolve("docs").resolve("screenshots");
            Files.createDirectories(docs);
            for (String view : DashboardPage.VIEWS) {
                Path shot = SCREENSHOTS.resolve("dashboard-" + view + ".png");
                if (Files.exists(shot)) {
                    Files.copy(shot, docs.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (startedAt != 0) {
            log("DashboardBrowserTest ran %d s (services, seeding and browser)", seconds());
        }
    }

    static ServiceProcess startOne(String service, String database) {
        return E2eServices.start("dashboard-", Duration.ofMinutes(8), service, database).get(service);
    }

    /** Whether reporting-service serves the rectification report (its views are compared in the view tests either way). */
    static boolean rectificationReportServed() {
        boolean served = given().baseUri(reporting.url()).header("Authorization", bearer()).queryParam("region", DashboardSeed.PROVINCE)
                .get(ENDPOINTS.get("rectification")).statusCode() != 404;
        if (!served) {
            log("reporting-service has no %s (yet): not waiting for the issues there", ENDPOINTS.get("rectification"));
        }
        return served;
    }

    static long seconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
    }

    static void log(String format, Object... args) {
        System.out.printf("dashboard e2e: " + format + "%n", args);
    }

    // ------------------------------------------------------------------------------------------------ the API

    static String bearer() {
        return Tokens.bearer(USER, DashboardSeed.PROVINCE, Roles.REPORT_VIEWER);
    }

    /** The reporting API's answer to the query a view makes (same region, year and as-of day; grouped by region unless households). */
    static Response api(String view, String region, String year, String asOf, String groupBy) {
        RequestSpecification r = given().baseUri(reporting.url()).header("Authorization", bearer()).accept("application/json")
                .queryParam("region", region);
        if (year != null) {
            r = r.queryParam("year", year);
        }
        if (asOf != null && AS_OF_VIEWS.contains(view)) {
            r = r.queryParam("asOf", asOf);
        }
        if (groupBy != null) {
            r = r.queryParam("groupBy", groupBy);
        }
        Response response = r.get(ENDPOINTS.get(view));
        assertEquals(200, response.statusCode(), view + " " + region + ": " + response.asString());
        return response;
    }

    /** A dotted path into a JSON object ({@code registered.households}, {@code total.reimbursementRate}). */
    @SuppressWarnings("unchecked")
    static Object path(Object json, String dotted) {
        Object at = json;
        for (String part : dotted.split("\\.")) {
            if (!(at instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return Missing.VALUE;
            }
            at = ((Map<String, Object>) m).get(part);
        }
        return at;
    }

    enum Missing { VALUE }

    static long number(Object o) {
        return ((Number) o).longValue();
    }

    /** What a cell's data-value must be for an API value: decimal strings and integers as they are, a rate's percent, "" when undefined. */
    static String expectedValue(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("percent")) {
                return m.get("percent") == null ? "" : m.get("percent").toString();
            }
            if (m.containsKey("households")) {
                return m.get("households").toString();
            }
        }
        return v.toString();
    }

    static boolean isRate(Object v) {
        return v instanceof Map<?, ?> m && m.containsKey("percent") && m.containsKey("denominator");
    }

    static boolean same(String page, String api) {
        if (page.equals(api)) {
            return true;
        }
        try {
            return new BigDecimal(page.replace(",", "")).compareTo(new BigDecimal(api)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Compares one table row with the API's figures for it; returns the number of cells compared. */
    static int compare(String what, DashboardPage.Row row, Map<String, Object> figures) {
        assertFalse(row.values().isEmpty(), what + ": a row without td[data-field] cells: " + row.text());
        int compared = 0;
        for (Map.Entry<String, String> cell : row.values().entrySet()) {
            Object v = path(figures, cell.getKey());
            if (v == Missing.VALUE) {
                fail(what + ": the page shows field " + cell.getKey() + " that the API's answer does not have: " + figures);
            }
            String expected = expectedValue(v);
            assertTrue(same(cell.getValue(), expected), what + " " + cell.getKey() + ": page " + cell.getValue() + ", API " + expected);
            if (isRate(v)) {
                if (expected.isEmpty()) {
                    assertEquals("—", row.texts().get(cell.getKey()), what + " " + cell.getKey() + ": an undefined rate shows —");
                } else {
                    assertFalse(row.titles().get(cell.getKey()).isBlank(),
                            what + " " + cell.getKey() + ": a rate tells its numerator and denominator on hover (title)");
                }
            }
            compared++;
        }
        return compared;
    }

    /** Every figure of the current view's table equals the API's answer to the same query; returns the cells compared. */
    static int assertPageEqualsApi(String view) {
        DashboardPage.State s = page.state();
        String region = s.region() != null ? s.region() : DashboardSeed.PROVINCE;
        List<DashboardPage.Row> rows = page.rows(view);
        DashboardPage.Row total = page.total(view);
        assertTrue(!rows.isEmpty() || total != null, view + " " + region + ": the table shows no rows");
        int compared = 0;
        if (view.equals("households")) {
            for (DashboardPage.Row row : rows) {
                compared += compare(view + " row " + row.region(), row,
                        api(view, row.region(), s.year(), s.asOf(), null).jsonPath().getMap(""));
            }
            if (total != null) {
                compared += compare(view + " total " + region, total, api(view, region, s.year(), s.asOf(), null).jsonPath().getMap(""));
            }
        } else {
            Map<String, Object> answer = api(view, region, s.year(), s.asOf(), rows.isEmpty() ? null : "region").jsonPath().getMap("");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> apiRows = (List<Map<String, Object>>) answer.getOrDefault("rows", List.of());
            Map<String, Map<String, Object>> byGroup = new HashMap<>();
            apiRows.forEach(r -> byGroup.put(String.valueOf(r.get("group")), castMap(r.get("figures"))));
            for (DashboardPage.Row row : rows) {
                Map<String, Object> figures = byGroup.get(row.region());
                assertNotNull(figures, view + ": the page has a row " + row.region() + " the API has not: " + byGroup.keySet());
                compared += compare(view + " row " + row.region(), row, figures);
            }
            if (total != null) {
                compared += compare(view + " total " + region, total, castMap(answer.get("total")));
            }
        }
        assertTrue(compared > 0, view + ": no figure compared");
        return compared;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** Each row is labelled with its region's name, or its code where no name is loaded. */
    static void assertRegionLabels(String view) {
        for (DashboardPage.Row row : page.rows(view)) {
            String name = DashboardSeed.NAMES.get(row.region());
            String expected = name != null ? name : row.region();
            assertTrue(row.text().contains(expected), view + " row " + row.region() + " is labelled " + expected + ": " + row.text());
        }
    }

    // ------------------------------------------------------------------------------------------------- tests

    @Test
    @Order(1)
    void signsInThroughTheIssuersLoginPage() {
        page.openRoot();
        page.await(Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("username")).isEmpty());
        page.screenshot("login");
        WebElement roles = chrome.findElement(By.id("roles"));
        assertTrue(roles.getAttribute("value").contains(Roles.REPORT_VIEWER), "the roles field is prefilled report-viewer");
        chrome.findElement(By.id("username")).clear();
        chrome.findElement(By.id("username")).sendKeys(USER);
        chrome.findElement(By.id("region")).clear();
        chrome.findElement(By.id("region")).sendKeys(DashboardSeed.PROVINCE);
        chrome.findElement(By.id("login")).click();
        page.await(Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().startsWith(reporting.url() + "/dashboard"));
        page.awaitLoaded();
        page.screenshot("signed-in");
        assertFalse(page.freshness().isEmpty(), "the freshness of the figures is shown");
        assertTrue(page.breadcrumbText().contains(DashboardSeed.NAMES.get(DashboardSeed.PROVINCE)),
                "the signed-in user's province by name: " + page.breadcrumbText());
        log("signed in after %d s", seconds());
    }

    @Test
    @Order(2)
    void drillsDownFromTheProvinceToAVillageAndTheNumbersAreTheApis() {
        page.open("households?region=" + DashboardSeed.PROVINCE);
        int compared = 0;
        List<String> path = DashboardSeed.DRILL_PATH;
        for (int level = 0; level < path.size(); level++) {
            String region = path.get(level);
            assertEquals(region, page.state().region());
            compared += assertPageEqualsApi("households");
            assertRegionLabels("households");
            page.screenshot("drill-" + level + "-" + region);
            if (level + 1 < path.size()) {
                page.drillInto("households", path.get(level + 1));
            }
        }
        // the breadcrumb leads back up, every level named
        List<String> crumbs = page.breadcrumbRegions();
        assertTrue(crumbs.containsAll(path.subList(0, path.size() - 1)), "breadcrumb links of every level above: " + crumbs);
        String text = page.breadcrumbText();
        for (String region : path) {
            assertTrue(text.contains(DashboardSeed.NAMES.get(region)), "breadcrumb names " + region + ": " + text);
        }
        page.breadcrumb(DashboardSeed.COUNTY);
        assertEquals(DashboardSeed.COUNTY, page.state().region());
        compared += assertPageEqualsApi("households");
        // a village without a name (a project is built there) shows as its code
        page.open("projects?region=" + DashboardSeed.TOWNSHIP);
        compared += assertPageEqualsApi("projects");
        assertTrue(page.rows("projects").stream().anyMatch(r -> r.region().equals(DashboardSeed.UNNAMED_VILLAGE)
                && r.text().contains(DashboardSeed.UNNAMED_VILLAGE)), "a village without a name shows its code");
        log("drill-down province → village: %d figures equal the API's (%d s)", compared, seconds());
    }

    @Test
    @Order(3)
    void everyViewOfTheCountyShowsTheApisFigures() {
        page.open("households?region=" + DashboardSeed.COUNTY);
        for (String view : DashboardPage.VIEWS) {
            page.tab(view);
            assertEquals(DashboardSeed.COUNTY, page.state().region(), view + " keeps the region");
            int compared = assertPageEqualsApi(view);
            assertRegionLabels(view);
            WebElement chart = page.chart(view);
            assertTrue(chart.isDisplayed(), view + ": the chart is shown");
            assertFalse(chart.findElements(By.cssSelector("canvas, svg")).isEmpty(), view + ": ECharts drew the chart");
            assertFalse(page.freshness().isEmpty(), view + ": freshness shown");
            assertNotNull(page.exportHref(view), view + ": an xlsx link");
            page.screenshot("dashboard-" + view);
            log("%s of %s: %d figures equal the API's", view, DashboardSeed.COUNTY, compared);
        }
        // a year chosen: the figures of that year
        page.tab("funds");
        page.selectYear("2020");
        assertPageEqualsApi("funds");
        page.tab("households");
        assertEquals("2020", page.state().year(), "the year is kept across views");
        assertPageEqualsApi("households");
        // English
        String chinese = page.byTestId("tab-households").getText();
        page.toggleLanguage();
        String english = page.byTestId("tab-households").getText();
        assertFalse(chinese.equals(english), "the language switch changes the labels: " + chinese + " / " + english);
        assertPageEqualsApi("households");
        page.screenshot("households-english");
        page.toggleLanguage();
    }

    @Test
    @Order(4)
    void theAsOfDateShowsTheFiguresOfThatDay() {
        page.open("funds?region=" + DashboardSeed.COUNTY);
        DashboardPage.Row now = page.total("funds");
        page.asOf(AS_OF);
        assertEquals(AS_OF, page.state().asOf());
        int compared = assertPageEqualsApi("funds");
        DashboardPage.Row then = page.total("funds");
        if (now != null && then != null) {
            assertFalse(now.values().equals(then.values()), "vouchers of 2021 are not counted as of " + AS_OF);
        }
        page.screenshot("funds-as-of-" + AS_OF);
        page.tab("rectification");
        assertEquals(AS_OF, page.state().asOf(), "the as-of day is kept across views");
        compared += assertPageEqualsApi("rectification");
        log("as of %s: %d figures equal the API's", AS_OF, compared);
    }

    @Test
    @Order(5)
    void theTableDownloadsAsAnXlsxInTheOfficeLayout() throws Exception {
        page.open("funds?region=" + DashboardSeed.COUNTY + "&asOf=" + AS_OF);
        Set<Path> before = files(DOWNLOADS);
        page.clickExport("funds");
        Path sheet = await("the xlsx download").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Set<Path> now = files(DOWNLOADS);
                    now.removeAll(before);
                    return now.stream().filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElse(null);
                }, p -> p != null && p.toFile().length() > 0);
        Map<String, Object> total = castMap(api("funds", DashboardSeed.COUNTY, null, AS_OF, null).jsonPath().getMap("total"));
        try (InputStream in = Files.newInputStream(sheet); Workbook book = new XSSFWorkbook(in)) {
            Sheet s = book.getSheetAt(0);
            String title = s.getRow(s.getFirstRowNum()).getCell(0).getStringCellValue();
            assertTrue(title.contains(DashboardSeed.NAMES.get(DashboardSeed.COUNTY)), "title names the county: " + title);
            assertTrue(title.contains("截至"), "title says 截至: " + title);
            assertTrue(title.contains(AS_OF) || title.contains("2020年12月31日"), "title has the as-of day: " + title);
            Row header = s.getRow(s.getFirstRowNum() + 1);
            assertTrue(cells(header).stream().anyMatch(c -> c.getCellType() == CellType.STRING
                    && c.getStringCellValue().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)),
                    "Chinese header row");
            Row totalRow = null;
            for (Row r : s) {
                Cell first = r.getCell(r.getFirstCellNum());
                if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().contains("合计")) {
                    totalRow = r;
                }
            }
            assertNotNull(totalRow, "a 合计 row");
            List<Cell> numeric = cells(totalRow).stream().filter(c -> c.getCellType() == CellType.NUMERIC).toList();
            List<BigDecimal> numbers = numeric.stream().map(c -> BigDecimal.valueOf(c.getNumericCellValue())).toList();
            for (String field : List.of("projects", "reimbursed", "allocated", "disbursed")) {
                BigDecimal expected = new BigDecimal(total.get(field).toString());
                assertTrue(numbers.stream().anyMatch(n -> n.compareTo(expected) == 0),
                        "合计 has " + field + " " + expected + " as a number: " + numbers);
            }
            Object percent = castMap(total.get("reimbursementRate")).get("percent");
            if (percent != null) {
                BigDecimal expected = new BigDecimal(percent.toString()).movePointLeft(2);
                assertTrue(numbers.stream().anyMatch(n -> n.subtract(expected).abs().compareTo(new BigDecimal("0.00005")) < 0),
                        "合计 has 报账率 " + expected + " as a number: " + numbers);
            }
            Set<String> formats = numeric.stream().map(c -> c.getCellStyle().getDataFormatString()).collect(Collectors.toSet());
            assertTrue(formats.contains("#,##0.00"), "amounts as #,##0.00: " + formats);
            assertTrue(formats.contains("0.00%"), "rates as 0.00%: " + formats);
        }
        log("xlsx %s read back with POI (%d bytes)", sheet.getFileName(), Files.size(sheet));
    }

    @Test
    @Order(6)
    void aRegionOutsideTheUsersIsDenied() {
        assertEquals(403, given().baseUri(reporting.url()).header("Authorization", bearer())
                .queryParam("region", DashboardSeed.OUTSIDE).get(ENDPOINTS.get("households")).statusCode());
        page.markStale();
        chrome.get(reporting.url() + "/dashboard/#/households?region=" + DashboardSeed.OUTSIDE);
        chrome.navigate().refresh();
        page.await(DashboardPage.LOAD).until(d -> page.deniedShown());
        assertTrue(page.allByTestId("table-households").stream().noneMatch(WebElement::isDisplayed) || page.rows("households").isEmpty(),
                "no figures of a region outside the user's");
        page.screenshot("denied");
    }

    static Set<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.toString().endsWith(".crdownload") && !p.toString().endsWith(".tmp"))
                    .collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    static List<Cell> cells(Row row) {
        List<Cell> out = new ArrayList<>();
        row.forEach(out::add);
        return out;
    }
}
