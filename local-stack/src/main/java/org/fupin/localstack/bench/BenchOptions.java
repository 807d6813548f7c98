package org.fupin.localstack.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Options of {@code ./fupin bench}; the addresses default to those of {@code ./fupin start} (the same system properties
 * as LocalStack override them).
 */
public record BenchOptions(long households, int ingest, int ingestJobSize, int loadJobSize, int freshnessSeconds, int rate,
                           int queries, int sqlRepetitions, int projects, int projectJobSize, int funds, int fundJobSize,
                           Set<Phase> phases, List<String> jvmOptions, Path root, String householdUrl, String projectUrl,
                           String fundUrl, String reportingUrl,
                           String oidcUrl, String jdbcBase, String kafka) {

    public enum Phase { INGEST, FRESHNESS, QUERIES, STARTUP, PROJECTS, FUNDS }

    static final String USAGE = """
            ./fupin bench [--households N] [--ingest N] [--freshness-seconds S] [--rate R] [--queries Q] [--sql-repetitions K]
                          [--ingest-job-size N] [--load-job-size N] [--projects N] [--project-job-size N]
                          [--funds N] [--fund-job-size N]
                          [--only ingest,freshness,queries,startup,projects,funds] [--skip ...]
                          [--jvm-options "-Xmx384m -XX:+UseSerialGC" (default: as ./fupin start)]
              --households N        households in the bench's own province 65 for the report queries (default 1,000,000;
                                    loaded once through the import API, kept for later runs)
              --ingest N            households imported end to end for the ingest rate (default 100,000; new ones each run)
              --freshness-seconds S duration of the freshness run (default 60) at --rate events/s (default 1,000)
              --queries Q           report requests per region level (default 1,000); --sql-repetitions K of the SQL baseline (default 10)
              --projects N          projects imported end to end through POST /api/v1/project-imports (default 20,000;
                                    new ones each run), in NDJSON jobs of --project-job-size N (default 5,000)
              --funds N             vouchers (报账凭证) imported end to end through POST /api/v1/fund-imports (default
                                    1,000,000; new ones each run, after their projects, allocations and disbursements are
                                    seeded through the project and fund imports), in NDJSON jobs of --fund-job-size N
                                    (default 50,000); then 1,000 fund-report queries
              --only / --skip       phases to run / to leave out
            """;

    public static BenchOptions parse(String... args) {
        long households = 1_000_000;
        int ingest = 100_000;
        int ingestJob = 5_000;
        int loadJob = 10_000;
        int seconds = 60;
        int rate = 1_000;
        int queries = 1_000;
        int sql = 10;
        int projects = 20_000;
        int projectJob = 5_000;
        int funds = 1_000_000;
        int fundJob = 50_000;
        Set<Phase> phases = EnumSet.allOf(Phase.class);
        List<String> jvm = List.of(); // empty: the JVM and options LocalStack uses (ServiceJvm), with its class archive
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--households" -> households = positive(a, v);
                case "--ingest" -> ingest = (int) positive(a, v);
                case "--ingest-job-size" -> ingestJob = (int) positive(a, v);
                case "--load-job-size" -> loadJob = (int) positive(a, v);
                case "--freshness-seconds" -> seconds = (int) positive(a, v);
                case "--rate" -> rate = (int) positive(a, v);
                case "--queries" -> queries = (int) positive(a, v);
                case "--sql-repetitions" -> sql = (int) positive(a, v);
                case "--projects" -> projects = (int) positive(a, v);
                case "--project-job-size" -> projectJob = (int) positive(a, v);
                case "--funds" -> funds = (int) positive(a, v);
                case "--fund-job-size" -> fundJob = (int) positive(a, v);
                case "--only" -> phases = phases(v);
                case "--skip" -> {
                    Set<Phase> skip = phases(v);
                    phases = EnumSet.allOf(Phase.class);
                    phases.removeAll(skip);
                }
                case "--jvm-options" -> jvm = Arrays.stream(v.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        int pg = Integer.getInteger("fupin.local.postgres-port", 55432);
        int kafkaPort = Integer.getInteger("fupin.local.kafka-port", 59092);
        int oidc = Integer.getInteger("fupin.local.oidc-port", 58180);
        Path root = Path.of(System.getProperty("fupin.project.root", ".")).toAbsolutePath().normalize();
        return new BenchOptions(households, ingest, ingestJob, loadJob, seconds, rate, queries, sql, projects, projectJob, funds, fundJob,
                phases, jvm, root, System.getProperty("household.url", "http://127.0.0.1:8081"),
                System.getProperty("project.url", "http://127.0.0.1:8082"),
                System.getProperty("fund.url", "http://127.0.0.1:8083"),
                System.getProperty("reporting.url", "http://127.0.0.1:8085"),
                "http://127.0.0.1:" + oidc + "/realms/fupin",
                "jdbc:postgresql://127.0.0.1:" + pg + "/",
                "127.0.0.1:" + kafkaPort);
    }

    public boolean runs(Phase p) {
        return phases.contains(p);
    }

    public String jdbc(String database) {
        return jdbcBase + database;
    }

    private static long positive(String option, String value) {
        try {
            long n = Long.parseLong(value.replace("_", "").replace(",", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive whole number, not " + value);
    }

    private static Set<Phase> phases(String list) {
        Set<Phase> out = EnumSet.noneOf(Phase.class);
        List<String> unknown = new ArrayList<>();
        for (String p : list.split(",")) {
            try {
                out.add(Phase.valueOf(p.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                unknown.add(p);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown phase(s) " + unknown + "; phases: ingest, freshness, queries, startup, projects, funds");
        }
        return out;
    }
}
