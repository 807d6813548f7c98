package org.fupin.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fupin.e2e.RectificationPlan.Action;
import org.fupin.e2e.RectificationPlan.Issue;
import org.fupin.e2e.RectificationPlan.Kind;
import org.fupin.infra.ServiceProcess;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Rectification (问题整改) end to end: household-, project-, fund-, rectification- and reporting-service as real processes
 * from their packaged jars, on the real PostgreSQL and Kafka of this JVM, driven over HTTP with real tokens.
 * <ul>
 * <li>An inspection (巡视反馈, {@link RectificationPlan}) with 38 issues, 5 long-term with milestones, led by two units
 * (each the other's co-unit on some), worked through by the units' and the inspector's tokens: acceptances, ledger
 * entries with real PDF and PNG evidence, reports, returns, deadline extensions, closures (销号). Then
 * {@code GET /api/v1/reports/rectification} of reporting-service — the total, by unit, by source, by category, a unit
 * alone, as of the chosen day and as of the first deadline — equals what the plan computes on its own.</li>
 * <li>The system check (系统核查) from real events: a household registered without a responsible cadre, a project past its
 * planned end, a completed project with low reimbursement (报账) — each raises exactly one issue; the service restarted
 * with its consumer offsets reset (replay) and a later "today" ({@code fupin.rectification.system-check.fixed-today})
 * raises the household's time rule once and nothing twice; fixing (the cadre assigned, the project completed, the money
 * reimbursed) clears each to REPORTED with a system ledger entry; the events published again under new ids raise
 * nothing.</li>
 * </ul>
 */
class RectificationE2ETest {

    static ServiceProcess household;
    static ServiceProcess project;
    static ServiceProcess fund;
    static ServiceProcess reporting;
    static volatile ServiceProcess rectification;

    static final String RECTIFICATION_DB = "rc_rectification";
    static final String ISSUES = "/api/v1/rectification-issues";
    static final String GROUP = "rectification-service";
    static final List<String> CONSUMED = List.of("fupin.household.v1", "fupin.project.v1", "fupin.fund.v1");

    /** The report's on-time closure rate (按期销号率) = closed on time ÷ closed (the plan's contract for reporting-service). */
    static final boolean ON_TIME_OVER_CLOSED_AND_OVERDUE = false;

    static final String INSPECTOR = Tokens.bearer("inspector-522701", RectificationPlan.COUNTY_PREFIX, Roles.RECTIFICATION_INSPECTOR);
    static final String UNIT_A = Tokens.bearerWithUnit("clerk-a", RectificationPlan.COUNTY_PREFIX, RectificationPlan.UNIT_A,
            Roles.RECTIFICATION_UNIT);
    static final String UNIT_B = Tokens.bearerWithUnit("clerk-b", RectificationPlan.COUNTY_PREFIX, RectificationPlan.UNIT_B,
            Roles.RECTIFICATION_UNIT);
    static final String REPORT_TOKEN = Tokens.bearer("analyst", "52", Roles.REPORT_VIEWER);

