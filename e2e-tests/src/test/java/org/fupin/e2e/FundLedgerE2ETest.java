package org.fupin.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.fupin.e2e.FundLedgerPlan.Adjustment;
import org.fupin.e2e.FundLedgerPlan.Disbursement;
import org.fupin.e2e.FundLedgerPlan.Document;
import org.fupin.e2e.FundLedgerPlan.Expected;
import org.fupin.e2e.FundLedgerPlan.Fact;
import org.fupin.e2e.FundLedgerPlan.Move;
import org.fupin.e2e.FundLedgerPlan.Project;
import org.fupin.e2e.FundLedgerPlan.Recall;
import org.fupin.e2e.FundLedgerPlan.Reimbursement;
import org.fupin.e2e.FundLedgerPlan.Reversal;
import org.fupin.e2e.FundLedgerPlan.Step;
import org.fupin.infra.ServiceProcess;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fund ledger end to end (资金下达 → 拨付 → 报账): project-service, fund-service and reporting-service as real
 * processes from their packaged jars, on the real PostgreSQL and Kafka of this JVM, driven over HTTP with real tokens.
 * <p>
 * 15 projects of two counties over 2019–2022 ({@link FundLedgerPlan}) are entered through project-service and taken
 * through their stages with stage dates; fund-service learns them only from {@code fupin.project.v1} (its replica).
 * Then, through fund-service: 15 allocation documents with lines (one spread later), a bank loan arriving as a
 * {@code bank-loans} document, disbursements (one retried with the same Idempotency-Key: paid once), vouchers, a
 * reversal (红字冲销) after the year end, an adjustment (资金调整) between two projects, a recall (结余资金收回) of a
 * completed project's balance; then one project is cancelled and another's budget cut below what it was allocated
 * (both refused further money). Every figure of {@code GET /api/v1/reports/funds} — grouped by project year (the table
 * a county publishes: projects, budget, implemented projects and amount, reimbursed, 报账率, total row), by category,
 * by source and by county, the bank-loan programme alone — must equal, to the cent, what the plan computes from what
 * was sent, now and as of 2020-12-31 (entries and stages after it left out); and the fund view of the adjusted, recalled
 * and overrun projects too.
 */
class FundLedgerE2ETest {

    static ServiceProcess project;
    static ServiceProcess fund;
    static ServiceProcess reporting;

    static final String PROJECT_TOKEN = Tokens.bearer("project-office", "52", Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER,
            Roles.PROJECT_VIEWER);
    static final String FUND_TOKEN = Tokens.bearer("finance-office", "52", Roles.FUND_CLERK, Roles.FUND_APPROVER,
            Roles.FUND_VIEWER);
    static final String REPORT_TOKEN = Tokens.bearer("auditor", "52", Roles.REPORT_VIEWER);

    @BeforeAll
    static void startServices() {
        Map<String, ServiceProcess> started = E2eServices.start("fund-ledger-", Duration.ofMinutes(8),
                "project-service", "fl_project",
                "fund-service", "fl_fund",
                "reporting-service", "fl_reporting");
        project = started.get("project-service");
        fund = started.get("fund-service");
        reporting = started.get("reporting-service");
    }

    @AfterAll
    static void stopServices() {
        E2eServices.stop(project, fund, reporting);
    }

    // -------------------------------------------------------------------------------------------------- projects

    static Response projectWrite(String method, String path, Object body, int expected) {
        RequestSpecification request = given().baseUri(project.url()).header("Authorization", PROJECT_TOKEN)
                .contentType(ContentType.JSON).body(body);
        if (path.equals("/api/v1/projects")) {
            request = request.header("Idempotency-Key", UUID.randomUUID().toString());
        } else { // writes on a project name its current version, as an office's client does
            String base = path.substring(0, "/api/v1/projects/".length() + 36);
            String etag = given().baseUri(project.url()).header("Authorization", PROJECT_TOKEN).get(base).header("ETag");
            request = request.header("If-Match", etag);
        }
        Response r = method.equals("PUT") ? request.put(path) : request.post(path);
        if (r.statusCode() != expected && !(expected == 200 && r.statusCode() / 100 == 2)) {
            fail(method + " " + path + " → " + r.statusCode() + " (expected " + expected + "): " + r.asString() + "\nbody: " + body);
        }
        return r;
    }

    static Map<String, String> amounts(Map<String, BigDecimal> budget) {
        Map<String, String> m = new LinkedHashMap<>();
        budget.forEach((k, v) -> m.put(k, v.toPlainString()));
        return m;
    }

