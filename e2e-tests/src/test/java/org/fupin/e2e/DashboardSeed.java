package org.fupin.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The data the dashboard test reads, entered through the services' APIs as offices do: a province → city → county →
 * township → village hierarchy of Gansu (甘肃, 62, a western province: incidence threshold 3 %) with its region names
 * (one village left unnamed, so its code shows), registered households of 2014–2016 with exits 2017–2020, returns,
 * a removal and monitored households, village populations, a project library of 2019–2022 taken through its stages,
 * allocation documents, disbursements and vouchers over 2019–2021 (some after 2020-12-31, so the as-of switch changes
 * figures), and two inspection sources with issues in every state. The figures shown are the reporting API's; this class
 * only knows how much it sent, to wait until reporting has it all.
 */
final class DashboardSeed {

    static final String PROVINCE = "62";
    static final String CITY = "6211";
    static final String OTHER_CITY = "6212";
    static final String COUNTY = "621121";
    static final String OTHER_COUNTY = "621102";
    static final String THIRD_COUNTY = "621221";
    static final String TOWNSHIP = "621121100";
    static final String OTHER_TOWNSHIP = "621121101";
    static final String VILLAGE = "621121100201";
    /** A village with households but no name loaded: the dashboard shows its code. */
    static final String UNNAMED_VILLAGE = "621121100203";
    static final List<String> VILLAGES = List.of(VILLAGE, "621121100202", UNNAMED_VILLAGE, "621121101201", "621102100201",
            "621221100201");
    /** A region outside the dashboard user's province (Qinghai). */
    static final String OUTSIDE = "63";

    /** Region names loaded through the admin endpoint (code → name), every level. */
    static final Map<String, String> NAMES = names(
            "62", "甘肃省",
            "6211", "定西市", "6212", "陇南市",
            "621121", "通渭县", "621102", "安定区", "621221", "成县",
            "621121100", "平襄镇", "621121101", "马营镇", "621102100", "凤翔镇", "621221100", "城关镇",
            "621121100201", "城关村", "621121100202", "西关村", "621121101201", "马营村", "621102100201", "南川村",
            "621221100201", "东关村");

    /** The path of the drill-down the test clicks, province first. */
    static final List<String> DRILL_PATH = List.of(PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE);

