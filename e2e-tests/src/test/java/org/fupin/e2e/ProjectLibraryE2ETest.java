package org.fupin.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.fupin.e2e.ProjectLibraryPlan.Household;
import org.fupin.e2e.ProjectLibraryPlan.Project;
import org.fupin.e2e.ProjectLibraryPlan.Report;
import org.fupin.infra.ServiceProcess;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The project library end to end: household-service, project-service and reporting-service as real processes from
 * their packaged jars, on the real PostgreSQL and Kafka of this JVM, driven over HTTP with real tokens.
 * <p>
 * Households are registered through household-service (one per county exited before it is linked, one removed after);
 * project-service learns them only from {@code fupin.household.v1} (its replica), so linking is retried until the
 * replica accepts. Then 91 projects — all 13 categories × every stage (cancelled ones from three stages, tendering
 * skipped where the category skips it), two batches and none, four years, two counties with townships and villages,
 * adjustments, progress reports with a correction, beneficiaries — are entered, and every figure of
 * {@code /api/v1/reports/projects} is checked to the exact number, grouped by year, category, stage, batch and region
 * and in total, against figures {@link ProjectLibraryPlan} computes from what the test sent.
 */
class ProjectLibraryE2ETest {

    static ServiceProcess household;
    static ServiceProcess project;
    static ServiceProcess reporting;
    static final AtomicInteger SEQ = new AtomicInteger();

    static final String PROJECT_TOKEN = Tokens.bearer("project-office", "52", Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER,
            Roles.PROJECT_VIEWER);
    static final String REPORT_TOKEN = Tokens.bearer("analyst", "52", Roles.REPORT_VIEWER);
    static final String IMPORT_TOKEN = Tokens.bearer("province", "52", Roles.HOUSEHOLD_IMPORTER);
    static final String COUNTY_TOKEN = Tokens.bearer("county", "52", Roles.HOUSEHOLD_COUNTY_APPROVER, Roles.HOUSEHOLD_CLERK,
            Roles.HOUSEHOLD_TOWNSHIP_REVIEWER, Roles.HOUSEHOLD_VIEWER);

    @BeforeAll
    static void startServices() {
        Map<String, ServiceProcess> started = E2eServices.start("project-library-", Duration.ofMinutes(3),
                "household-service", "plib_household",
                "project-service", "plib_project",
                "reporting-service", "plib_reporting");
        household = started.get("household-service");
        project = started.get("project-service");
        reporting = started.get("reporting-service");
    }

    @AfterAll
    static void stopServices() {
        E2eServices.stop(household, project, reporting);
    }

    // ------------------------------------------------------------------------------------------------ households