    /** Enters one project and takes it through its stages (a 100 % progress report before completion); returns its id. */
    static String enter(Project p) {
        String y = Integer.toString(p.year());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("projectCode", p.code());
        b.put("name", "资金项目" + p.index() + "（" + p.category() + "）");
        b.put("projectYear", p.year());
        b.put("category", p.category());
        b.put("regionCode", p.region());
        b.put("unit", Map.of("name", "县乡村振兴局" + p.countyCode().substring(0, 6)));
        b.put("constructionContent", "建设内容 " + p.index());
        b.put("constructionScale", (10 + p.index()) + " 亩");
        b.put("plannedStartDate", y + "-03-15");
        b.put("plannedEndDate", y + "-12-31");
        b.put("targets", Map.of("beneficiaryHouseholds", 10, "beneficiaryPersons", 30, "poorHouseholds", 8, "poorPersons", 20,
                "text", "带动脱贫户增收"));
        if (!p.budget().isEmpty()) {
            b.put("budget", amounts(p.budget()));
        }
        b.put("date", p.entered().toString());
        String id = projectWrite("POST", "/api/v1/projects", b, 201).path("id");
        String base = "/api/v1/projects/" + id;
        BigDecimal total = p.budget().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Step s : p.steps()) {
            if (s.step().equals("COMPLETION")) {
                projectWrite("POST", base + "/progress", Map.of("reportDate", p.fullProgressDate().toString(),
                        "physicalProgress", "100.00", "investmentCompleted", total.multiply(new BigDecimal("0.9"))
                                .setScale(2, java.math.RoundingMode.DOWN).toPlainString()), 200);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("step", s.step());
            body.put("date", s.date().toString());
            if (s.document() != null) {
                body.put("documentNumber", s.document());
            }
            body.put("remarks", "e2e");
            projectWrite("POST", base + "/steps", body, 200);
        }
        return id;
    }

    // ---------------------------------------------------------------------------------------------- fund-service

    static RequestSpecification fundRequest() {
        return given().baseUri(fund.url()).header("Authorization", FUND_TOKEN).contentType(ContentType.JSON);
    }

    /** A money-moving POST with its own Idempotency-Key; must answer 201. */
    static Response fundPost(String path, Object body) {
        return fundPost(path, body, UUID.randomUUID().toString(), 201);
    }

    static Response fundPost(String path, Object body, String key, int expected) {
        Response r = fundRequest().header("Idempotency-Key", key).body(body).post(path);
        if (r.statusCode() != expected) {
            fail("POST " + path + " → " + r.statusCode() + " (expected " + expected + "): " + r.asString() + "\nbody: " + body);
        }
        return r;
    }

    static Map<String, Object> fundView(String projectId, LocalDate asOf) {
        RequestSpecification request = fundRequest();
        if (asOf != null) {
            request = request.queryParam("asOf", asOf.toString());
        }
        Response r = request.get("/api/v1/fund-projects/" + projectId);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getMap("");
    }

    static List<Map<String, Object>> lines(Document d, Map<String, String> ids) {
        List<Map<String, Object>> out = new ArrayList<>();
        d.lines().forEach((p, a) -> out.add(Map.of("projectId", ids.get(p), "amount", a.toPlainString())));
        return out;
    }

