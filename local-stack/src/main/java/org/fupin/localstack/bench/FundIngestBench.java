package org.fupin.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Vouchers/s end to end through fund-service's bulk import of historical ledgers ({@code POST /api/v1/fund-imports}):
 * the clock runs from the first submit of the voucher jobs until every job is done and reporting-service's fund report
 * ({@code GET /api/v1/reports/funds?region=<county>}) shows the reimbursed total of all of them; the baseline is a raw
 * COPY of the same vouchers into a scratch table of the fund database shaped like {@code ledger_entry} (dropped after).
 * Then 1,000 fund-report queries at that size (p50/p99).
 * <p>
 * Seeded first, outside the clock, through the APIs: the projects of a county no earlier run used (project-service's
 * bulk import; fund-service learns them from the project events), one allocation document per 100 projects with a line
 * to each, and each project's money paid out (fund-service's bulk import). The vouchers are then N reimbursement rows,
 * in NDJSON jobs of {@code --fund-job-size}, each job over its own 100 projects in date order (as a county's ledger by
 * date), submitted by two clerks (each may have two jobs running), so up to four jobs run side by side.
 */
final class FundIngestBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Vouchers per project (the project count follows from N). */
    static final int VOUCHERS_PER_PROJECT = 500;
    static final BigDecimal ALLOCATION = new BigDecimal("5000000.00");
    static final List<String> EXPENSE_KINDS = List.of("工程款", "材料费", "劳务费", "设备购置", "监理费");

    record Result(long vouchers, long accepted, long rejected, int jobs, int projects, double seedSeconds, double jobsDoneSeconds,
                  double seconds, boolean reportSeen, String county, double copySeconds, Latencies report, String reportNote) {
        /** accepted vouchers per second, first submit → (report shows them, or jobs done when there is no report) */
        double rate() {
            return accepted / seconds;
        }

        double copyRate() {
            return vouchers / copySeconds;
        }
    }

    private final BenchOptions options;
    private final StackClient stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    FundIngestBench(BenchOptions options, StackClient stack) {
        this.options = options;
        this.stack = stack;
    }

    /** Project {@code i} of the county: a project of the project bench with 10,000,000.00 of central budget. */
    static ProjectIngestBench.BenchProject project(String county, int i) {
        ProjectIngestBench.BenchProject p = ProjectIngestBench.project(county, i);
        return new ProjectIngestBench.BenchProject("F" + p.code(), p.name(), p.year(), p.category(), p.region(), p.batch(), p.unit(),
                p.content(), p.scale(), p.plannedStart(), p.plannedEnd(), Map.of("central-budget", new BigDecimal("10000000.00")),
                p.stage(), p.stageDates(), p.approvalDocument(), p.acceptanceDocument(), p.reportDate(), p.physicalProgress(),
                p.investmentCompleted());
    }

    /** Voucher {@code k} of a job: its project (of the job's slice), amount, number and date. */
    record Voucher(String projectCode, BigDecimal amount, String number, LocalDate date, String expenseKind) {
    }

    static Voucher voucher(String county, String run, int job, int projectsPerJob, int k) {
        int project = job * projectsPerJob + k % projectsPerJob;
        long global = (long) job * 1_000_000_000L + k;
        BigDecimal amount = new BigDecimal(String.format("%d.%02d", 100 + (global * 37) % 900, global % 100));
        LocalDate date = LocalDate.of(2021, 2, 1).plusDays((k / projectsPerJob) % 600);
        return new Voucher(project(county, project).code(), amount, "PZ" + run + "-" + job + "-" + k, date,
                EXPENSE_KINDS.get(k % EXPENSE_KINDS.size()));
    }

    static String voucherLine(Voucher v) {
        return JSON.createObjectNode().put("kind", "reimbursement").put("projectCode", v.projectCode()).put("source", "central-budget")
                .put("amount", v.amount().toPlainString()).put("voucherNumber", v.number()).put("date", v.date().toString())
                .put("expenseKind", v.expenseKind()).toString();
    }

    Result run() throws Exception {
        String[] tokens = {token("fund-bench-a"), token("fund-bench-b")};
        String county = null;
        for (int attempt = 0; attempt < 50 && county == null; attempt++) {
            String candidate = String.format("46%04d", ThreadLocalRandom.current().nextInt(10_000));
            if (stack.projectsReported(candidate) == 0 && replicated(candidate) == 0) {
                county = candidate;
            }
        }
        if (county == null) {
            throw new IllegalStateException("no unused county left in province 46; start the stack with --fresh");
        }
        int n = options.funds();
        int jobSize = Math.min(options.fundJobSize(), n);
        int jobs = (n + jobSize - 1) / jobSize;
        int projectsPerJob = Math.max(1, (jobSize + VOUCHERS_PER_PROJECT - 1) / VOUCHERS_PER_PROJECT);
        int projects = jobs * projectsPerJob;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000L, 36).toUpperCase();

        // 1. seeds, outside the clock: projects (project import → events → fund-service's replica), allocations, payments
        long s0 = System.nanoTime();
        Bench.say(String.format("funds: seeding %,d projects of county %s through the project import ...", projects, county));
        List<String> projectJobs = new ArrayList<>();
        for (int from = 0; from < projects; from += 5_000) {
            StringBuilder b = new StringBuilder();
            for (int i = from; i < Math.min(projects, from + 5_000); i++) {
                b.append(ProjectIngestBench.ndjsonLine(project(county, i))).append('\n');
            }
            projectJobs.add(stack.submitProjectImport(b.toString()));
        }
        for (String id : projectJobs) {
            JsonNode job = waitDone(() -> stack.projectJob(id), "project import job " + id);
            if (job.path("rejected").asLong() > 0) {
                throw new IllegalStateException("seed projects rejected: " + stack.projectJobErrors(id));
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (replicated(county) < projects) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fund-service's replica holds " + replicated(county) + " of " + projects + " projects");
            }
            Thread.sleep(200);
        }
        Bench.say(String.format("funds: seeding one allocation and one payment per project through the fund import (%,d rows) ...", 2 * projects));
        StringBuilder seed = new StringBuilder();
        for (int i = 0; i < projects; i++) {
            int documentSize = Math.min(100, projects - (i / 100) * 100);
            seed.append(JSON.createObjectNode().put("kind", "allocation").put("projectCode", project(county, i).code())
                    .put("source", "central-budget").put("amount", ALLOCATION.toPlainString()).put("date", "2021-01-05")
                    .put("documentNumber", "黔财农〔2021〕" + run + "-" + (i / 100) + "号")
                    .put("documentAmount", ALLOCATION.multiply(BigDecimal.valueOf(documentSize)).toPlainString())
                    .put("year", 2021).put("issuingRegion", "460000000000").put("receivingCounty", county + "000000"))
                    .append('\n');
        }
        for (int i = 0; i < projects; i++) {
            seed.append(JSON.createObjectNode().put("kind", "disbursement").put("projectCode", project(county, i).code())
                    .put("source", "central-budget").put("amount", ALLOCATION.toPlainString()).put("date", "2021-01-10")
                    .put("paymentOrderNumber", "BF" + run + "-" + i)).append('\n');
        }
        String seedJob = submit(tokens[0], seed.toString().getBytes(StandardCharsets.UTF_8));
        JsonNode seeded = waitDone(() -> fundJob(tokens[0], seedJob), "fund seed job");
        if (seeded.path("rejected").asLong() > 0) {
            throw new IllegalStateException("seed rows rejected: " + errors(tokens[0], seedJob));
        }
        double seedSeconds = (System.nanoTime() - s0) / 1e9;

        // 2. the vouchers, generated before the clock starts
        Bench.say(String.format("funds: generating %,d vouchers in %d jobs of up to %,d ...", n, jobs, jobSize));
        List<byte[]> bodies = new ArrayList<>(jobs);
        BigDecimal expected = BigDecimal.ZERO;
        for (int j = 0; j < jobs; j++) {
            StringBuilder b = new StringBuilder(jobSize * 220);
            int size = Math.min(jobSize, n - j * jobSize);
            for (int k = 0; k < size; k++) {
                Voucher v = voucher(county, run, j, projectsPerJob, k);
                expected = expected.add(v.amount());
                b.append(voucherLine(v)).append('\n');
            }
            bodies.add(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        String reportUrl = options.reportingUrl() + "/api/v1/reports/funds?region=" + county;
        boolean report = reportAvailable(reportUrl);

        Bench.say(String.format("funds: importing them (two clerks, each up to two jobs at once)%s ...",
                report ? "" : "; no fund report on the stack, so the clock stops when the jobs are done"));
        long t0 = System.nanoTime();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<Thread> submitters = new ArrayList<>();
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < tokens.length; c++) {
            int caller = c;
            Thread t = new Thread(() -> {
                try {
                    for (int j = caller; j < bodies.size(); j += tokens.length) {
                        ids.add(tokens[caller] + " " + submit(tokens[caller], bodies.get(j)));
                        bodies.set(j, null);
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "fund-bench-submit-" + c);
            t.start();
            submitters.add(t);
        }
        long accepted = 0;
        long rejected = 0;
        long lastSay = t0;
        deadline = t0 + Duration.ofHours(3).toNanos();
        while (true) {
            boolean submitting = submitters.stream().anyMatch(Thread::isAlive);
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            long a = 0;
            long r = 0;
            long processed = 0;
            int done = 0;
            List<String> snapshot;
            synchronized (ids) {
                snapshot = new ArrayList<>(ids);
            }
            for (String entry : snapshot) {
                String[] tokenAndId = entry.split(" ", 3);
                JsonNode job = fundJob(tokenAndId[0] + " " + tokenAndId[1], tokenAndId[2]);
                a += job.path("accepted").asLong();
                r += job.path("rejected").asLong();
                processed += job.path("processed").asLong();
                if (job.path("state").asText().equals("DONE")) {
                    done++;
                }
            }
            long now = System.nanoTime();
            if (!submitting && done == jobs) {
                accepted = a;
                rejected = r;
                break;
            }
            if (now - lastSay > 15e9) {
                lastSay = now;
                Bench.say(String.format("  funds: %.0f s, %,d of %,d vouchers processed, %d of %d jobs done", (now - t0) / 1e9,
                        processed, n, done, jobs));
            }
            if (now > deadline) {
                throw new IllegalStateException("funds: the jobs were not done after three hours");
            }
            Thread.sleep(200);
        }
        double jobsDone = (System.nanoTime() - t0) / 1e9;
        Bench.say(String.format("funds: %,d accepted, %,d rejected; jobs done after %.1f s", accepted, rejected, jobsDone));
        if (rejected > 0) {
            Bench.say("funds: first errors: " + errors(ids.get(0).substring(0, ids.get(0).lastIndexOf(' ')),
                    ids.get(0).substring(ids.get(0).lastIndexOf(' ') + 1)));
        }
        double seconds = jobsDone;
        boolean seen = false;
        if (report && rejected == 0) {
            deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
            while (true) {
                BigDecimal shown = reimbursedReported(reportUrl);
                if (shown != null && shown.compareTo(expected) >= 0) {
                    seconds = (System.nanoTime() - t0) / 1e9;
                    seen = true;
                    Bench.say(String.format("funds: the fund report shows the reimbursed %s after %.1f s", shown.toPlainString(), seconds));
                    break;
                }
                if (System.nanoTime() > deadline) {
                    Bench.say("funds: the fund report did not reach " + expected + " within an hour (shows " + shown + ")");
                    break;
                }
                Thread.sleep(50);
            }
        }
        double copySeconds = copy(county, run, n, jobSize, projectsPerJob);
        Latencies latencies = null;
        String note = report ? "" : "no GET /api/v1/reports/funds on the running stack";
        if (report) {
            latencies = new Latencies();
            for (int i = 0; i < 20; i++) {
                get(reportUrl + "&groupBy=year");
            }
            for (int i = 0; i < 1_000; i++) {
                long q0 = System.nanoTime();
                get(reportUrl + "&groupBy=year");
                latencies.recordNanos(System.nanoTime() - q0);
            }
        }
        return new Result(n, accepted, rejected, jobs, projects, seedSeconds, jobsDone, seconds, seen, county, copySeconds, latencies, note);
    }

    /** Projects of the county in fund-service's replica (learned from the project events). */
    private long replicated(String county) throws Exception {
        try (Connection c = DriverManager.getConnection(options.jdbc("fund"), "postgres", "");
             PreparedStatement ps = c.prepareStatement("select count(*) from project_replica where region_code like ?")) {
            ps.setString(1, county + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** COPY the same vouchers into a scratch table shaped like ledger_entry, timed; dropped after. */
    private double copy(String county, String run, int n, int jobSize, int projectsPerJob) throws Exception {
        StringBuilder rows = new StringBuilder(n * 260);
        Map<String, UUID> projectIds = new LinkedHashMap<>();
        String recordedAt = java.time.OffsetDateTime.now().toString();
        for (int i = 0; i < n; i++) {
            Voucher v = voucher(county, run, i / jobSize, projectsPerJob, i % jobSize);
            UUID project = projectIds.computeIfAbsent(v.projectCode(), k -> UUID.randomUUID());
            rows.append(UUID.randomUUID()).append(",REIMBURSEMENT,").append(project).append(",central-budget,").append(county)
                    .append("000000,").append(county).append("001001,").append(v.amount().toPlainString()).append(',')
                    .append(v.date()).append(',').append(v.number()).append(",,,,,").append(v.expenseKind()).append(",0.00,0.00,")
                    .append(v.amount().toPlainString()).append(',').append(i + 3).append(',').append(recordedAt)
                    .append(",fund-bench\n");
        }
        String table = "bench_copy_ledger_entry_" + (System.nanoTime() % 1_000_000_000L);
        try (Connection c = DriverManager.getConnection(options.jdbc("fund"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id uuid primary key, kind varchar(24) not null, project_id uuid not null,"
                    + " fund_source varchar(64) not null, county_code varchar(12) not null, region_code varchar(12) not null,"
                    + " amount numeric(14,2) not null, business_date date not null, number varchar(100) not null, document_id uuid,"
                    + " reference_id uuid, counterpart_project_id uuid, reason varchar(1000), expense_kind varchar(500),"
                    + " allocated_delta numeric(14,2) not null, disbursed_delta numeric(14,2) not null,"
                    + " reimbursed_delta numeric(14,2) not null, ledger_version bigint not null, recorded_at timestamptz not null,"
                    + " recorded_by varchar(200) not null)");
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

    // ------------------------------------------------------------------------------------------------ HTTP

    private String token(String subject) throws IOException, InterruptedException {
        String query = "sub=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "&roles=fund-clerk,fund-viewer,report-viewer&region=00&ttl=86400";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(options.oidcUrl() + "/protocol/openid-connect/token?" + query))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token from " + options.oidcUrl() + ": " + r.statusCode() + " " + r.body());
        }
        return "Bearer " + JSON.readTree(r.body()).path("access_token").asText();
    }

    /** Submits an NDJSON batch to the fund import; waits while the caller has two jobs running (429). */
    private String submit(String token, byte[] body) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(options.fundUrl() + "/api/v1/fund-imports"))
                    .header("Authorization", token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) {
                Thread.sleep(100);
                continue;
            }
            if (r.statusCode() != 202) {
                throw new IllegalStateException("fund import submit failed: " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).path("jobId").asText();
        }
    }

    private JsonNode fundJob(String token, String id) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(options.fundUrl() + "/api/v1/fund-imports/" + id))
                .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("fund import job " + id + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private String errors(String token, String id) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(URI.create(options.fundUrl() + "/api/v1/fund-imports/" + id + "/errors?size=20"))
                .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.length() > 2_000 ? text.substring(0, 2_000) + " …" : text;
    }

    @FunctionalInterface
    private interface Poll {
        JsonNode get() throws Exception;
    }

    private static JsonNode waitDone(Poll job, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (true) {
            JsonNode j = job.get();
            if (j.path("state").asText().equals("DONE")) {
                return j;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not done after an hour: " + j);
            }
            Thread.sleep(200);
        }
    }

    private String reportToken;

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        if (reportToken == null) {
            reportToken = token("fund-bench-reader");
        }
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", reportToken).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean reportAvailable(String url) throws IOException, InterruptedException {
        return get(url).statusCode() == 200;
    }

    /** The reimbursed total the fund report shows for the county, or null. */
    private BigDecimal reimbursedReported(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = get(url);
        if (r.statusCode() != 200) {
            return null;
        }
        JsonNode v = JSON.readTree(r.body()).path("total").path("figures").path("reimbursed");
        if (v.isMissingNode()) {
            v = JSON.readTree(r.body()).path("total").path("reimbursed");
        }
        return v.isMissingNode() || v.isNull() ? null : new BigDecimal(v.asText());
    }
}
