package org.fupin.localstack.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.LongSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.fupin.localstack.bench.ResultTable.ms;
import static org.fupin.localstack.bench.ResultTable.perSecond;
import static org.fupin.localstack.bench.ResultTable.ratio;

/**
 * {@code ./fupin bench}: measures the running local stack ({@code ./fupin start}) — ingest, project import, event →
 * report freshness, report queries, start-up — and prints one table with each figure beside its baseline from the same run, the
 * issue's target and whether it is met. A benchmark, not a test: nothing asserts the figures.
 */
public final class Bench {

    // targets of issue 7 on the 2-core machine
    static final double INGEST_TARGET = 5_000;
    static final double COPY_RATIO_TARGET = 30;
    static final double FRESHNESS_P99_TARGET_MS = 300;
    static final double QUERY_P99_TARGET_MS = 20;
    static final double READY_TARGET_S = 3;
    static final double RSS_TARGET_MB = 250;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.kafka").setLevel(Level.SEVERE);
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        StackClient stack;
        try {
            stack = new StackClient(options);
        } catch (java.io.IOException e) {
            System.err.println("The local stack is not running (" + e + "): start it with ./fupin start, then run ./fupin bench.");
            System.exit(2);
            return;
        }
        ResultTable table = new ResultTable();

        if (options.runs(BenchOptions.Phase.INGEST)) {
            try {
                ingest(table, new IngestBench(options, stack).run());
            } catch (Exception e) {
                failed(table, "ingest", e);
            }
        }
        if (options.runs(BenchOptions.Phase.PROJECTS)) {
            try {
                projects(table, new ProjectIngestBench(options, stack).run());
            } catch (Exception e) {
                failed(table, "project import", e);
            }
        }
        if (options.runs(BenchOptions.Phase.FUNDS)) {
            try {
                funds(table, new FundIngestBench(options, stack).run());
            } catch (Exception e) {
                failed(table, "fund import", e);
            }
        }
        if (options.runs(BenchOptions.Phase.FRESHNESS)) {
            try {
                freshness(table, options, new FreshnessBench(options, stack).run());
            } catch (Exception e) {
                failed(table, "freshness", e);
            }
        }
        if (options.runs(BenchOptions.Phase.QUERIES)) {
            try {
                queries(table, options, new QueryBench(options, stack).run());
            } catch (Exception e) {
                failed(table, "report queries", e);
            }
        }
        if (options.runs(BenchOptions.Phase.STARTUP)) {
            ProcessStartupHarness harness = new ProcessStartupHarness(options);
            try {
                startup(table, options, new StartupBench(harness).run());
            } catch (Exception e) {
                failed(table, "start-up", e);
            } finally {
                deleteGroups(options, harness);
            }
        }
        try {
            Map<String, Long> rss = StartupBench.runningStackRss(options.root());
            if (rss.isEmpty()) {
                table.note("RSS after the benchmark: no service of " + options.root() + " found running");
            }
            rss.forEach((service, mib) -> table.row("RSS after the benchmark, " + service, mib + " MiB", "", "",
                    "≤ " + (int) RSS_TARGET_MB + " MB", ResultTable.Verdict.of(mib * 1.048576 <= RSS_TARGET_MB)));
            table.note("RSS after the benchmark: VmRSS of the running stack's service processes (found by the jar on their command line).");
        } catch (Exception e) {
            failed(table, "RSS after the benchmark", e);
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        System.out.println();
        System.out.println("fupin bench — " + java.time.OffsetDateTime.now().withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + String.format(Locale.ROOT, "%.1f min", minutes));
        System.out.println();
        System.out.print(table.render());
    }

    static void ingest(ResultTable t, IngestBench.Result r) {
        ImportLoad.Outcome o = r.outcome();
        double ratio = r.copyRate() / r.rate();
        t.row(String.format(Locale.ROOT, "ingest end to end, %,d households", o.submitted()),
                perSecond(r.rate(), "households") + String.format(Locale.ROOT, " (%.1f s%s)", o.seconds(),
                        o.rejected() > 0 ? String.format(Locale.ROOT, ", %,d rejected", o.rejected()) : ""),
                "COPY " + perSecond(r.copyRate(), "households") + String.format(Locale.ROOT, " (%.2f s)", r.copySeconds()),
                ratio(ratio) + " slower",
                String.format(Locale.ROOT, "≥ %,.0f/s, ≤ %.0f×", INGEST_TARGET, COPY_RATIO_TARGET),
                ResultTable.Verdict.of(r.rate() >= INGEST_TARGET && ratio <= COPY_RATIO_TARGET));
        t.note(String.format(Locale.ROOT, "Ingest: NDJSON jobs of up to %,d households (%,d persons in all, county %s) through POST "
                        + "/api/v1/household-imports, clock from the first submit until GET /api/v1/reports/households of the county "
                        + "showed every accepted household (polled every 20 ms); baseline: COPY of the same households and members "
                        + "into two scratch tables of the household database (dropped after).", o.submitted() / Math.max(1, o.jobs()),
                r.persons(), r.county()));
    }

