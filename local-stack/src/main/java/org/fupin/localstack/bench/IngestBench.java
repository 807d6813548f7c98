package org.fupin.localstack.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Line 1: households/s end to end — NDJSON jobs submitted to household-service until reporting-service's report of the
 * run's own county shows them all — against a raw COPY of the same households and members into scratch tables of the
 * same PostgreSQL (dropped after).
 */
final class IngestBench {

    record Result(ImportLoad.Outcome outcome, String county, double copySeconds, long persons) {
        double rate() {
            return outcome.accepted() / outcome.seconds();
        }

        double copyRate() {
            return outcome.submitted() / copySeconds;
        }
    }

    private final BenchOptions options;
    private final StackClient stack;

    IngestBench(BenchOptions options, StackClient stack) {
        this.options = options;
        this.stack = stack;
    }

    Result run() throws Exception {
        // a county of province 64 no earlier run used; its code is also the area of issue of the members' ID numbers,
        // so the households are new to the registry
        String county = null;
        for (int attempt = 0; attempt < 50 && county == null; attempt++) {
            String candidate = String.format("64%04d", ThreadLocalRandom.current().nextInt(10_000));
            if (stack.registered(candidate) == 0) {
                county = candidate;
            }
        }
        if (county == null) {
            throw new IllegalStateException("no unused county left in province 64; start the stack with --fresh");
        }
        String c = county;
        BenchHouseholds data = new BenchHouseholds(county, i -> c + String.format("%03d%03d", 1 + i % 10, 1 + (i / 10) % 100));
        int n = options.ingest();
        int jobSize = options.ingestJobSize();
        int jobs = (n + jobSize - 1) / jobSize;
        Bench.say(String.format("ingest: generating %,d households for county %s ...", n, county));
        List<String> bodies = new ArrayList<>(jobs); // generated before the clock starts
        for (int j = 0; j < jobs; j++) {
            bodies.add(data.ndjson((long) j * jobSize, Math.min(n, (long) (j + 1) * jobSize)));
        }
        Bench.say(String.format("ingest: importing them in %d jobs of up to %,d ...", jobs, jobSize));
        ImportLoad.Outcome outcome = ImportLoad.run(stack, jobs, n, bodies::get, county, 0, "ingest");
        bodies.clear();
        Bench.say(String.format("ingest: %,d accepted, %,d rejected in %.1f s", outcome.accepted(), outcome.rejected(), outcome.seconds()));
        long[] persons = new long[1];
        double copy = copy(data, n, persons);
        return new Result(outcome, county, copy, persons[0]);
    }

    /** COPY the same households and members into scratch tables shaped like the registry's, timed; dropped after. */
    private double copy(BenchHouseholds data, int n, long[] persons) throws Exception {
        StringBuilder hh = new StringBuilder();
        StringBuilder mm = new StringBuilder();
        for (int i = 0; i < n; i++) {
            BenchHouseholds.Household h = data.household(i);
            hh.append(i).append(',').append(h.village()).append(",ORDINARY,ILLNESS,").append(h.identificationYear()).append(',')
                    .append(h.wages()).append(',').append(h.members().size()).append('\n');
            for (int m = 0; m < h.members().size(); m++) {
                BenchHouseholds.Person p = h.members().get(m);
                mm.append(i).append(',').append(m).append(',').append(p.name()).append(',').append(p.residentId()).append(',')
                        .append(p.relation()).append(',').append(p.sex()).append(',').append(p.birth()).append('\n');
                persons[0]++;
            }
        }
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        String households = "bench_copy_household_" + suffix;
        String members = "bench_copy_member_" + suffix;
        try (Connection c = DriverManager.getConnection(options.jdbc("household"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table " + households + " (id bigint primary key, region_code varchar(12), household_type varchar(32),"
                    + " main_cause varchar(32), identification_year int, net_income numeric(14,2), member_count int)");
            s.execute("create table " + members + " (household_id bigint, position int, name varchar(50), resident_id varchar(18),"
                    + " relation varchar(32), sex varchar(8), birth_date date, primary key (household_id, position))");
            try {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                long t0 = System.nanoTime();
                copy.copyIn("copy " + households + " from stdin with (format csv)", new StringReader(hh.toString()));
                copy.copyIn("copy " + members + " from stdin with (format csv)", new StringReader(mm.toString()));
                return (System.nanoTime() - t0) / 1e9;
            } finally {
                s.execute("drop table " + households + ", " + members);
            }
        }
    }
}
