package org.fupin.localstack.bench;


import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Line 3: report query latency per region level over the bench's province 65 (loaded through the import API once,
 * topped up when a run asks for more), against the same figures computed by SQL over reporting-service's fact tables
 * — the aggregation {@code HouseholdFactRepository.figures} and {@code personsInSeveralHouseholds} ran per request
 * before the roll-ups — by JDBC on the reporting database.
 */
final class QueryBench {

    /** Region levels and the length of their codes. */
    static final Map<String, Integer> LEVELS = levels();

    /** The report's figures of a prefix, all years, by SQL over the facts (reporting-service before the roll-ups). */
    static final String FIGURES_SQL = """
            select count(*) filter (where status in ('REGISTERED', 'EXITED')),
                   coalesce(sum(member_count) filter (where status in ('REGISTERED', 'EXITED')), 0),
                   count(*) filter (where status = 'EXITED'), coalesce(sum(member_count) filter (where status = 'EXITED'), 0),
                   count(*) filter (where return_count > 0), coalesce(sum(member_count) filter (where return_count > 0), 0),
                   count(*) filter (where status = 'REMOVED'), coalesce(sum(member_count) filter (where status = 'REMOVED'), 0),
                   count(*) filter (where status = 'REGISTERED'), coalesce(sum(member_count) filter (where status = 'REGISTERED'), 0),
                   count(*) filter (where monitored and status <> 'REMOVED'),
                   coalesce(sum(member_count) filter (where monitored and status <> 'REMOVED'), 0)
            from household_fact where region_code like ?""";
    static final String SEVERAL_SQL = """
            select count(*) from (
              select p.person_id from household_person p join household_fact f on f.household_id = p.household_id
              where f.region_code like ? and f.status <> 'REMOVED'
              group by p.person_id having count(*) > 1) several""";

    record Level(String name, int digits, Latencies api, Latencies sql, int sqlRepetitions, long mismatches) {
    }

    record Result(long households, ImportLoad.Outcome load, List<Level> levels) {
    }

    private final BenchOptions options;
    private final StackClient stack;

    QueryBench(BenchOptions options, StackClient stack) {
        this.options = options;
        this.stack = stack;
    }

    private static Map<String, Integer> levels() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("province", 2);
        m.put("city", 4);
        m.put("county", 6);
        m.put("township", 9);
        m.put("village", 12);
        return m;
    }

    Result run() throws Exception {
        ImportLoad.Outcome load = ensureLoaded();
        long households = stack.registered("65");
        long indexLimit = Math.min(households, options.households()); // households 0 … n-1 are in place
        Bench.say(String.format("queries: province 65 holds %,d households; %,d requests per level ...", households, options.queries()));
        List<Level> levels = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        try (Connection c = DriverManager.getConnection(options.jdbc("reporting"), "postgres", "")) {
            for (var level : LEVELS.entrySet()) {
                int digits = level.getValue();
                for (int w = 0; w < 20; w++) { // warm-up
                    stack.reportResponse(region(random, indexLimit, digits));
                }
                Latencies api = new Latencies();
                for (int q = 0; q < options.queries(); q++) {
                    String region = region(random, indexLimit, digits);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = stack.reportResponse(region);
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("report of " + region + ": " + r.statusCode() + " " + r.body());
                    }
                    api.recordNanos(t);
                }
                Latencies sql = new Latencies();
                long mismatches = 0;
                for (int q = 0; q < options.sqlRepetitions(); q++) {
                    String region = region(random, indexLimit, digits);
                    long t0 = System.nanoTime();
                    long registered = sqlFigures(c, region);
                    sql.recordNanos(System.nanoTime() - t0);
                    if (stack.registered(region) != registered) { // the API and the SQL must agree (no writes meanwhile)
                        mismatches++;
                    }
                }
                Bench.say(String.format("queries: %-8s API p50 %s p99 %s; SQL p50 %s p99 %s (%d)", level.getKey(), ResultTable.ms(api.p50()),
                        ResultTable.ms(api.p99()), ResultTable.ms(sql.p50()), ResultTable.ms(sql.p99()), options.sqlRepetitions()));
                levels.add(new Level(level.getKey(), digits, api, sql, options.sqlRepetitions(), mismatches));
            }
        }
        return new Result(households, load, levels);
    }

    /** The prefix at a level of a random loaded household's village: busy regions are asked about more often. */
    private static String region(SplittableRandom random, long households, int digits) {
        return BenchHouseholds.prefix(BenchHouseholds.provinceVillage(random.nextLong(Math.max(1, households))), digits);
    }

    /** Both statements, as the report ran them; @return the registered households */
    static long sqlFigures(Connection c, String region) throws Exception {
        long registered;
        try (PreparedStatement ps = c.prepareStatement(FIGURES_SQL)) {
            ps.setString(1, region + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                registered = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(SEVERAL_SQL)) {
            ps.setString(1, region + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
        return registered;
    }

    /** Loads households {@code existing … N-1} of province 65 through the import API; nothing when all are there. */
    private ImportLoad.Outcome ensureLoaded() throws Exception {
        long existing = stack.registered("65");
        long n = options.households();
        if (existing >= n) {
            Bench.say(String.format("queries: province 65 already holds %,d households (from an earlier run), none loaded", existing));
            return null;
        }
        BenchHouseholds data = new BenchHouseholds("659800", BenchHouseholds::provinceVillage);
        long missing = n - existing;
        int jobSize = options.loadJobSize();
        int jobs = (int) ((missing + jobSize - 1) / jobSize);
        Bench.say(String.format("queries: loading %,d households into province 65 (%,d there) in %d jobs of up to %,d ...", missing, existing,
                jobs, jobSize));
        ImportLoad.Outcome o = ImportLoad.run(stack, jobs, missing,
                j -> data.ndjson(existing + (long) j * jobSize, Math.min(n, existing + (long) (j + 1) * jobSize)), "65", existing, "load");
        Bench.say(String.format("queries: loaded %,d (%,d rejected) in %.0f s", o.accepted(), o.rejected(), o.seconds()));
        return o;
    }

}