    static void projects(ResultTable t, ProjectIngestBench.Result r) {
        double ratio = r.copyRate() / r.rate();
        t.row(String.format(Locale.ROOT, "project import end to end, %,d projects", r.submitted()),
                perSecond(r.rate(), "projects") + String.format(Locale.ROOT, " (%.1f s, jobs done at %.1f s%s)", r.seconds(),
                        r.jobsDoneSeconds(), r.rejected() > 0 ? String.format(Locale.ROOT, ", %,d rejected", r.rejected()) : ""),
                "COPY " + perSecond(r.copyRate(), "projects") + String.format(Locale.ROOT, " (%.2f s)", r.copySeconds()),
                ratio(ratio) + " slower", "", ResultTable.Verdict.NONE);
        t.note(String.format(Locale.ROOT, "Project import: NDJSON jobs of up to %,d projects (13 categories, every stage but "
                        + "cancelled with stage dates, documents and latest progress; county %s) through POST /api/v1/project-imports; "
                        + "clock from the first submit until GET /api/v1/reports/projects of the county counted every accepted project "
                        + "(polled every 20 ms; the jobs' own DONE is shown beside it); baseline: COPY of the same rows into one "
                        + "scratch table of the project database shaped like a project record (dropped after).",
                r.submitted() / Math.max(1, r.jobs()), r.county()));
    }

    static void funds(ResultTable t, FundIngestBench.Result r) {
        double ratio = r.copyRate() / r.rate();
        t.row(String.format(Locale.ROOT, "fund import end to end, %,d vouchers", r.vouchers()),
                perSecond(r.rate(), "vouchers") + String.format(Locale.ROOT, " (%.1f s%s%s)", r.seconds(),
                        r.reportSeen() ? String.format(Locale.ROOT, ", jobs done at %.1f s", r.jobsDoneSeconds()) : ", until the jobs were done",
                        r.rejected() > 0 ? String.format(Locale.ROOT, ", %,d rejected", r.rejected()) : ""),
                "COPY " + perSecond(r.copyRate(), "vouchers") + String.format(Locale.ROOT, " (%.2f s)", r.copySeconds()),
                ratio(ratio) + " slower", "", ResultTable.Verdict.NONE);
        if (r.report() != null) {
            t.row(String.format(Locale.ROOT, "fund report (county, by year), %,d vouchers", r.vouchers()),
                    "p50 " + ms(r.report().p50()) + ", p99 " + ms(r.report().p99()), "", "", "", ResultTable.Verdict.NONE);
        } else {
            t.row(String.format(Locale.ROOT, "fund report (county, by year), %,d vouchers", r.vouchers()), "n/a", "", "", "",
                    ResultTable.Verdict.NONE);
        }
        t.note(String.format(Locale.ROOT, "Fund import: %,d reimbursement rows (vouchers, 报账) as NDJSON jobs of up to %,d through POST "
                        + "/api/v1/fund-imports, submitted by two fund clerks (up to four jobs at once), each job over its own %,d projects "
                        + "in voucher-date order; county %s, %,d projects seeded first through the project import and one allocation and "
                        + "one payment each through the fund import (%.0f s, outside the clock). Clock from the first submit until %s. "
                        + "Baseline: COPY of the same vouchers into a scratch table of the fund database shaped like ledger_entry "
                        + "(dropped after). Fund report: 1,000 sequential GET /api/v1/reports/funds?region=<county>&groupBy=year after 20 "
                        + "warm-up requests%s.", r.vouchers(), r.vouchers() / Math.max(1, r.jobs()),
                Math.max(1, r.projects() / Math.max(1, r.jobs())), r.county(), r.projects(), r.seedSeconds(),
                r.reportSeen() ? "the fund report of the county showed the reimbursed total of every voucher (polled every 50 ms; the jobs' "
                        + "own DONE is shown beside it)" : "every job was DONE (" + (r.reportNote().isEmpty()
                        ? "the report did not catch up" : r.reportNote()) + ")",
                r.report() == null ? " (not run: " + r.reportNote() + ")" : ""));
    }

    static void freshness(ResultTable t, BenchOptions o, FreshnessBench.Result r) {
        String at = String.format(Locale.ROOT, "%,d events/s for %d s", o.rate(), o.freshnessSeconds());
        String atLeast = r.unseen() > 0 ? "≥ " : ""; // events never shown were recorded with their wait so far
        t.row("freshness p50, " + at, atLeast + ms(r.freshness().p50()), "produce → consume " + ms(r.roundTrip().p50()),
                ratio(r.freshness().p50() / r.roundTrip().p50()), "", ResultTable.Verdict.NONE);
        t.row("freshness p99, " + at, atLeast + ms(r.freshness().p99()), "produce → consume " + ms(r.roundTrip().p99()),
                ratio(r.freshness().p99() / r.roundTrip().p99()), "≤ " + (int) FRESHNESS_P99_TARGET_MS + " ms",
                ResultTable.Verdict.of(r.unseen() == 0 && r.freshness().p99() <= FRESHNESS_P99_TARGET_MS));
        t.note(String.format(Locale.ROOT, "Freshness: %,d valid household.registered.v1 events (checked against event-contracts' JSON "
                        + "Schema) produced straight to fupin.household.v1 as the outbox relay does (CloudEvents headers, key = household "
                        + "id, idempotent producer, acks=all, linger 5 ms), at %,.0f/s achieved, into village %s; one thread polled that "
                        + "village's report in a tight loop (%,d polls, %.1f ms each): freshness of event i = arrival of the first "
                        + "response with count ≥ i − send time of event i%s. Baseline: the same events at %,.0f/s through a topic of "
                        + "their own (6 partitions, deleted after) to a plain consumer on the same broker.", r.events(), r.sentRate(),
                r.village(), r.polls(), r.meanPollMillis(), r.unseen() == 0 ? "" : String.format(Locale.ROOT,
                        "; %,d events were not shown %d s after the last send and count with their wait until then",
                        r.unseen(), FreshnessBench.UNSEEN_AFTER_SECONDS),
                r.roundTripRate()));
    }