    /** A valid resident ID number, distinct per call (area 520602, check character by ISO 7064 MOD 11-2). */
    static String residentId() {
        int n = SEQ.incrementAndGet();
        String first17 = "520602" + java.time.LocalDate.of(1960, 1, 1).plusDays(n * 11L).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static Map<String, Object> member(String relation) {
        String id = residentId();
        Map<String, Object> m = new HashMap<>();
        m.put("name", "王五");
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

    /** Imports a registered household as a provincial system does; returns {id, householdCode}. */
    static String[] register(Household h) {
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member("HEAD"));
        for (int i = 1; i < h.persons(); i++) {
            members.add(member("CHILD"));
        }
        Map<String, Object> body = Map.of("regionCode", h.village(), "householdType", "ORDINARY", "mainCause", "ILLNESS",
                "incomeYear", 2020, "incomeItems", Map.of("WAGES", "90000.00"), "members", members);
        Response r = given().baseUri(household.url()).header("Authorization", IMPORT_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("household", body, "identificationYear", 2016)).post("/api/v1/households/registered");
        assertEquals(201, r.statusCode(), r.asString());
        return new String[]{r.path("id"), r.path("householdCode")};
    }

    static void act(String id, String action, Map<String, Object> body) {
        int version = given().baseUri(household.url()).header("Authorization", COUNTY_TOKEN).get("/api/v1/households/" + id)
                .then().statusCode(200).extract().path("version");
        Response r = given().baseUri(household.url()).header("Authorization", COUNTY_TOKEN).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(body).post("/api/v1/households/" + id + "/" + action);
        assertEquals(200, r.statusCode(), action + ": " + r.asString());
    }

    // -------------------------------------------------------------------------------------------------- projects

    private static final java.util.regex.Pattern EXISTING_PROJECT = java.util.regex.Pattern.compile("/api/v1/projects/[0-9a-f-]{36}");

    static Response send(String method, String path, Object body, int expected) {
        var request = given().baseUri(project.url()).header("Authorization", PROJECT_TOKEN).contentType(ContentType.JSON);
        java.util.regex.Matcher existing = EXISTING_PROJECT.matcher(path);
        if (!method.equals("GET") && existing.lookingAt()) { // writes on a project name its current version, as an office's client does
            String etag = given().baseUri(project.url()).header("Authorization", PROJECT_TOKEN).get(existing.group()).header("ETag");
            request = request.header("If-Match", etag);
        }
        if (body != null) {
            request = request.body(body);
        }
        Response r = switch (method) {
            case "POST" -> request.post(path);
            case "PUT" -> request.put(path);
            default -> request.get(path);
        };
        // the exact status of each write is project-service's own tests' business; here a write must succeed
        boolean ok = expected == 201 ? r.statusCode() == 201 : r.statusCode() == expected || (expected == 200 && r.statusCode() / 100 == 2);
        if (!ok) {
            fail(method + " " + path + " → " + r.statusCode() + " (expected " + expected + "): " + r.asString() + "\nbody: " + body);
        }
        return r;
    }

    static Map<String, Object> projectBody(Project p, String batch) {
        String y = Integer.toString(p.year());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("projectCode", p.code());
        b.put("name", p.name());
        b.put("projectYear", p.year());
        b.put("category", p.category());
        b.put("regionCode", p.region());
        if (batch != null) {
            b.put("batch", batch);
        }
        if (p.unit()) {
            b.put("unit", Map.of("name", "县乡村振兴局" + p.county()));
        }
        b.put("constructionContent", "建设内容 " + p.i());
        b.put("constructionScale", (10 + p.i()) + " 亩");
        if (p.dates()) {
            b.put("plannedStartDate", y + "-03-15");
            b.put("plannedEndDate", y + "-12-31");
        }
        b.put("targets", Map.of("beneficiaryHouseholds", 10, "beneficiaryPersons", 30, "poorHouseholds", 8, "poorPersons", 20,
                "text", "带动脱贫户增收"));
        if (!p.budget().isEmpty()) {
            b.put("budget", amounts(p.budget()));
        }
        b.put("date", y + "-01-10"); // entered into the library at the start of its year (paper records)
        return b;
    }

    static Map<String, String> amounts(Map<String, BigDecimal> budget) {
        Map<String, String> m = new LinkedHashMap<>();
        budget.forEach((k, v) -> m.put(k, v.toPlainString()));
        return m;
    }

    /** Enters one project and takes it through its plan; returns its id. */
    static String enter(Project p, Map<String, String> codes) {
        String y = Integer.toString(p.year());
        String id = send("POST", "/api/v1/projects", projectBody(p, p.batch()), 201).path("id");
        String base = "/api/v1/projects/" + id;
        if (p.updatedBatch() != null) { // corrected while still planned
            send("PUT", base, projectBody(p, p.updatedBatch()), 200);
        }
        if (!p.beneficiaries().isEmpty()) {
            List<String> householdCodes = p.beneficiaries().stream().map(j -> codes.get(p.county() + "/" + j)).toList();
            // the replica learns the households from fupin.household.v1: 422 until it has them all
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                String etag = given().baseUri(project.url()).header("Authorization", PROJECT_TOKEN).get(base).header("ETag");
                Response r = given().baseUri(project.url()).header("Authorization", PROJECT_TOKEN).contentType(ContentType.JSON)
                        .header("If-Match", etag).body(Map.of("householdCodes", householdCodes)).put(base + "/beneficiaries");
                if (r.statusCode() != 200 && r.statusCode() != 422) {
                    fail("beneficiaries of " + p.code() + " → " + r.statusCode() + ": " + r.asString());
                }
                return r.statusCode() == 200;
            });
        }
        for (int s = 0; s <= p.steps().size(); s++) {
            for (Report r : p.reportsAfter().getOrDefault(s, List.of())) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("reportDate", r.date());
                body.put("physicalProgress", r.percent().toPlainString());
                body.put("investmentCompleted", r.investment().toPlainString());
                if (r.correction() != null) {
                    body.put("correctionReason", r.correction());
                }
                send("POST", base + "/progress", body, 200);
            }
            if (s == 1 && p.adjustedTo() != null) {
                send("POST", base + "/adjustments", Map.of("budget", amounts(p.adjustedTo()), "reason", "追加县级配套资金",
                        "approvalDocument", "调整〔" + y + "〕" + p.i() + "号", "date", y + "-02-15"), 200);
            }
            if (s < p.steps().size()) {
                String[] step = p.steps().get(s);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("step", step[0]);
                body.put("date", step[1]);
                if (step[2] != null) {
                    body.put("documentNumber", step[2]);
                }
                body.put("remarks", "e2e");
                send("POST", base + "/steps", body, 200);
            }
        }
        if (p.cancelAfter() >= 0) {
            send("POST", base + "/cancellation", Map.of("reason", "群众意愿变化，项目终止", "date", y + "-08-01"), 200);
        }
        return id;
    }

    // ------------------------------------------------------------------------------------------------ the report

    static Map<String, Object> report(Map<String, Object> query) {
        var request = given().baseUri(reporting.url()).header("Authorization", REPORT_TOKEN);
        for (var e : query.entrySet()) {
            request = request.queryParam(e.getKey(), e.getValue());
        }
        Response r = request.get("/api/v1/reports/projects");
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getMap("");
    }

    /** Differences between the expected figures and the report's JSON (numbers compared as numbers). */
    @SuppressWarnings("unchecked")
    static void compare(Object expected, Object actual, String path, List<String> diffs) {
        if (expected instanceof Map<?, ?> e) {
            if (!(actual instanceof Map<?, ?> a)) {
                diffs.add(path + ": expected an object, got " + actual);
                return;
            }
            if ((path.endsWith("byStage") || path.endsWith("budgetBySource")) && !e.keySet().equals(a.keySet())) {
                diffs.add(path + ": keys " + a.keySet() + ", expected " + e.keySet());
            }
            e.forEach((k, v) -> compare(v, a.get(k), path + "." + k, diffs));
        } else if (expected instanceof BigDecimal e) {
            if (actual == null || new BigDecimal(actual.toString()).compareTo(e) != 0) {
                diffs.add(path + ": " + actual + ", expected " + e.toPlainString());
            }
        } else if (expected instanceof Long e) {
            if (!(actual instanceof Number a) || a.longValue() != e) {
                diffs.add(path + ": " + actual + ", expected " + e);
            }
        } else if (!Objects.equals(expected, actual)) {
            diffs.add(path + ": " + actual + ", expected " + expected);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> check(Map<String, Object> query, ProjectLibraryPlan.Expected expected) {
        Map<String, Object> actual = report(query);
        List<String> diffs = new ArrayList<>();
        String q = query.toString();
        compare(expected.total(), actual.get("total"), q + " total", diffs);
        if (query.containsKey("groupBy")) {
            Map<String, Object> rows = new LinkedHashMap<>();
            for (Map<String, Object> row : (List<Map<String, Object>>) actual.get("rows")) {
                rows.put((String) row.get("group"), row.get("figures"));
            }
            if (!rows.keySet().equals(expected.rows().keySet())) {
                diffs.add(q + " groups " + rows.keySet() + ", expected " + expected.rows().keySet());
            }
            expected.rows().forEach((g, f) -> compare(f, rows.get(g), q + " [" + g + "]", diffs));
        }
        return diffs;
    }

    @Test
    void aLibraryOfNinetyOneProjectsIsReportedToTheExactNumber() throws Exception {
        long t0 = System.nanoTime();
        String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        List<Household> households = ProjectLibraryPlan.households();
        Map<String, Household> byKey = households.stream().collect(Collectors.toMap(Household::key, h -> h));
        Map<String, String> codes = new ConcurrentHashMap<>();
        Map<String, String> ids = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Household h : households) {
                done.add(pool.submit(() -> {
                    String[] r = register(h);
                    ids.put(h.key(), r[0]);
                    codes.put(h.key(), r[1]);
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            // exited before it is linked: an exited household may still be a beneficiary
            for (int c = 0; c < ProjectLibraryPlan.COUNTIES.size(); c++) {
                act(ids.get(c + "/" + ProjectLibraryPlan.EXITED), "exit", Map.of("exitYear", 2019, "conditions", Map.of("FOOD", true,
                        "CLOTHING", true, "COMPULSORY_EDUCATION", true, "BASIC_MEDICAL_INSURANCE", true, "SAFE_HOUSING", true)));
            }
            long registered = System.nanoTime();

            List<Project> projects = ProjectLibraryPlan.projects(runTag);
            assertTrue(projects.size() >= 60);
            assertEquals(Set.copyOf(ProjectLibraryPlan.CATEGORIES), projects.stream().map(Project::category).collect(Collectors.toSet()));
            assertEquals(Set.copyOf(ProjectLibraryPlan.STAGES), projects.stream().map(Project::finalStage).collect(Collectors.toSet()));
            Map<String, String> projectIds = new ConcurrentHashMap<>();
            done.clear();
            for (Project p : projects) {
                done.add(pool.submit(() -> projectIds.put(p.code(), enter(p, codes))));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            long entered = System.nanoTime();

            // removed (剔除) after it was linked: stays linked in project-service, flagged, and counts nowhere
            Set<String> removed = Set.of("0/" + ProjectLibraryPlan.REMOVED, "1/" + ProjectLibraryPlan.REMOVED);
            for (String key : removed) {
                act(ids.get(key), "removal", Map.of("reason", "错评"));
            }

            Project linkedToRemoved = projects.stream().filter(p -> p.beneficiaries().contains(ProjectLibraryPlan.REMOVED)
                    && p.cancelAfter() < 0).findFirst().orElseThrow();
            String removedCode = codes.get(linkedToRemoved.county() + "/" + ProjectLibraryPlan.REMOVED);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                List<Map<String, Object>> linked = send("GET", "/api/v1/projects/" + projectIds.get(linkedToRemoved.code()), null, 200)
                        .jsonPath().getList("beneficiaries");
                Map<String, Object> entry = linked.stream().filter(b -> removedCode.equals(b.get("householdCode"))).findFirst().orElseThrow();
                assertEquals("REMOVED", entry.get("flag"), "the removed household stays linked, flagged: " + linked);
            });

            String region = ProjectLibraryPlan.CITY;
            Predicate<Project> all = p -> true;
            Map<Map<String, Object>, ProjectLibraryPlan.Expected> checks = new LinkedHashMap<>();
            checks.put(Map.of("region", region), ProjectLibraryPlan.expected(projects, all, null, byKey, removed));
            Map<String, Function<Project, String>> dimensions = new LinkedHashMap<>();
            dimensions.put("year", p -> Integer.toString(p.year()));
            dimensions.put("category", Project::category);
            dimensions.put("stage", Project::finalStage);
            dimensions.put("batch", Project::finalBatch);
            dimensions.put("region", p -> ProjectLibraryPlan.COUNTIES.get(p.county()));
            dimensions.forEach((name, key) -> checks.put(Map.of("region", region, "groupBy", name),
                    ProjectLibraryPlan.expected(projects, all, key, byKey, removed)));
            // filters: one county, one year, one batch, grouped by category; one category grouped by stage
            String county = ProjectLibraryPlan.COUNTIES.get(0);
            checks.put(Map.of("region", county, "year", 2019, "batch", ProjectLibraryPlan.BATCH_1, "groupBy", "category"),
                    ProjectLibraryPlan.expected(projects, p -> p.county() == 0 && p.year() == 2019
                            && ProjectLibraryPlan.BATCH_1.equals(p.finalBatch()), Project::category, byKey, removed));
            checks.put(Map.of("region", region, "category", "industry", "groupBy", "stage"),
                    ProjectLibraryPlan.expected(projects, p -> p.category().equals("industry"), Project::finalStage, byKey, removed));

            // reporting has caught up when the totals agree; then every figure of every grouping must agree
            List<String> last = new ArrayList<>();
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    List<String> diffs = new ArrayList<>();
                    checks.forEach((query, expected) -> diffs.addAll(check(query, expected)));
                    last.clear();
                    last.addAll(diffs);
                    return diffs.isEmpty();
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                fail("the project report differs from the figures computed from what was sent (" + last.size() + " differences):\n"
                        + String.join("\n", last.subList(0, Math.min(60, last.size()))));
            }
            System.out.printf("e2e: %d households registered in %d ms, %d projects entered in %d ms, report exact %d ms later%n",
                    households.size(), TimeUnit.NANOSECONDS.toMillis(registered - t0), projects.size(),
                    TimeUnit.NANOSECONDS.toMillis(entered - registered), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - entered));
        } finally {
            pool.shutdownNow();
        }
    }
}
