package org.fupin.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Projects/s end to end — NDJSON jobs submitted to project-service's bulk import ({@code POST /api/v1/project-imports})
 * until reporting-service's project report of the run's own county counts every accepted project — against a raw COPY
 * of the same rows into a scratch table of the project database shaped like a project record (dropped after).
 * <p>
 * The projects are in every stage but cancelled (with their stage dates, approval and acceptance documents and latest
 * progress), over the 13 categories, five years and two batches; they have no beneficiary households (the bench's
 * county has no registered households).
 */
final class ProjectIngestBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(long submitted, long accepted, long rejected, int jobs, double jobsDoneSeconds, double seconds, String county,
                  double copySeconds) {
        /** accepted projects per second, first submit → all counted by the report */
        double rate() {
            return accepted / seconds;
        }

        double copyRate() {
            return submitted / copySeconds;
        }
    }

    static final List<String> CATEGORIES = List.of("industry", "employment", "relocation", "public-welfare-posts", "education",
            "health", "dilapidated-housing-renovation", "financial", "living-conditions", "comprehensive-safety-net",
            "village-infrastructure", "village-public-services", "project-management-costs");
    /** No 招投标 for these (project-service's default configuration). */
    static final Set<String> SKIP_TENDERING = Set.of("public-welfare-posts", "education", "health", "financial",
            "comprehensive-safety-net", "project-management-costs");
    static final List<String> SOURCES = List.of("central-budget", "provincial-budget", "city-budget", "county-budget",
            "local-government-debt", "relocation", "paired-assistance", "east-west-cooperation", "social-donations",
            "bank-loans", "self-raised");

    /** Project {@code i} of the bench's county, as one NDJSON line's fields; always the same for the same i. */
    record BenchProject(String code, String name, int year, String category, String region, String batch, String unit,
                        String content, String scale, String plannedStart, String plannedEnd, Map<String, BigDecimal> budget,
                        String stage, Map<String, String> stageDates, String approvalDocument, String acceptanceDocument,
                        String reportDate, BigDecimal physicalProgress, BigDecimal investmentCompleted) {

        BigDecimal budgetTotal() {
            return budget.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        String stageDate() {
            return stageDates.isEmpty() ? year + "-01-10" : stageDates.values().stream().reduce((a, b) -> b).orElseThrow();
        }
    }

    static BenchProject project(String county, long i) {
        String category = CATEGORIES.get((int) (i % CATEGORIES.size()));
        int year = 2016 + (int) (i % 5);
        String region = county + String.format("%03d%03d", 1 + i % 10, 1 + (i / 10) % 20);
        Map<String, BigDecimal> budget = new LinkedHashMap<>();
        budget.put(SOURCES.get((int) (i % 11)), new BigDecimal(String.format("%d.%02d", 50_000 + (i * 7_919) % 900_000, i % 100)));
        String second = SOURCES.get((int) ((i * 3 + 1) % 11));
        budget.merge(second, new BigDecimal(String.format("%d.50", 10_000 + (i * 211) % 90_000)), BigDecimal::add);
        BigDecimal total = budget.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String y = Integer.toString(year);
        boolean tendering = !SKIP_TENDERING.contains(category);
        List<String[]> path = new ArrayList<>();
        path.add(new String[]{"PRE_APPROVAL_DONE", y + "-02-01"});
        if (tendering) {
            path.add(new String[]{"TENDERING", y + "-03-01"});
        }
        path.add(new String[]{"UNDER_CONSTRUCTION", y + "-04-01"});
        path.add(new String[]{"COMPLETED", y + "-10-01"});
        path.add(new String[]{"ACCEPTED", y + "-11-01"});
        int reached = (int) ((i / 13) % (path.size() + 1)); // 0 = PLANNED … path.size() = ACCEPTED
        Map<String, String> dates = new LinkedHashMap<>();
        for (int s = 0; s < reached; s++) {
            dates.put(path.get(s)[0], path.get(s)[1]);
        }
        String stage = reached == 0 ? "PLANNED" : path.get(reached - 1)[0];
        boolean building = Set.of("UNDER_CONSTRUCTION", "COMPLETED", "ACCEPTED").contains(stage);
        boolean finished = !stage.equals("UNDER_CONSTRUCTION");
        return new BenchProject("B" + county + "-" + String.format("%06d", i), "基准项目" + i, year, category, region,
                i % 2 == 0 ? "第一批" : "第二批", "实施单位" + (i % 50), "建设内容" + i, (i % 90 + 10) + " 亩", y + "-03-15", y + "-12-31",
                budget, stage, dates, reached >= 1 ? "审批〔" + y + "〕" + i + "号" : null,
                stage.equals("ACCEPTED") ? "验收〔" + y + "〕" + i + "号" : null,
                building ? (finished ? y + "-09-20" : y + "-06-01") : null,
                building ? (finished ? new BigDecimal("100.00") : new BigDecimal(String.format("%d.%02d", 10 + i % 80, i % 100))) : null,
                building ? total.multiply(new BigDecimal(finished ? "0.9" : "0.3")).setScale(2, java.math.RoundingMode.DOWN) : null);
    }

    /** The NDJSON line of a project: the POST /api/v1/projects body plus stage, stage dates, documents and progress. */
    static String ndjsonLine(BenchProject p) {
        var o = JSON.createObjectNode();
        o.put("projectCode", p.code()).put("name", p.name()).put("projectYear", p.year()).put("category", p.category())
                .put("regionCode", p.region()).put("batch", p.batch());
        o.putObject("unit").put("name", p.unit());
        o.put("constructionContent", p.content()).put("constructionScale", p.scale())
                .put("plannedStartDate", p.plannedStart()).put("plannedEndDate", p.plannedEnd());
        o.putObject("targets").put("beneficiaryHouseholds", 10).put("beneficiaryPersons", 30).put("poorHouseholds", 5)
                .put("poorPersons", 12).put("text", "带动增收");
        var budget = o.putObject("budget");
        p.budget().forEach((s, a) -> budget.put(s, a.toPlainString()));
        o.put("date", p.year() + "-01-10");
        o.put("stage", p.stage());
        if (!p.stageDates().isEmpty()) {
            var d = o.putObject("stageDates");
            p.stageDates().forEach(d::put);
        }
        if (p.approvalDocument() != null) {
            o.put("approvalDocument", p.approvalDocument());
        }
        if (p.acceptanceDocument() != null) {
            o.put("acceptanceDocument", p.acceptanceDocument());
        }
        if (p.reportDate() != null) {
            o.putObject("progress").put("reportDate", p.reportDate())
                    .put("physicalProgress", p.physicalProgress().toPlainString())
                    .put("investmentCompleted", p.investmentCompleted().toPlainString());
        }
        return o.toString();
    }

    static String ndjson(String county, long from, long to) {
        StringBuilder b = new StringBuilder();
        for (long i = from; i < to; i++) {
            b.append(ndjsonLine(project(county, i))).append('\n');
        }
        return b.toString();
    }

    private final BenchOptions options;
    private final StackClient stack;

    ProjectIngestBench(BenchOptions options, StackClient stack) {
        this.options = options;
        this.stack = stack;
    }

    Result run() throws Exception {
        // a county of province 45 no earlier run used (its project report counts nothing)
        String county = null;
        for (int attempt = 0; attempt < 50 && county == null; attempt++) {
            String candidate = String.format("45%04d", ThreadLocalRandom.current().nextInt(10_000));
            if (stack.projectsReported(candidate) == 0) {
                county = candidate;
            }
        }
        if (county == null) {
            throw new IllegalStateException("no unused county left in province 45; start the stack with --fresh");
        }
        int n = options.projects();
        int jobSize = options.projectJobSize();
        int jobs = (n + jobSize - 1) / jobSize;
        Bench.say(String.format("projects: generating %,d projects for county %s ...", n, county));
        List<String> bodies = new ArrayList<>(jobs); // generated before the clock starts
        for (int j = 0; j < jobs; j++) {
            bodies.add(ndjson(county, (long) j * jobSize, Math.min(n, (long) (j + 1) * jobSize)));
        }
        Bench.say(String.format("projects: importing them in %d jobs of up to %,d ...", jobs, jobSize));
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(jobs);
        for (String body : bodies) {
            ids.add(stack.submitProjectImport(body));
        }
        bodies.clear();
        long accepted = -1;
        long rejected = 0;
        double jobsDone = Double.NaN;
        long lastSay = t0;
        long lastJobCheck = 0;
        long deadline = t0 + 60L * 60 * 1_000_000_000L;
        while (true) {
            long seen = stack.projectsReported(county);
            long now = System.nanoTime();
            if (accepted >= 0 && seen >= accepted) {
                double seconds = (now - t0) / 1e9;
                Bench.say(String.format("projects: %,d accepted, %,d rejected; jobs done after %.1f s, all in the report after %.1f s",
                        accepted, rejected, jobsDone, seconds));
                if (rejected > 0) {
                    Bench.say("projects: first errors of job " + ids.get(0) + ": " + stack.projectJobErrors(ids.get(0)));
                }
                return new Result(n, accepted, rejected, jobs, jobsDone, seconds, county, copy(county, n));
            }
            if (accepted < 0 && now - lastJobCheck > 200_000_000L) { // 5 times a second until every job is done
                lastJobCheck = now;
                long a = 0;
                long r = 0;
                int finished = 0;
                for (String id : ids) {
                    JsonNode job = stack.projectJob(id);
                    a += job.path("accepted").asLong();
                    r += job.path("rejected").asLong();
                    String state = job.path("state").asText();
                    if (state.equals("DONE") || state.equals("FAILED")) {
                        finished++;
                    }
                }
                if (finished == ids.size()) {
                    accepted = a;
                    rejected = r;
                    jobsDone = (System.nanoTime() - t0) / 1e9;
                }
            }
            if (now - lastSay > 15e9) {
                lastSay = now;
                Bench.say(String.format("  projects: %.0f s, %,d of %,d in the report", (now - t0) / 1e9, seen, n));
            }
            if (now > deadline) {
                throw new IllegalStateException("projects: not all in the report after an hour: " + seen + " of " + accepted);
            }
            Thread.sleep(20);
        }
    }

    /** COPY the same projects into a scratch table shaped like a project record, timed; dropped after. */
    private double copy(String county, int n) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) {
            BenchProject p = project(county, i);
            rows.append(i).append(',').append(p.code()).append(',').append(p.name()).append(',').append(p.year()).append(',')
                    .append(p.category()).append(',').append(p.region()).append(',').append(p.batch()).append(',')
                    .append(p.unit()).append(',').append(p.content()).append(',').append(p.scale()).append(',')
                    .append(p.plannedStart()).append(',').append(p.plannedEnd()).append(',')
                    .append(csvJson(JSON.writeValueAsString(p.budget()))).append(',').append(p.budgetTotal().toPlainString()).append(',')
                    .append(p.stage()).append(',').append(p.stageDate()).append(',')
                    .append(csvJson(JSON.writeValueAsString(p.stageDates()))).append(',')
                    .append(p.approvalDocument() == null ? "" : p.approvalDocument()).append(',')
                    .append(p.acceptanceDocument() == null ? "" : p.acceptanceDocument()).append(',')
                    .append(p.reportDate() == null ? "" : p.reportDate()).append(',')
                    .append(p.physicalProgress() == null ? "" : p.physicalProgress().toPlainString()).append(',')
                    .append(p.investmentCompleted() == null ? "0.00" : p.investmentCompleted().toPlainString()).append('\n');
        }
        String table = "bench_copy_project_" + (System.nanoTime() % 1_000_000_000L);
        try (Connection c = DriverManager.getConnection(options.jdbc("project"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id bigint primary key, project_code varchar(40) unique, name varchar(200),"
                    + " project_year int, category varchar(64), region_code varchar(12), batch varchar(64), unit_name varchar(200),"
                    + " construction_content text, construction_scale text, planned_start_date date, planned_end_date date,"
                    + " budget jsonb, budget_total numeric(14,2), stage varchar(32), stage_date date, stage_dates jsonb,"
                    + " approval_document varchar(100), acceptance_document varchar(100), report_date date,"
                    + " physical_progress numeric(5,2), investment_completed numeric(14,2))");
            try {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                long t0 = System.nanoTime();
                copy.copyIn("copy " + table + " from stdin with (format csv)", new StringReader(rows.toString()));
                return (System.nanoTime() - t0) / 1e9;
            } finally {
                s.execute("drop table " + table);
            }
        }
    }

    private static String csvJson(String json) {
        return '"' + json.replace("\"", "\"\"") + '"';
    }
}