    static void queries(ResultTable t, BenchOptions o, QueryBench.Result r) {
        for (QueryBench.Level l : r.levels()) {
            t.row(String.format(Locale.ROOT, "report %s, %,d households", l.name(), r.households()),
                    "p50 " + ms(l.api().p50()) + ", p99 " + ms(l.api().p99()),
                    "SQL p50 " + ms(l.sql().p50()) + ", p99 " + ms(l.sql().p99()),
                    ratio(l.api().p99() / l.sql().p99()) + " of SQL (p99)",
                    "p99 ≤ " + (int) QUERY_P99_TARGET_MS + " ms", ResultTable.Verdict.of(l.api().p99() <= QUERY_P99_TARGET_MS));
        }
        long mismatches = r.levels().stream().mapToLong(QueryBench.Level::mismatches).sum();
        t.note(String.format(Locale.ROOT, "Report queries: %,d sequential `GET /api/v1/reports/households?region=<prefix>` per level (after 20 "
                        + "warm-up requests), each for the region of a random household of the bench's province 65 (10 cities × 10 "
                        + "counties × 10 townships × 10 villages; loaded through the import API%s). Baseline: %d runs per level of the "
                        + "SQL the report ran before the roll-ups (HouseholdFactRepository.figures + personsInSeveralHouseholds) by "
                        + "JDBC on the reporting database; its registered count %s the API's.", o.queries(),
                r.load() == null ? " by an earlier run" : String.format(Locale.ROOT, " in this run: %,d in %.0f s",
                        r.load().accepted(), r.load().seconds()),
                o.sqlRepetitions(), mismatches == 0 ? "equalled" : "DIFFERED " + mismatches + " times from"));
    }

    static void startup(ResultTable t, BenchOptions o, StartupBench.Result r) {
        for (StartupBench.Measured m : r.alone()) {
            double s = m.readyAfter().toMillis() / 1000.0;
            t.row("start-up alone, " + m.service(), String.format(Locale.ROOT, "ready %.1f s, RSS %d MiB", s, m.rssMiB()), "", "",
                    "ready ≤ " + (int) READY_TARGET_S + " s", ResultTable.Verdict.of(s <= READY_TARGET_S));
        }
        if (r.together().isEmpty()) {
            t.row("start-up, all five together", "FAILED", "", "", "", ResultTable.Verdict.NONE);
        } else {
            LongSummaryStatistics rss = r.together().stream().mapToLong(StartupBench.Measured::rssMiB).summaryStatistics();
            double first = r.together().stream().mapToLong(m -> m.readyAfter().toMillis()).min().orElse(0) / 1000.0;
            t.row("start-up, all five together", String.format(Locale.ROOT, "all ready %.1f s (first %.1f s), RSS %d–%d MiB",
                    r.allReady().toMillis() / 1000.0, first, rss.getMin(), rss.getMax()), "", "", "", ResultTable.Verdict.NONE);
        }
        if (r.failure() != null) {
            t.note("start-up failed: " + r.failure());
        }
        t.note("Start-up: extra instances started next to the running stack (its database, Kafka and OIDC issuer; free ports; "
                + (o.jvmOptions().isEmpty() ? "JVM and options as ./fupin start: " + org.fupin.infra.ServiceJvm.detect().withMaxHeap("384m") : String.join(" ", o.jvmOptions())) + "), time from process start to /q/health/ready = 200, VmRSS then; "
                + "the start-up lines have no raw baseline.");
    }

    static void failed(ResultTable t, String what, Exception e) {
        say(what + " FAILED: " + e);
        t.row(what, "FAILED", "", "", "", ResultTable.Verdict.NONE);
        t.note(what + " failed: " + e.getMessage());
    }

    private static void deleteGroups(BenchOptions options, ProcessStartupHarness harness) {
        if (harness.consumerGroups().isEmpty()) {
            return;
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        try (Admin a = Admin.create(p)) {
            a.deleteConsumerGroups(harness.consumerGroups()).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            say("could not delete the start-up consumer groups " + harness.consumerGroups() + ": " + e);
        }
    }

    static void say(String line) {
        System.out.println(line);
    }

}