    static void record(Document d, Map<String, String> ids, Map<String, String> documentIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentNumber", d.number());
        body.put("date", d.date().toString());
        body.put("source", d.source());
        body.put("year", d.year());
        body.put("issuingRegion", d.issuer());
        body.put("receivingCounty", d.countyCode());
        body.put("amount", d.amount().toPlainString());
        if (!d.linesLater()) {
            body.put("lines", lines(d, ids));
        }
        Response r = fundPost("/api/v1/allocation-documents", body);
        String id = r.path("id").toString();
        documentIds.put(d.key(), id);
        if (d.linesLater()) {
            assertEquals(0, new BigDecimal(r.path("lined").toString()).signum(), r.asString());
            r = fundPost("/api/v1/allocation-documents/" + id + "/lines", Map.of("lines", lines(d, ids)));
        }
        BigDecimal lined = d.lines().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, lined.compareTo(new BigDecimal(r.path("lined").toString())), d.number() + ": " + r.asString());
        assertEquals(0, d.amount().subtract(lined).compareTo(new BigDecimal(r.path("unlined").toString())), d.number() + ": " + r.asString());
    }

    static void record(Move m, Map<String, String> ids, Map<String, String> voucherEntries) {
        if (m instanceof Disbursement d) {
            Map<String, Object> body = Map.of("projectId", ids.get(d.project()), "source", d.source(), "amount",
                    d.amount().toPlainString(), "paymentOrderNumber", d.paymentOrder(), "date", d.date().toString());
            String key = UUID.randomUUID().toString();
            Response first = fundPost("/api/v1/disbursements", body, key, 201);
            if (d.retried()) { // the client did not see the answer and sends the same request again: paid once
                Response again = fundRequest().header("Idempotency-Key", key).body(body).post("/api/v1/disbursements");
                assertTrue(again.statusCode() / 100 == 2, "retry → " + again.statusCode() + ": " + again.asString());
                assertEquals(first.path("id").toString(), again.path("id").toString(), "the retry answers the first entry");
            }
        } else if (m instanceof Reimbursement r) {
            Response resp = fundPost("/api/v1/reimbursements", Map.of("projectId", ids.get(r.project()), "source", r.source(),
                    "amount", r.amount().toPlainString(), "voucherNumber", r.voucher(), "date", r.date().toString(),
                    "expenseKind", r.expenseKind()));
            voucherEntries.put(r.voucher(), resp.path("id").toString());
        } else if (m instanceof Reversal r) {
            Response resp = fundPost("/api/v1/reimbursements/" + voucherEntries.get(r.voucher()) + "/reversal",
                    Map.of("reason", r.reason(), "date", r.date().toString()));
            assertEquals("REVERSAL", resp.path("kind"), resp.asString());
        } else if (m instanceof Adjustment a) {
            Response resp = fundPost("/api/v1/fund-adjustments", Map.of("fromProjectId", ids.get(a.from()), "toProjectId",
                    ids.get(a.to()), "source", a.source(), "amount", a.amount().toPlainString(), "documentNumber", a.document(),
                    "documentDate", a.date().toString(), "reason", a.reason()));
            assertEquals(2, resp.jsonPath().getList("entries").size(), resp.asString());
        } else if (m instanceof Recall r) {
            Response resp = fundPost("/api/v1/recalls", Map.of("projectId", ids.get(r.project()), "source", r.source(),
                    "documentNumber", r.document(), "documentDate", r.date().toString(), "remarks", "项目竣工结余收回"));
            assertEquals("RECALL", resp.path("kind"), resp.asString());
        }
    }

    // ------------------------------------------------------------------------------------------------ the report

    static Map<String, Object> report(Map<String, Object> query) {
        RequestSpecification request = given().baseUri(reporting.url()).header("Authorization", REPORT_TOKEN);
        for (var e : query.entrySet()) {
            request = request.queryParam(e.getKey(), e.getValue());
        }
        Response r = request.get("/api/v1/reports/funds");
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getMap("");
    }

    @SuppressWarnings("unchecked")
    static List<String> check(Map<String, Object> query, Expected expected) {
        Map<String, Object> actual = report(query);
        List<String> diffs = new ArrayList<>();
        String q = query.toString();
        Object total = actual.get("total");
        if (total instanceof Map<?, ?> t && t.containsKey("figures")) {
            total = t.get("figures");
        }
        ProjectLibraryE2ETest.compare(expected.total(), total, q + " total", diffs);
        if (query.containsKey("groupBy")) {
            Map<String, Object> rows = new LinkedHashMap<>();
            for (Map<String, Object> row : (List<Map<String, Object>>) actual.get("rows")) {
                rows.put(String.valueOf(row.get("group")), row.get("figures"));
            }
            if (!rows.keySet().equals(expected.rows().keySet())) {
                diffs.add(q + " groups " + rows.keySet() + ", expected " + expected.rows().keySet());
            }
            expected.rows().forEach((g, f) -> ProjectLibraryE2ETest.compare(f, rows.get(g), q + " [" + g + "]", diffs));
        }
        return diffs;
    }

    /** Differences between the plan's view of a project and fund-service's ({@code sources} as a list there). */
    @SuppressWarnings("unchecked")
    static List<String> checkView(Project p, String id, List<Fact> facts, LocalDate asOf) {
        Map<String, Object> expected = FundLedgerPlan.projectView(p, facts, asOf);
        Map<String, Object> actual = fundView(id, asOf);
        List<String> diffs = new ArrayList<>();
        String at = p.key() + (asOf == null ? "" : " asOf " + asOf);
        ProjectLibraryE2ETest.compare(expected.get("inOverrun"), actual.get("inOverrun"), at + " inOverrun", diffs);
        ProjectLibraryE2ETest.compare(expected.get("total"), actual.get("total"), at + " total", diffs);
        Map<String, Object> sources = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) actual.get("sources")) {
            sources.put((String) s.get("source"), s);
        }
        ((Map<String, Object>) expected.get("sources")).forEach((s, f) -> ProjectLibraryE2ETest.compare(f, sources.get(s),
                at + " [" + s + "]", diffs));
        return diffs;
    }

    static void awaitNoDifferences(String what, Duration atMost, java.util.function.Supplier<List<String>> differences) {
        List<String> last = new ArrayList<>();
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                List<String> diffs = differences.get();
                last.clear();
                last.addAll(diffs);
                return diffs.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            fail(what + " differs from the figures computed from what was sent (" + last.size() + " differences):\n"
                    + String.join("\n", last.subList(0, Math.min(80, last.size()))));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFundFigureIsReportedToTheCentNowAndAsOfTheYearEnd() throws Exception {
        long t0 = System.nanoTime();
        String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        List<Project> projects = FundLedgerPlan.projects(runTag);
        Map<String, Project> byKey = projects.stream().collect(Collectors.toMap(Project::key, p -> p));
        Map<String, String> ids = new ConcurrentHashMap<>();

        // 1. the library, through project-service
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Project p : projects) {
                done.add(pool.submit(() -> ids.put(p.key(), enter(p))));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        // 2. fund-service knows a project only from fupin.project.v1: wait until its replica has every one in its stage
        awaitNoDifferences("fund-service's project replica", Duration.ofSeconds(300), () -> {
            List<String> diffs = new ArrayList<>();
            for (Project p : projects) {
                Response r = fundRequest().get("/api/v1/fund-projects/" + ids.get(p.key()));
                if (r.statusCode() != 200 || !p.stageBeforeCancellation().equals(r.path("stage"))) {
                    diffs.add(p.key() + " → " + r.statusCode() + " stage " + (r.statusCode() == 200 ? r.path("stage") : r.asString()));
                }
            }
            return diffs;
        });
        long entered = System.nanoTime();

        // every money-moving POST needs an Idempotency-Key
        Response noKey = fundRequest().body(Map.of("projectId", ids.get("P0"), "source", "central-budget", "amount", "1.00",
                "paymentOrderNumber", "拨-无键", "date", "2019-04-02")).post("/api/v1/disbursements");
        assertEquals(428, noKey.statusCode(), noKey.asString());

        // 3. the money, through fund-service: documents with lines, then every movement in order
        Map<String, String> documentIds = new LinkedHashMap<>();
        for (Document d : FundLedgerPlan.documents()) {
            record(d, ids, documentIds);
        }
        Map<String, String> voucherEntries = new HashMap<>();
        for (Move m : FundLedgerPlan.moves()) {
            record(m, ids, voucherEntries);
        }

        // 4. the library changes after the money: one project cancelled, one budget cut below what was allocated
        Project cancelled = byKey.get(FundLedgerPlan.CANCELLED_PROJECT);
        projectWrite("POST", "/api/v1/projects/" + ids.get(cancelled.key()) + "/cancellation",
                Map.of("reason", "选址地质灾害风险，项目终止", "date", cancelled.cancelled().toString()), 200);
        Project cut = byKey.get(FundLedgerPlan.CUT_PROJECT);
        projectWrite("POST", "/api/v1/projects/" + ids.get(cut.key()) + "/adjustments", Map.of("budget", amounts(cut.cutBudget()),
                "reason", "中央资金压减", "approvalDocument", "黔东南发改调〔2021〕7号", "date", cut.cutDate().toString()), 200);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertEquals(Boolean.TRUE, fundView(ids.get(cancelled.key()), null).get("cancelled"));
            assertEquals(Boolean.TRUE, fundView(ids.get(cut.key()), null).get("inOverrun"));
        });
        // … and both are refused further money: no disbursement to a cancelled project, no allocation into an overrun
        Response refused = fundRequest().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("projectId",
                ids.get(cancelled.key()), "source", "central-budget", "amount", "1000.00", "paymentOrderNumber", "拨〔2020〕079",
                "date", "2020-09-01")).post("/api/v1/disbursements");
        assertEquals(422, refused.statusCode(), refused.asString());
        Response overrun = fundRequest().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("lines",
                List.of(Map.of("projectId", ids.get(cut.key()), "amount", "1.00")))).post("/api/v1/allocation-documents/"
                + documentIds.get("D10") + "/lines");
        assertEquals(422, overrun.statusCode(), overrun.asString());
        assertTrue(overrun.asString().contains(ids.get(cut.key())) || overrun.asString().contains(cut.code()),
                "the refusal names the project: " + overrun.asString());
        long recorded = System.nanoTime();

        // 5. the figures: every grouping now and as of 2020-12-31, to the cent
        List<Fact> facts = FundLedgerPlan.facts();
        String region = FundLedgerPlan.CITY;
        Map<Map<String, Object>, Expected> checks = new LinkedHashMap<>();
        for (LocalDate asOf : new LocalDate[]{null, FundLedgerPlan.AS_OF}) {
            Predicate<Project> all = p -> true;
            Map<String, Function<Project, String>> groupings = new LinkedHashMap<>();
            groupings.put("year", FundLedgerPlan.BY_YEAR);
            groupings.put("category", FundLedgerPlan.BY_CATEGORY);
            groupings.put("source", FundLedgerPlan.BY_SOURCE);
            groupings.put("region", FundLedgerPlan.BY_COUNTY);
            for (var g : groupings.entrySet()) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("region", region);
                q.put("groupBy", g.getKey());
                if (asOf != null) {
                    q.put("asOf", asOf.toString());
                }
                checks.put(q, FundLedgerPlan.expected(projects, facts, asOf, all, null, g.getValue()));
            }
            // the bank-loan programme by year: arrived (allocated) and disbursed
            Map<String, Object> loans = new LinkedHashMap<>(Map.of("region", region, "source", "bank-loans", "groupBy", "year"));
            // one year of one county by category
            Map<String, Object> county2020 = new LinkedHashMap<>(Map.of("region", FundLedgerPlan.COUNTIES.get(0).substring(0, 6),
                    "year", 2020, "groupBy", "category"));
            if (asOf != null) {
                loans.put("asOf", asOf.toString());
                county2020.put("asOf", asOf.toString());
            }
            checks.put(loans, FundLedgerPlan.expected(projects, facts, asOf, all, "bank-loans", FundLedgerPlan.BY_YEAR));
            checks.put(county2020, FundLedgerPlan.expected(projects, facts, asOf, p -> p.county() == 0 && p.year() == 2020, null,
                    FundLedgerPlan.BY_CATEGORY));
        }
        awaitNoDifferences("the fund report", Duration.ofSeconds(300), () -> {
            List<String> diffs = new ArrayList<>();
            checks.forEach((query, expected) -> diffs.addAll(check(query, expected)));
            return diffs;
        });
        long reported = System.nanoTime();

        // 6. the fund view of the projects money moved between, the recalled one and the one in overrun
        awaitNoDifferences("the projects' fund views", Duration.ofSeconds(60), () -> {
            List<String> diffs = new ArrayList<>();
            for (String key : List.of(FundLedgerPlan.ADJUSTED_FROM, FundLedgerPlan.ADJUSTED_TO, FundLedgerPlan.RECALLED_PROJECT,
                    FundLedgerPlan.CUT_PROJECT, FundLedgerPlan.CANCELLED_PROJECT)) {
                diffs.addAll(checkView(byKey.get(key), ids.get(key), facts, null));
            }
            diffs.addAll(checkView(byKey.get(FundLedgerPlan.RECALLED_PROJECT), ids.get(FundLedgerPlan.RECALLED_PROJECT), facts,
                    FundLedgerPlan.AS_OF));
            diffs.addAll(checkView(byKey.get(FundLedgerPlan.ADJUSTED_FROM), ids.get(FundLedgerPlan.ADJUSTED_FROM), facts,
                    LocalDate.of(2020, 10, 9)));
            return diffs;
        });
        Map<String, Object> recalled = fundView(ids.get(FundLedgerPlan.RECALLED_PROJECT), null);
        List<Map<String, Object>> entries = (List<Map<String, Object>>) recalled.get("entries");
        assertTrue(entries.stream().anyMatch(e -> "RECALL".equals(e.get("kind")) && "县财收〔2021〕1号".equals(e.get("documentNumber"))),
                "the recall is an entry with its document: " + entries);
        List<Map<String, Object>> adjustedIn = (List<Map<String, Object>>) fundView(ids.get(FundLedgerPlan.ADJUSTED_TO), null).get("entries");
        assertTrue(adjustedIn.stream().anyMatch(e -> "ADJUSTMENT_IN".equals(e.get("kind"))
                        && ids.get(FundLedgerPlan.ADJUSTED_FROM).equals(String.valueOf(e.get("counterpartProjectId")))),
                "the adjustment names the giving project: " + adjustedIn);

        System.out.printf("e2e funds: %d projects entered and replicated in %d ms, %d entries recorded in %d ms, report exact %d ms later%n",
                projects.size(), TimeUnit.NANOSECONDS.toMillis(entered - t0), facts.size(),
                TimeUnit.NANOSECONDS.toMillis(recorded - entered), TimeUnit.NANOSECONDS.toMillis(reported - recorded));
    }
}