    private static Map<String, String> names(String... codeName) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeName.length; i += 2) {
            m.put(codeName[i], codeName[i + 1]);
        }
        return m;
    }

    /** What was sent, to await reporting. */
    int households;
    int projects;
    int issues;
    java.math.BigDecimal reimbursed = java.math.BigDecimal.ZERO;

    private final String householdUrl;
    private final String projectUrl;
    private final String fundUrl;
    private final String rectificationUrl;
    private final String reportingUrl;
    private int residentSeq = 7000;

    DashboardSeed(String householdUrl, String projectUrl, String fundUrl, String rectificationUrl, String reportingUrl) {
        this.householdUrl = householdUrl;
        this.projectUrl = projectUrl;
        this.fundUrl = fundUrl;
        this.rectificationUrl = rectificationUrl;
        this.reportingUrl = reportingUrl;
    }

    static String adminToken() {
        return Tokens.bearer("report-admin-62", PROVINCE, Roles.REPORT_ADMIN, Roles.REPORT_VIEWER);
    }

    static Response expect(Response r, int status, String what) {
        if (r.statusCode() != status && !(status == 200 && r.statusCode() / 100 == 2)) {
            fail(what + " → " + r.statusCode() + " (expected " + status + "): " + r.asString());
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------ names, population

    void regionNames() {
        List<Map<String, String>> body = new ArrayList<>();
        NAMES.forEach((code, name) -> body.add(Map.of("code", code, "name", name)));
        expect(given().baseUri(reportingUrl).header("Authorization", adminToken()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/admin/region-names"), 200, "PUT region names");
    }

    void population() {
        List<Map<String, Object>> body = new ArrayList<>();
        for (int i = 0; i < VILLAGES.size(); i++) {
            body.add(Map.of("regionCode", VILLAGES.get(i), "population", 800 + 150 * i, "year", 2020));
        }
        expect(given().baseUri(reportingUrl).header("Authorization", adminToken()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/reports/population"), 200, "PUT population");
    }

    // ------------------------------------------------------------------------------------------------ households

    /** A valid resident ID number of the county, distinct per call (check character by ISO 7064 MOD 11-2). */
    private String residentId() {
        int n = ++residentSeq;
        String first17 = "621121" + LocalDate.of(1960, 1, 1).plusDays(n * 3L).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private Map<String, Object> member(String relation) {
        String id = residentId();
        Map<String, Object> m = new HashMap<>();
        m.put("name", "王" + (char) ('一' + residentSeq % 50));
        m.put("residentId", id);
        m.put("relation", relation);
        m.put("sex", (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
        m.put("birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        m.put("health", "HEALTHY");
        m.put("disability", "NONE");
        m.put("labourAbility", "NORMAL");
        m.put("education", "PRIMARY");
        m.put("schoolingStatus", "FINISHED");
        m.put("migrantWork", false);
        return m;
    }

    private static String householdToken(String... roles) {
        return Tokens.bearer("county-office-62", PROVINCE, roles);
    }

    private Response householdStep(String id, String action, Map<String, Object> body) {
        String token = householdToken(Roles.HOUSEHOLD_COUNTY_APPROVER, Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER);
        int version = given().baseUri(householdUrl).header("Authorization", token).get("/api/v1/households/" + id)
                .then().statusCode(200).extract().path("version");
        return expect(given().baseUri(householdUrl).header("Authorization", token).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(body).post("/api/v1/households/" + id + "/" + action), 200, action + " " + id);
    }

    private static Map<String, Object> allConditions() {
        Map<String, Object> m = new HashMap<>();
        for (String c : List.of("FOOD", "CLOTHING", "COMPULSORY_EDUCATION", "BASIC_MEDICAL_INSURANCE", "SAFE_HOUSING",
                "SAFE_DRINKING_WATER")) {
            m.put(c, true);
        }
        return m;
    }

    /**
     * 30 households over the six villages: identified 2014–2016, most exited 2017–2020, three returned in 2021, one
     * removed, low-income ones (monitored) and one hardship.
     */
    void households() {
        for (int i = 0; i < 30; i++) {
            String village = VILLAGES.get(i % VILLAGES.size());
            boolean low = i % 5 == 2;
            int members = low ? 1 : 1 + (i * 7) % 5;
            List<Map<String, Object>> list = new ArrayList<>();
            list.add(member("HEAD"));
            for (int m = 1; m < members; m++) {
                list.add(member(m == 1 ? "SPOUSE" : "CHILD"));
            }
            Map<String, Object> h = new HashMap<>(Map.of("regionCode", village, "householdType", "ORDINARY",
                    "mainCause", i % 2 == 0 ? "ILLNESS" : "LACK_OF_SKILLS", "incomeYear", 2020,
                    "incomeItems", Map.of("WAGES", low ? "5000.00" : "90000.00"), "members", list));
            String id = expect(given().baseUri(householdUrl).header("Authorization", householdToken(Roles.HOUSEHOLD_IMPORTER))
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                    .body(Map.of("household", h, "identificationYear", 2014 + i % 3))
                    .post("/api/v1/households/registered"), 201, "import household " + i).path("id");
            households++;
            if (!low && i % 3 != 0) {
                householdStep(id, "exit", Map.of("exitYear", 2017 + i % 4, "conditions", allConditions()));
                if (i == 4 || i == 8 || i == 14) {
                    householdStep(id, "return", Map.of("year", 2021, "reason", "因病返贫"));
                }
            } else if (i == 9) {
                householdStep(id, "removal", Map.of("reason", "错评：收入核实超标"));
            } else if (i == 15) {
                householdStep(id, "hardships", Map.of("kind", "ILLNESS", "date", "2021-06-01"));
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- projects

    record Project(String key, int year, String category, String region, String last, Map<String, String> budget) {
        String county() {
            return region.substring(0, 6) + "000000";
        }
    }

    static final List<Project> PROJECTS = List.of(
            new Project("P0", 2019, "industry", VILLAGE, "ACCEPTED", Map.of("central-budget", "300000.00", "provincial-budget", "100000.00")),
            new Project("P1", 2019, "village-infrastructure", "621121100202", "COMPLETED", Map.of("county-budget", "200000.00")),
            new Project("P2", 2020, "education", "621121101201", "UNDER_CONSTRUCTION", Map.of("central-budget", "150000.00")),
            new Project("P3", 2020, "industry", "621102100201", "COMPLETED", Map.of("central-budget", "260000.00")),
            new Project("P4", 2021, "living-conditions", VILLAGE, "UNDER_CONSTRUCTION", Map.of("provincial-budget", "180000.00")),
            new Project("P5", 2021, "village-infrastructure", "621221100201", "PRE_APPROVAL_DONE", Map.of("county-budget", "120000.00")),
            new Project("P6", 2022, "employment", UNNAMED_VILLAGE, "PLANNED", Map.of("social-donations", "80000.55")),
            new Project("P7", 2022, "health", "621121000000", "PRE_APPROVAL_DONE", Map.of("central-budget", "90000.00")));

    static final java.util.Set<String> SKIP_TENDERING = java.util.Set.of("education", "health");
    static final List<String> ORDER = List.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION", "COMPLETED", "ACCEPTED");

    private static String projectToken() {
        return Tokens.bearer("project-office-62", PROVINCE, Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER, Roles.PROJECT_VIEWER);
    }

    private Response projectWrite(String path, Object body, int expected) {
        RequestSpecification request = given().baseUri(projectUrl).header("Authorization", projectToken())
                .contentType(ContentType.JSON).body(body);
        if (path.equals("/api/v1/projects")) {
            request = request.header("Idempotency-Key", UUID.randomUUID().toString());
        } else {
            String base = path.substring(0, "/api/v1/projects/".length() + 36);
            String etag = given().baseUri(projectUrl).header("Authorization", projectToken()).get(base).header("ETag");
            request = request.header("If-Match", etag);
        }
        return expect(request.post(path), expected, "POST " + path + " " + body);
    }

    /** Enters the project library and takes each project through its stages; returns project key → id. */
    Map<String, String> projects() {
        Map<String, String> ids = new LinkedHashMap<>();
        int n = 0;
        for (Project p : PROJECTS) {
            n++;
            String y = Integer.toString(p.year());
            java.math.BigDecimal total = p.budget().values().stream().map(java.math.BigDecimal::new)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("projectCode", "DASH-" + p.key() + "-" + UUID.randomUUID().toString().substring(0, 6));
            b.put("name", NAMES.getOrDefault(p.region().substring(0, 6), "") + "项目" + n);
            b.put("projectYear", p.year());
            b.put("category", p.category());
            b.put("regionCode", p.region());
            b.put("unit", Map.of("name", "县乡村振兴局" + p.region().substring(0, 6)));
            b.put("constructionContent", "建设内容 " + n);
            b.put("constructionScale", (10 + n) + " 亩");
            b.put("plannedStartDate", y + "-03-15");
            b.put("plannedEndDate", y + "-12-31");
            b.put("targets", Map.of("beneficiaryHouseholds", 10 + n, "beneficiaryPersons", 30 + n, "poorHouseholds", 8,
                    "poorPersons", 20, "text", "带动脱贫户增收"));
            b.put("budget", p.budget());
            b.put("date", y + "-01-10");
            String id = projectWrite("/api/v1/projects", b, 201).path("id");
            ids.put(p.key(), id);
            projects++;
            String base = "/api/v1/projects/" + id;
            int last = ORDER.indexOf(p.last());
            if (last >= 1) {
                step(base, "PRE_APPROVAL", y + "-02-01", "甘发改〔" + y + "〕" + (100 + n) + "号");
            }
            if (last >= 3) {
                if (!SKIP_TENDERING.contains(p.category())) {
                    step(base, "TENDERING", y + "-03-01", null);
                }
                step(base, "CONSTRUCTION_START", y + "-04-01", null);
                if (last == 3) {
                    projectWrite(base + "/progress", Map.of("reportDate", y + "-09-01", "physicalProgress", "45.50",
                            "investmentCompleted", total.multiply(new java.math.BigDecimal("0.4")).setScale(2).toPlainString()), 200);
                }
            }
            if (last >= 4) {
                projectWrite(base + "/progress", Map.of("reportDate", y + "-09-20", "physicalProgress", "100.00",
                        "investmentCompleted", total.multiply(new java.math.BigDecimal("0.9")).setScale(2).toPlainString()), 200);
                step(base, "COMPLETION", y + "-10-01", null);
            }
            if (last >= 5) {
                step(base, "ACCEPTANCE", y + "-11-01", "验收〔" + y + "〕" + (400 + n) + "号");
            }
        }
        return ids;
    }

    private void step(String base, String step, String date, String document) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("step", step);
        body.put("date", date);
        if (document != null) {
            body.put("documentNumber", document);
        }
        body.put("remarks", "dashboard e2e");
        projectWrite(base + "/steps", body, 200);
    }

    // ----------------------------------------------------------------------------------------------------- funds

    private static String fundToken() {
        return Tokens.bearer("finance-office-62", PROVINCE, Roles.FUND_CLERK, Roles.FUND_APPROVER, Roles.FUND_VIEWER);
    }

    private Response fundPost(String path, Object body) {
        return expect(given().baseUri(fundUrl).header("Authorization", fundToken()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path), 201, "POST " + path + " " + body);
    }

    /** Whether fund-service's replica knows every project (it learns them only from fupin.project.v1). */
    boolean fundServiceKnows(Map<String, String> ids) {
        for (String id : ids.values()) {
            if (given().baseUri(fundUrl).header("Authorization", fundToken()).get("/api/v1/fund-projects/" + id).statusCode() != 200) {
                return false;
            }
        }
        return true;
    }

    private void document(String number, String date, String source, int year, String issuer, String county, String amount,
                          Map<String, String> ids, String project) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentNumber", number);
        body.put("date", date);
        body.put("source", source);
        body.put("year", year);
        body.put("issuingRegion", issuer);
        body.put("receivingCounty", county);
        body.put("amount", amount);
        body.put("lines", List.of(Map.of("projectId", ids.get(project), "amount", amount)));
        fundPost("/api/v1/allocation-documents", body);
    }

    private void pay(Map<String, String> ids, String project, String source, String amount, String order, String date) {
        fundPost("/api/v1/disbursements", Map.of("projectId", ids.get(project), "source", source, "amount", amount,
                "paymentOrderNumber", order, "date", date));
    }

    private void voucher(Map<String, String> ids, String project, String source, String amount, String voucher, String date) {
        fundPost("/api/v1/reimbursements", Map.of("projectId", ids.get(project), "source", source, "amount", amount,
                "voucherNumber", voucher, "date", date, "expenseKind", "工程款"));
        reimbursed = reimbursed.add(new java.math.BigDecimal(amount));
    }

    /** Allocation documents, disbursements and vouchers 2019–2021; some after 2020-12-31. */
    void funds(Map<String, String> ids) {
        String province = "620000000000";
        String county = COUNTY + "000000";
        document("甘财农〔2019〕11号", "2019-03-05", "central-budget", 2019, province, county, "300000.00", ids, "P0");
        document("甘财农〔2019〕12号", "2019-03-20", "provincial-budget", 2019, province, county, "100000.00", ids, "P0");
        document("通财农〔2019〕5号", "2019-05-01", "county-budget", 2019, county, county, "200000.00", ids, "P1");
        document("甘财农〔2020〕8号", "2020-03-01", "central-budget", 2020, province, county, "150000.00", ids, "P2");
        document("甘财农〔2020〕9号", "2020-03-01", "central-budget", 2020, province, OTHER_COUNTY + "000000", "260000.00", ids, "P3");
        document("甘财农〔2021〕5号", "2021-03-01", "provincial-budget", 2021, province, county, "180000.00", ids, "P4");
        pay(ids, "P0", "central-budget", "300000.00", "拨〔2019〕001", "2019-04-15");
        pay(ids, "P0", "provincial-budget", "100000.00", "拨〔2019〕002", "2019-04-15");
        voucher(ids, "P0", "central-budget", "250000.00", "记-2019-0001", "2019-09-30");
        voucher(ids, "P0", "provincial-budget", "100000.00", "记-2019-0002", "2019-12-10");
        pay(ids, "P1", "county-budget", "150000.00", "拨〔2019〕011", "2019-06-01");
        voucher(ids, "P1", "county-budget", "149999.99", "记-2019-1001", "2019-10-20");
        pay(ids, "P2", "central-budget", "100000.00", "拨〔2020〕021", "2020-05-10");
        voucher(ids, "P2", "central-budget", "60012.45", "记-2020-0010", "2020-08-01");
        voucher(ids, "P2", "central-budget", "30000.01", "记-2021-0011", "2021-02-01");
        pay(ids, "P3", "central-budget", "200000.00", "拨〔2020〕031", "2020-04-15");
        voucher(ids, "P3", "central-budget", "150000.00", "记-2020-1004", "2020-07-01");
        pay(ids, "P3", "central-budget", "60000.00", "拨〔2021〕032", "2021-01-15");
        voucher(ids, "P3", "central-budget", "100000.00", "记-2021-1005", "2021-03-10");
        pay(ids, "P4", "provincial-budget", "90000.00", "拨〔2021〕041", "2021-04-15");
        voucher(ids, "P4", "provincial-budget", "45000.50", "记-2021-0041", "2021-06-01");
    }

    // --------------------------------------------------------------------------------------------- rectification

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final String LEAD_UNIT = "通渭县乡村振兴局";
    static final String OTHER_UNIT = "通渭县教育局";

    private static String inspector() {
        return Tokens.bearer("inspector-62", PROVINCE, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_VIEWER);
    }

    private static String unit(String unit) {
        return Tokens.bearerWithUnit("clerk-" + unit, CITY, unit, Roles.RECTIFICATION_UNIT);
    }

    private String source(String type, String body, String number, String date) {
        return expect(given().baseUri(rectificationUrl).header("Authorization", inspector()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", type, "issuingBody", body, "documentNumber", number, "date", date,
                        "regionCode", CITY + "00000000"))
                .post("/api/v1/finding-sources"), 201, "POST source").path("id");
    }

    private String raise(String source, String region, String category, String lead, String raisedOn, String deadline,
                         boolean longTerm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceId", source);
        m.put("description", "帮扶措施不精准 " + (++issues));
        m.put("category", category);
        m.put("regionCode", region);
        m.put("leadUnit", lead);
        m.put("coUnits", List.of());
        m.put("deadline", deadline);
        m.put("term", longTerm ? "LONG_TERM" : "SHORT");
        m.put("measures", "逐户核查，调整帮扶措施");
        m.put("date", raisedOn);
        if (longTerm) {
            m.put("milestones", List.of(Map.of("description", "完成规划编制", "dueDate", "2021-09-30"),
                    Map.of("description", "完成产业项目建设", "dueDate", deadline)));
        }
        return expect(given().baseUri(rectificationUrl).header("Authorization", inspector()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(m)
                .post("/api/v1/rectification-issues"), 201, "raise").path("id");
    }

    private String etag(String bearer, String id) {
        return given().baseUri(rectificationUrl).header("Authorization", bearer).get("/api/v1/rectification-issues/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    private void issueStep(String bearer, String id, String step, Map<String, ?> body) {
        expect(given().baseUri(rectificationUrl).header("Authorization", bearer).header("If-Match", etag(bearer, id))
                .contentType(ContentType.JSON).body(body).post("/api/v1/rectification-issues/" + id + "/" + step), 200,
                step + " " + id);
    }

    private void reportWithEvidence(String lead, String id, String date) {
        expect(given().baseUri(rectificationUrl).header("Authorization", unit(lead)).header("If-Match", etag(unit(lead), id))
                .multiPart("date", date).multiPart("text", "整改完成").multiPart("file", "整改报告.pdf", PDF, "application/pdf")
                .post("/api/v1/rectification-issues/" + id + "/report"), 200, "report " + id);
    }

    /** Two sources, 9 issues of two lead units: closed on time, closed late, returned, reported, in progress, open, long-term. */
    void rectification() {
        String inspection = source("inspection", "省委第二巡视组", "甘巡〔2021〕" + UUID.randomUUID().toString().substring(0, 4) + "号", "2021-03-01");
        String audit = source("audit", "省审计厅", "甘审〔2021〕" + UUID.randomUUID().toString().substring(0, 4) + "号", "2021-06-01");
        // closed on time
        for (String region : List.of(VILLAGE, "621121100202")) {
            String id = raise(inspection, region, "policy-implementation", LEAD_UNIT, "2021-03-05", "2021-06-30", false);
            issueStep(unit(LEAD_UNIT), id, "acceptance", Map.of("date", "2021-03-10", "remark", "已接收"));
            reportWithEvidence(LEAD_UNIT, id, "2021-05-01");
            issueStep(inspector(), id, "closure", Map.of("date", "2021-05-10", "closingRemark", "经核查整改到位，同意销号"));
        }
        // closed after its deadline
        String late = raise(inspection, "621121101201", "fund-management", OTHER_UNIT, "2021-03-05", "2021-04-30", false);
        issueStep(unit(OTHER_UNIT), late, "acceptance", Map.of("date", "2021-03-12"));
        reportWithEvidence(OTHER_UNIT, late, "2021-06-01");
        issueStep(inspector(), late, "closure", Map.of("date", "2021-06-05", "closingRemark", "同意销号"));
        // returned once, now in progress again, overdue
        String returned = raise(inspection, VILLAGE, "exit-accuracy", LEAD_UNIT, "2021-03-05", "2021-07-31", false);
        issueStep(unit(LEAD_UNIT), returned, "acceptance", Map.of("date", "2021-03-10"));
        reportWithEvidence(LEAD_UNIT, returned, "2021-06-20");
        issueStep(inspector(), returned, "return", Map.of("date", "2021-06-25", "reason", "佐证材料不全"));
        // reported, waiting for the inspector
        String reported = raise(audit, "621102100201", "fund-management", OTHER_UNIT, "2021-06-05", "2021-12-31", false);
        issueStep(unit(OTHER_UNIT), reported, "acceptance", Map.of("date", "2021-06-10"));
        reportWithEvidence(OTHER_UNIT, reported, "2021-11-01");
        // in progress, overdue
        String progress = raise(audit, "621121101201", "project-management", LEAD_UNIT, "2021-06-05", "2021-09-30", false);
        issueStep(unit(LEAD_UNIT), progress, "acceptance", Map.of("date", "2021-06-08"));
        // open, never accepted, overdue
        raise(audit, UNNAMED_VILLAGE, "identification-accuracy", OTHER_UNIT, "2021-06-05", "2021-08-31", false);
        raise(audit, "621102100201", "work-style", LEAD_UNIT, "2021-06-05", "2021-08-31", false);
        // long-term, open for years
        String longTerm = raise(inspection, VILLAGE, "policy-implementation", LEAD_UNIT, "2021-03-05", "2023-12-31", true);
        issueStep(unit(LEAD_UNIT), longTerm, "acceptance", Map.of("date", "2021-03-15"));
    }
}