    /** A loaded machine (several services starting at once) may take long to hand out the first connections. */
    static final Map<String, String> SLOW_START = Map.of("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "120S");

    @BeforeAll
    static void startServices() {
        Map<String, String> env = new HashMap<>(SLOW_START);
        env.putAll(rectificationEnv(Map.of()));
        Map<String, ServiceProcess> started = E2eServices.start("rectification-", Duration.ofMinutes(10), env,
                "rectification-service", RECTIFICATION_DB,
                "household-service", "rc_household",
                "project-service", "rc_project",
                "fund-service", "rc_fund",
                "reporting-service", "rc_reporting");
        rectification = started.get("rectification-service");
        household = started.get("household-service");
        project = started.get("project-service");
        fund = started.get("fund-service");
        reporting = started.get("reporting-service");
    }

    @AfterAll
    static void stopServices() {
        E2eServices.stop(rectification, household, project, fund, reporting);
    }

    /**
     * rectification-service's settings here (the others ignore them): the scheduled system check every 2 s, and
     * {@code extraEnv} on top (a fixed "today").
     */
    static Map<String, String> rectificationEnv(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("FUPIN_RECTIFICATION_SYSTEM_CHECK_EVERY", "2s");
        env.put("FUPIN_RECTIFICATION_SYSTEM_CHECK_DELAYED", "1s");
        env.putAll(extraEnv);
        return env;
    }

    // ------------------------------------------------------------------------------------------------ evidence

    /** A real (minimal, well-formed) PDF 1.4 document with one empty page and a correct cross-reference table. */
    static byte[] pdf(String title) {
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
                "<< /Title (" + title.replaceAll("[^A-Za-z0-9 -]", "") + ") >>"};
        StringBuilder b = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(b.length());
            b.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> b.append(String.format("%010d 00000 n \n", o)));
        b.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R /Info 4 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A real PNG (a small photo-sized image drawn here), different per seed. */
    static byte[] png(int seed) {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                img.setRGB(x, y, (x * 8 + seed * 37) << 16 | (y * 10) << 8 | (seed * 53 & 0xFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ---------------------------------------------------------------------------------------- rectification API

    static RequestSpecification rect(String token) {
        return given().baseUri(rectification.url()).header("Authorization", token);
    }

    static Response expect(Response r, int status, String what) {
        if (r.statusCode() != status) {
            fail(what + " → " + r.statusCode() + " (expected " + status + "): " + r.asString());
        }
        return r;
    }

    static String unitToken(Issue i, boolean coUnit) {
        String unit = coUnit ? i.coUnits().get(0) : i.leadUnit();
        return unit.equals(RectificationPlan.UNIT_A) ? UNIT_A : UNIT_B;
    }

    /** Raises the issue; returns [id, etag]. */
    static String[] raise(Issue i, String sourceId, String runTag) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("sourceId", sourceId);
        b.put("description", "巡视反馈问题 " + (i.index() + 1) + "（" + i.scenario() + "）" + runTag);
        b.put("category", i.category());
        b.put("regionCode", i.village());
        b.put("leadUnit", i.leadUnit());
        b.put("coUnits", i.coUnits());
        b.put("deadline", i.deadline().toString());
        b.put("term", i.longTerm() ? "LONG_TERM" : "SHORT");
        b.put("measures", "制定整改方案，逐项落实，按期销号");
        if (i.longTerm()) {
            b.put("milestones", List.of(Map.of("description", "完成排查建立台账", "dueDate", "2025-06-30"),
                    Map.of("description", "完成整改并建立长效机制", "dueDate", "2026-06-30")));
        }
        b.put("date", i.raised().toString());
        Response r = expect(rect(INSPECTOR).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(b).post(ISSUES), 201, "raise " + i.key());
        return new String[]{r.path("id").toString(), r.header("ETag")};
    }

    /** Takes one step; returns the new ETag. */
    @SuppressWarnings("unchecked")
    static String step(Issue i, String id, String etag, Action a, Map<String, List<String>> evidence) {
        String path = ISSUES + "/" + id;
        String what = i.key() + " " + a.kind() + " " + a.date();
        Response r = switch (a.kind()) {
            case ACCEPT -> rect(unitToken(i, false)).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("date", a.date().toString(), "remark", "已接收，制定整改方案")).post(path + "/acceptance");
            case PROGRESS -> {
                RequestSpecification s = rect(unitToken(i, a.coUnit())).header("If-Match", etag)
                        .multiPart("date", a.date().toString())
                        .multiPart("text", (a.coUnit() ? "配合单位：" : "") + "开展入户核查，整改推进中")
                        .multiPart("file", "整改进展" + i.index() + "-" + a.date() + ".pdf", pdf("progress " + i.index() + " " + a.date()),
                                "application/octet-stream");
                if (a.milestone() != null) {
                    s = s.multiPart("milestoneNumber", a.milestone().toString());
                }
                yield s.post(path + "/ledger-entries");
            }
            case REPORT -> rect(unitToken(i, false)).header("If-Match", etag)
                    .multiPart("date", a.date().toString()).multiPart("text", "整改完成，申请销号")
                    .multiPart("file", "整改现场照片" + i.index() + ".png", png(i.index()), "image/png")
                    .post(path + "/report");
            case RETURN -> rect(INSPECTOR).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("date", a.date().toString(), "reason", "佐证材料不充分，整改不到位")).post(path + "/return");
            case CLOSE -> rect(INSPECTOR).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("date", a.date().toString(), "closingRemark", "经核查整改到位，予以销号")).post(path + "/closure");
            case EXTEND -> rect(INSPECTOR).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(Map.of("deadline", a.newDeadline().toString(), "reason", "涉及跨年度项目，需延期",
                            "approver", "县委巡察办", "date", a.date().toString())).post(path + "/deadline-extensions");
        };
        expect(r, 200, what);
        if (a.kind() == Kind.PROGRESS || a.kind() == Kind.REPORT) {
            List<Map<String, Object>> ledger = r.jsonPath().getList("ledger");
            Map<String, Object> last = ledger.get(ledger.size() - 1);
            List<Map<String, Object>> files = (List<Map<String, Object>>) last.get("evidence");
            evidence.computeIfAbsent(id, k -> new ArrayList<>()).addAll(files.stream().map(f -> f.get("id").toString()).toList());
        }
        return r.header("ETag");
    }

    // ---------------------------------------------------------------------------------------------- the report

    static Map<String, Object> report(Map<String, Object> query) {
        RequestSpecification request = given().baseUri(reporting.url()).header("Authorization", REPORT_TOKEN);
        for (var e : query.entrySet()) {
            request = request.queryParam(e.getKey(), e.getValue());
        }
        Response r = request.get("/api/v1/reports/rectification");
        assertEquals(200, r.statusCode(), query + ": " + r.asString());
        return r.jsonPath().getMap("");
    }

    record Expected(Map<String, Object> total, Map<String, Map<String, Object>> rows, Map<String, String> labels) {
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
            Map<String, Object> labels = new LinkedHashMap<>();
            for (Map<String, Object> row : (List<Map<String, Object>>) actual.get("rows")) {
                rows.put(String.valueOf(row.get("group")), row.get("figures"));
                labels.put(String.valueOf(row.get("group")), row.get("label"));
            }
            if (!rows.keySet().equals(expected.rows().keySet())) {
                diffs.add(q + " groups " + rows.keySet() + ", expected " + expected.rows().keySet());
            }
            expected.rows().forEach((g, f) -> ProjectLibraryE2ETest.compare(f, rows.get(g), q + " [" + g + "]", diffs));
            if (expected.labels() != null) {
                expected.labels().forEach((g, l) -> {
                    if (!l.equals(labels.get(g))) {
                        diffs.add(q + " [" + g + "] label " + labels.get(g) + ", expected " + l);
                    }
                });
            }
        }
        return diffs;
    }

    static Expected expected(List<Issue> plan, LocalDate asOf, Predicate<Issue> filter, Function<Issue, String> key,
                             Map<String, String> labels) {
        List<Issue> in = plan.stream().filter(filter).toList();
        Map<String, Object> total = RectificationPlan.figures(in, asOf, ON_TIME_OVER_CLOSED_AND_OVERDUE);
        Map<String, Map<String, Object>> rows = key == null ? Map.of()
                : RectificationPlan.grouped(in, asOf, i -> true, key, ON_TIME_OVER_CLOSED_AND_OVERDUE);
        return new Expected(total, rows, labels);
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
            fail(what + " differs from the figures computed from the plan (" + last.size() + " differences):\n"
                    + String.join("\n", last.subList(0, Math.min(80, last.size()))));
        }
    }

    // ------------------------------------------------------------------------------------------ the inspection

    @Test
    @SuppressWarnings("unchecked")
    void anInspectionOf38IssuesWorkedThroughByTwoUnitsIsReportedWithTheExactCountsAndRates() throws Exception {
        long t0 = System.nanoTime();
        String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        List<Issue> plan = RectificationPlan.issues();
        String documentNumber = "黔巡反馈〔2025〕" + runTag + "号";

        // 1. the source document (巡视反馈意见), entered by the inspection team
        String sourceId = expect(rect(INSPECTOR).contentType(ContentType.JSON).body(Map.of("type", "inspection",
                "issuingBody", "省委第三巡视组", "documentNumber", documentNumber, "date", RectificationPlan.SOURCE_DATE.toString(),
                "regionCode", RectificationPlan.COUNTY)).post("/api/v1/finding-sources"), 201, "source").path("id").toString();

        // 2. the issue list (问题清单), then every issue worked through its dated steps
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> etags = new HashMap<>();
        for (Issue i : plan) {
            String[] r = raise(i, sourceId, runTag);
            ids.put(i.key(), r[0]);
            etags.put(i.key(), r[1]);
        }
        Map<String, List<String>> evidence = new HashMap<>();
        for (Issue i : plan) {
            for (Action a : i.actions()) {
                etags.put(i.key(), step(i, ids.get(i.key()), etags.get(i.key()), a, evidence));
            }
        }
        long worked = System.nanoTime();

        // an illegal step is refused with the allowed ones: closing an issue nobody accepted
        Issue neverAccepted = plan.stream().filter(i -> i.actions().isEmpty() && !i.longTerm()).findFirst().orElseThrow();
        Response refused = rect(INSPECTOR).header("If-Match", etags.get(neverAccepted.key())).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-09-01", "closingRemark", "销号")).post(ISSUES + "/" + ids.get(neverAccepted.key()) + "/closure");
        assertEquals(409, refused.statusCode(), refused.asString());
        assertTrue(refused.asString().contains("EXTEND_DEADLINE"), refused.asString());
        // a unit sees only its own issues: unit B asking for one of unit A's issues and its evidence → 404
        Issue ofA = plan.stream().filter(i -> i.leadUnit().equals(RectificationPlan.UNIT_A) && !i.coUnits().contains(RectificationPlan.UNIT_B)
                && evidence.containsKey(ids.get(i.key()))).findFirst().orElseThrow();
        String idA = ids.get(ofA.key());
        assertEquals(404, rect(UNIT_B).get(ISSUES + "/" + idA).statusCode());
        assertEquals(404, rect(UNIT_B).get(ISSUES + "/" + idA + "/evidence/" + evidence.get(idA).get(0)).statusCode());
        // … while unit A gets the very bytes it uploaded, with their SHA-256
        Issue reportedOne = plan.get(0);
        String id0 = ids.get(reportedOne.key());
        Map<String, Object> details = rect(UNIT_A).get(ISSUES + "/" + id0).then().statusCode(200).extract().jsonPath().getMap("");
        List<Map<String, Object>> ledger = (List<Map<String, Object>>) details.get("ledger");
        Map<String, Object> photo = ((List<Map<String, Object>>) ledger.stream().filter(l -> "REPORT".equals(l.get("kind")))
                .findFirst().orElseThrow().get("evidence")).get(0);
        assertEquals("image/png", photo.get("contentType"));
        assertEquals(sha256(png(reportedOne.index())), photo.get("sha256"));
        byte[] downloaded = rect(UNIT_A).get(ISSUES + "/" + id0 + "/evidence/" + photo.get("id")).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(png(reportedOne.index()), downloaded);
        Map<String, Object> firstProgress = ((List<Map<String, Object>>) ledger.stream().filter(l -> "PROGRESS".equals(l.get("kind")))
                .findFirst().orElseThrow().get("evidence")).get(0);
        assertEquals("application/pdf", firstProgress.get("contentType"), "detected from the bytes, not the client's type");

        // rectification-service's own view of the chosen day agrees with the plan: the overdue issues
        Map<String, Object> expectedOnDay = RectificationPlan.figures(plan, RectificationPlan.AS_OF, ON_TIME_OVER_CLOSED_AND_OVERDUE);
        Response overdueList = rect(INSPECTOR).queryParam("source", sourceId).queryParam("overdue", true)
                .queryParam("day", RectificationPlan.AS_OF.toString()).queryParam("size", 100).get(ISSUES);
        assertEquals(200, overdueList.statusCode(), overdueList.asString());
        Set<String> overdueIds = plan.stream().filter(i -> i.overdueOn(RectificationPlan.AS_OF)).map(i -> ids.get(i.key()))
                .collect(Collectors.toSet());
        assertEquals(overdueIds, Set.copyOf(overdueList.jsonPath().getList("items.id")));
        assertEquals(((Long) expectedOnDay.get("overdue")).intValue(), overdueIds.size());

        // 3. the report of reporting-service (from fupin.rectification.v1 alone) equals the plan's figures
        String region = RectificationPlan.COUNTY_PREFIX;
        Predicate<Issue> all = i -> true;
        Map<Map<String, Object>, Expected> checks = new LinkedHashMap<>();
        for (LocalDate asOf : List.of(RectificationPlan.AS_OF, RectificationPlan.MID)) {
            checks.put(new LinkedHashMap<>(Map.of("region", region, "source", sourceId, "asOf", asOf.toString(), "groupBy", "unit")),
                    expected(plan, asOf, all, Issue::leadUnit, null));
            checks.put(new LinkedHashMap<>(Map.of("region", region, "asOf", asOf.toString(), "groupBy", "source")),
                    expected(plan, asOf, all, i -> sourceId, Map.of(sourceId, documentNumber)));
        }
        checks.put(new LinkedHashMap<>(Map.of("region", region, "year", 2025, "sourceType", "inspection",
                        "asOf", RectificationPlan.AS_OF.toString(), "groupBy", "category")),
                expected(plan, RectificationPlan.AS_OF, all, Issue::category, null));
        checks.put(new LinkedHashMap<>(Map.of("region", region, "unit", RectificationPlan.UNIT_B, "asOf", RectificationPlan.AS_OF.toString())),
                expected(plan, RectificationPlan.AS_OF, i -> i.leadUnit().equals(RectificationPlan.UNIT_B), null, null));
        checks.put(new LinkedHashMap<>(Map.of("region", region, "category", "fund-management", "asOf", RectificationPlan.AS_OF.toString())),
                expected(plan, RectificationPlan.AS_OF, i -> i.category().equals("fund-management"), null, null));
        awaitNoDifferences("the rectification report", Duration.ofSeconds(180), () -> {
            List<String> diffs = new ArrayList<>();
            checks.forEach((query, e) -> diffs.addAll(check(query, e)));
            return diffs;
        });
        long reported = System.nanoTime();

        // the sentence the report carries, as of the chosen day
        System.out.printf("e2e rectification: %s as of %s: %s%n", documentNumber, RectificationPlan.AS_OF, expectedOnDay);
        System.out.printf("e2e rectification: 38 issues raised and worked through (%d steps) in %d ms, report exact %d ms later%n",
                plan.stream().mapToInt(i -> i.actions().size()).sum(), TimeUnit.NANOSECONDS.toMillis(worked - t0),
                TimeUnit.NANOSECONDS.toMillis(reported - worked));
    }

    // ---------------------------------------------------------------------------------- the system check (系统核查)

    static final String SC_COUNTY = "522702000000";
    static final String SC_VILLAGE = "522702101201";
    static final String HOUSEHOLD_CLERK = Tokens.bearer("county-522702", "522702", Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER);
    static final String PROJECT_TOKEN = Tokens.bearer("project-office", "522702", Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER,
            Roles.PROJECT_VIEWER);
    static final String FUND_TOKEN = Tokens.bearer("finance-office", "52", Roles.FUND_CLERK, Roles.FUND_APPROVER, Roles.FUND_VIEWER);
    static final String SC_INSPECTOR = Tokens.bearer("inspector-522702", "522702", Roles.RECTIFICATION_INSPECTOR);

    static Response projectWrite(String path, Object body, boolean create) {
        RequestSpecification request = given().baseUri(project.url()).header("Authorization", PROJECT_TOKEN)
                .contentType(ContentType.JSON).body(body);
        if (create) {
            request = request.header("Idempotency-Key", UUID.randomUUID().toString());
        } else {
            String base = path.substring(0, "/api/v1/projects/".length() + 36);
            request = request.header("If-Match", given().baseUri(project.url()).header("Authorization", PROJECT_TOKEN).get(base).header("ETag"));
        }
        Response r = request.post(path);
        if (r.statusCode() / 100 != 2) {
            fail("POST " + path + " → " + r.statusCode() + ": " + r.asString() + "\nbody: " + body);
        }
        return r;
    }

    static void projectStep(String id, String step, LocalDate date, String document) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("step", step);
        body.put("date", date.toString());
        if (document != null) {
            body.put("documentNumber", document);
        }
        body.put("remarks", "e2e");
        projectWrite("/api/v1/projects/" + id + "/steps", body, false);
    }

    /** A village-infrastructure project of county 522702 entered on {@code entered}, planned to end on {@code plannedEnd}. */
    static String enterProject(String code, LocalDate entered, LocalDate plannedEnd) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("projectCode", code);
        b.put("name", "村组道路硬化 " + code);
        b.put("projectYear", entered.getYear());
        b.put("category", "village-infrastructure");
        b.put("regionCode", SC_VILLAGE);
        b.put("unit", Map.of("name", "县乡村振兴局522702"));
        b.put("constructionContent", "通组路硬化 3 公里");
        b.put("constructionScale", "3 公里");
        b.put("plannedStartDate", entered.plusDays(20).toString());
        b.put("plannedEndDate", plannedEnd.toString());
        b.put("targets", Map.of("beneficiaryHouseholds", 10, "beneficiaryPersons", 30, "poorHouseholds", 8, "poorPersons", 20,
                "text", "改善出行条件"));
        b.put("budget", Map.of("central-budget", "100000.00"));
        b.put("date", entered.toString());
        return projectWrite("/api/v1/projects", b, true).path("id");
    }

    static void complete(String id, LocalDate on) {
        projectWrite("/api/v1/projects/" + id + "/progress", Map.of("reportDate", on.toString(), "physicalProgress", "100.00",
                "investmentCompleted", "90000.00"), false);
        projectStep(id, "COMPLETION", on, null);
    }

    static Response fundPost(String path, Object body) {
        Response r = given().baseUri(fund.url()).header("Authorization", FUND_TOKEN).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path);
        if (r.statusCode() != 201) {
            fail("POST " + path + " → " + r.statusCode() + ": " + r.asString() + "\nbody: " + body);
        }
        return r;
    }

    /** The system-check issues of this county, by finding key. */
    static Map<String, Map<String, Object>> findings() {
        Response r = rect(SC_INSPECTOR).queryParam("region", "522702").queryParam("sourceType", "system-check")
                .queryParam("size", 500).get(ISSUES);
        assertEquals(200, r.statusCode(), r.asString());
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> i : r.jsonPath().<Map<String, Object>>getList("items")) {
            Object previous = out.put(String.valueOf(i.get("findingKey")), i);
            if (previous != null) {
                fail("two issues for " + i.get("findingKey") + ": " + previous + " and " + i);
            }
        }
        return out;
    }

    static Map<String, String> states() {
        Map<String, String> m = new LinkedHashMap<>();
        findings().forEach((k, v) -> m.put(k, String.valueOf(v.get("state"))));
        return m;
    }

    static long lag(String topic) throws Exception {
        return HouseholdToReportingE2ETest.consumerLag(GROUP, topic);
    }

    static void awaitConsumed() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> lag(CONSUMED.get(0)) == 0 && lag(CONSUMED.get(1)) == 0 && lag(CONSUMED.get(2)) == 0);
    }

    static long inboxDuplicates() {
        String metrics = given().baseUri(rectification.managementUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("fupin_inbox_events_total") && l.contains("outcome=\"duplicate\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Stops rectification-service, resets its consumer group to the start of the three topics, starts it with {@code env}. */
    static void restartWithReplay(Map<String, String> env) throws Exception {
        rectification.stop();
        try (Admin admin = SuiteInfrastructure.kafka().admin()) {
            for (String topic : CONSUMED) {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
                Map<TopicPartition, OffsetAndMetadata> offsets = partitions.stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> new OffsetAndMetadata(0)));
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    admin.alterConsumerGroupOffsets(GROUP, offsets).all().get(10, TimeUnit.SECONDS);
                    return true;
                });
            }
        }
        Map<String, String> all = new HashMap<>(SLOW_START);
        all.putAll(rectificationEnv(env));
        rectification = E2eServices.process("rectification-service", RECTIFICATION_DB, "rectification-replayed-", all).start();
        rectification.awaitReady(Duration.ofMinutes(10));
    }

    /** Publishes again, under new event ids (ce_id), every record of the three topics that names one of {@code ids}. */
    static int republish(Set<String> ids) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            for (String topic : CONSUMED) {
                List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
                while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                        if (ids.stream().anyMatch(value::contains)) {
                            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, r.key(), r.value());
                            for (Header h : r.headers()) {
                                copy.headers().add(h.key(), h.key().equals("ce_id")
                                        ? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8) : h.value());
                            }
                            again.add(copy);
                        }
                    }
                }
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (ProducerRecord<byte[], byte[]> r : again) {
                producer.send(r);
            }
            producer.flush();
        }
        return again.size();
    }

    @Test
    @SuppressWarnings("unchecked")
    void systemCheckFindingsAreRaisedOnceFromRealEventsNotTwiceOnReplayAndClearedWhenFixed() throws Exception {
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

        // 1. real events: a household registered today without a responsible cadre (household-service) …
        String householdId = given().baseUri(household.url())
                .header("Authorization", Tokens.bearer("province", "52", Roles.HOUSEHOLD_IMPORTER)).contentType(ContentType.JSON)
                .body(Map.of("household", HouseholdToReportingE2ETest.household(SC_VILLAGE, 3, "90000.00"), "identificationYear", 2025))
                .post("/api/v1/households/registered").then().statusCode(201).extract().path("id");
        // … a project past its planned end, not completed (project-service) …
        String late = enterProject("SC-LATE-" + runTag, today.minusDays(200), today.minusDays(60));
        projectStep(late, "PRE_APPROVAL", today.minusDays(190), "县发改〔" + today.minusDays(190).getYear() + "〕" + runTag + "1号");
        projectStep(late, "TENDERING", today.minusDays(180), null);
        projectStep(late, "CONSTRUCTION_START", today.minusDays(170), null);
        // … a project completed 150 days ago, ahead of its plan (so never past its planned end while under construction),
        // with 30 % of its money reimbursed (报账), through fund-service
        String slow = enterProject("SC-SLOW-" + runTag, today.minusDays(300), today.plusDays(60));
        projectStep(slow, "PRE_APPROVAL", today.minusDays(290), "县发改〔" + today.minusDays(290).getYear() + "〕" + runTag + "2号");
        projectStep(slow, "TENDERING", today.minusDays(280), null);
        projectStep(slow, "CONSTRUCTION_START", today.minusDays(270), null);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> given().baseUri(fund.url())
                .header("Authorization", FUND_TOKEN).get("/api/v1/fund-projects/" + slow).statusCode() == 200);
        fundPost("/api/v1/allocation-documents", Map.of("documentNumber", "县财农〔" + runTag + "〕1号", "date",
                today.minusDays(265).toString(), "source", "central-budget", "year", today.minusDays(265).getYear(),
                "issuingRegion", SC_COUNTY, "receivingCounty", SC_COUNTY,
                "amount", "100000.00", "lines", List.of(Map.of("projectId", slow, "amount", "100000.00"))));
        fundPost("/api/v1/disbursements", Map.of("projectId", slow, "source", "central-budget", "amount", "100000.00",
                "paymentOrderNumber", "拨〔" + runTag + "〕1", "date", today.minusDays(260).toString()));
        fundPost("/api/v1/reimbursements", Map.of("projectId", slow, "source", "central-budget", "amount", "30000.00",
                "voucherNumber", "记-" + runTag + "-1", "date", today.minusDays(200).toString(), "expenseKind", "工程款"));
        complete(slow, today.minusDays(150));

        String cadreKey = "household-without-cadre:" + householdId;
        String overdueKey = "project-overdue:" + late;
        String reimbursementKey = "project-reimbursement-low:" + slow;
        // the two project findings, each once; the household is not yet 30 days without a cadre
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> states().equals(Map.of(overdueKey, "OPEN", reimbursementKey, "OPEN")) || states().size() > 2);
        awaitConsumed();
        assertEquals(Map.of(overdueKey, "OPEN", reimbursementKey, "OPEN"), states());
        long raised = System.nanoTime();

        // 2. replay: rectification-service restarted with its consumer offsets reset to the start of the three topics, and
        // time moved on 31 days — the household's time rule now holds (the scheduled run raises it), nothing is raised twice
        long duplicatesBefore = 0;
        LocalDate later = today.plusDays(31);
        restartWithReplay(Map.of("FUPIN_RECTIFICATION_SYSTEM_CHECK_FIXED_TODAY", later.toString()));
        awaitConsumed();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> states().containsKey(cadreKey));
        assertTrue(inboxDuplicates() > duplicatesBefore, "the replayed events reached the service again (as duplicates)");
        assertEquals(Map.of(overdueKey, "OPEN", reimbursementKey, "OPEN", cadreKey, "OPEN"), states());
        Map<String, Map<String, Object>> f = findings();
        assertEquals(later.toString(), f.get(cadreKey).get("raisedOn"));
        assertEquals("policy-implementation", f.get(cadreKey).get("category"));
        assertEquals("fund-management", f.get(reimbursementKey).get("category"));
        long replayed = System.nanoTime();

        // 3. fixing clears each to REPORTED with a system ledger entry, for an inspector to close
        int version = given().baseUri(household.url()).header("Authorization", HOUSEHOLD_CLERK).get("/api/v1/households/" + householdId)
                .then().statusCode(200).extract().path("version");
        given().baseUri(household.url()).header("Authorization", HOUSEHOLD_CLERK).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(Map.of("cadreId", "cadre-" + runTag, "name", "王帮扶", "date", today.toString()))
                .put("/api/v1/households/" + householdId + "/cadre").then().statusCode(200);
        complete(late, today);
        fundPost("/api/v1/reimbursements", Map.of("projectId", slow, "source", "central-budget", "amount", "60000.00",
                "voucherNumber", "记-" + runTag + "-2", "date", today.toString(), "expenseKind", "工程款"));
        Map<String, String> cleared = Map.of(overdueKey, "REPORTED", reimbursementKey, "REPORTED", cadreKey, "REPORTED");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> states().equals(cleared));
        for (var e : findings().entrySet()) {
            Map<String, Object> d = rect(SC_INSPECTOR).get(ISSUES + "/" + e.getValue().get("id")).then().statusCode(200)
                    .extract().jsonPath().getMap("");
            List<Map<String, Object>> ledger = (List<Map<String, Object>>) d.get("ledger");
            Map<String, Object> last = ledger.get(ledger.size() - 1);
            assertEquals("SYSTEM", last.get("kind"), e.getKey() + ": " + ledger);
            assertEquals(later.toString(), last.get("date"), e.getKey() + ": " + ledger);
        }
        long fixed = System.nanoTime();

        // 4. the same events published again under new ids (a producer's retry): read, applied or ignored, raise nothing
        int copies = republish(Set.of(householdId, late, slow));
        assertTrue(copies >= 10, "events of the three objects published again: " + copies);
        awaitConsumed();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> rect(SC_INSPECTOR).queryParam("region", "522702").queryParam("sourceType", "system-check")
                        .get(ISSUES).statusCode() == 200);
        assertEquals(cleared, states());

        System.out.printf("e2e rectification system check: 2 findings raised from real events in %d ms, replay + time moved"
                        + " (1 more, none twice) in %d ms, cleared when fixed in %d ms, %d events republished: nothing raised%n",
                TimeUnit.NANOSECONDS.toMillis(raised - t0), TimeUnit.NANOSECONDS.toMillis(replayed - raised),
                TimeUnit.NANOSECONDS.toMillis(fixed - replayed), copies);
    }
}
