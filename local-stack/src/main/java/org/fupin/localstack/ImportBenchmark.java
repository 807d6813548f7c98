package org.fupin.localstack;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (not a test): bulk-imports N households with realistic members through the public API of a running local
 * stack ({@code ./fupin start}) until the report shows them all, then COPYs the same rows straight into the same
 * PostgreSQL, and prints both rates and their ratio.
 * <p>
 * {@code ./fupin bench-import [N] [batchSize]}, N defaults to 100000.
 */
public final class ImportBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String CHECK = "10X98765432";
    static final String[] RELATIONS = {"SPOUSE", "CHILD", "CHILD", "PARENT", "GRANDCHILD"};

    record Person(String name, String id, String relation, String sex, String birth) {
    }

    record Household(String village, int year, String wages, List<Person> members) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        String household = System.getProperty("household.url", "http://127.0.0.1:8081");
        String reporting = System.getProperty("reporting.url", "http://127.0.0.1:8085");
        String oidc = System.getProperty("oidc.url", "http://127.0.0.1:58180/realms/fupin");
        String jdbc = System.getProperty("jdbc.url", "jdbc:postgresql://127.0.0.1:55432/household");
        String county = "659001";

        Random random = new Random(42);
        String salt = String.format("%04d", new Random().nextInt(10_000)); // fresh ID numbers on every run
        List<Household> households = generate(n, county, salt, random);
        long persons = households.stream().mapToLong(h -> h.members().size()).sum();
        System.out.printf("generated %d households, %d persons (%.2f per household)%n", n, persons, persons / (double) n);

        String token = token(oidc);
        long baseline = registered(reporting, token, county);
        long t0 = System.nanoTime();
        List<String> jobs = new ArrayList<>();
        for (int from = 0; from < n; from += batch) {
            StringBuilder ndjson = new StringBuilder();
            for (Household h : households.subList(from, Math.min(n, from + batch))) {
                ndjson.append(json(h)).append('\n');
            }
            HttpResponse<String> r;
            // a caller may have only a few jobs queued or running (429): submit the next batch when one is done
            while ((r = HTTP.send(HttpRequest.newBuilder(URI.create(household + "/api/v1/household-imports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build(), HttpResponse.BodyHandlers.ofString()))
                    .statusCode() == 429) {
                Thread.sleep(500);
            }
            if (r.statusCode() != 202) {
                throw new IllegalStateException("submit failed: " + r.statusCode() + " " + r.body());
            }
            jobs.add(field(r.body(), "jobId"));
        }
        double submitted = (System.nanoTime() - t0) / 1e9;
        System.out.printf("submitted %d jobs in %.1f s%n", jobs.size(), submitted);
        long seen = 0;
        long lastPrint = 0;
        while (seen < n) {
            Thread.sleep(500);
            seen = registered(reporting, token, county) - baseline;
            if (System.nanoTime() - lastPrint > 10e9) {
                System.out.printf("  %.0f s: %d of %d in the report%n", (System.nanoTime() - t0) / 1e9, seen, n);
                lastPrint = System.nanoTime();
            }
        }
        double endToEnd = (System.nanoTime() - t0) / 1e9;
        long rejected = 0;
        for (String job : jobs) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(household + "/api/v1/household-imports/" + job))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            rejected += Long.parseLong(field(r.body(), "rejected"));
        }

        double copy = copy(jdbc, households);
        double apiRate = n / endToEnd;
        double copyRate = n / copy;
        System.out.println();
        System.out.printf("end to end (API → import job → outbox → Kafka → report): %d households in %.1f s = %.0f households/s (%d rejected)%n",
                n, endToEnd, apiRate, rejected);
        System.out.printf("raw COPY of the same households and members into the same PostgreSQL: %.2f s = %.0f households/s%n", copy, copyRate);
        System.out.printf("ratio COPY / end to end: %.1f×%n", copyRate / apiRate);
    }

    static List<Household> generate(int n, String county, String salt, Random random) {
        List<Household> out = new ArrayList<>(n);
        long person = 0;
        for (int i = 0; i < n; i++) {
            String village = county + String.format("%03d%03d", 1 + i % 10, 1 + (i / 10) % 100);
            int size = 1 + Math.min(5, (int) Math.abs(random.nextGaussian() * 1.6 + 2.5)); // 1..6, mostly 3-4
            List<Person> members = new ArrayList<>(size);
            for (int m = 0; m < size; m++) {
                long k = person++;
                LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(k % 25_000);
                String first17 = "65" + salt + birth.toString().replace("-", "") + String.format("%03d", (k / 25_000) % 1000);
                int sum = 0;
                for (int d = 0; d < 17; d++) {
                    sum += (first17.charAt(d) - '0') * W[d];
                }
                String id = first17 + CHECK.charAt(sum % 11);
                String sex = (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE";
                members.add(new Person(m == 0 ? "户主" + i : "成员" + i + "-" + m, id, m == 0 ? "HEAD" : RELATIONS[random.nextInt(RELATIONS.length)],
                        sex, birth.toString()));
            }
            out.add(new Household(village, 2014 + random.nextInt(6), (20_000 + random.nextInt(30_000)) + ".00", members));
        }
        return out;
    }

    static String json(Household h) {
        StringBuilder s = new StringBuilder("{\"identificationYear\":").append(h.year()).append(",\"household\":{\"regionCode\":\"")
                .append(h.village()).append("\",\"householdType\":\"ORDINARY\",\"mainCause\":\"ILLNESS\",\"otherCauses\":[\"LACK_OF_SKILLS\"],")
                .append("\"incomeYear\":2020,\"incomeItems\":{\"WAGES\":\"").append(h.wages()).append("\"},\"members\":[");
        for (int i = 0; i < h.members().size(); i++) {
            Person p = h.members().get(i);
            if (i > 0) {
                s.append(',');
            }
            s.append("{\"name\":\"").append(p.name()).append("\",\"residentId\":\"").append(p.id()).append("\",\"relation\":\"")
                    .append(p.relation()).append("\",\"sex\":\"").append(p.sex()).append("\",\"birthDate\":\"").append(p.birth())
                    .append("\",\"health\":\"HEALTHY\",\"disability\":\"NONE\",\"labourAbility\":\"NORMAL\",\"education\":\"PRIMARY\",")
                    .append("\"schoolingStatus\":\"FINISHED\",\"migrantWork\":false}");
        }
        return s.append("]}}").toString();
    }

    /** COPY the same households and members into scratch tables shaped like the registry's, and time it. */
    static double copy(String jdbc, List<Household> households) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            c.createStatement().execute("drop table if exists bench_household, bench_member");
            c.createStatement().execute("create table bench_household (id bigint primary key, region_code varchar(12), household_type varchar(32),"
                    + " main_cause varchar(32), identification_year int, net_income numeric(14,2), member_count int)");
            c.createStatement().execute("create table bench_member (household_id bigint, position int, name varchar(50), resident_id varchar(18),"
                    + " relation varchar(32), sex varchar(8), birth_date date)");
            StringBuilder hh = new StringBuilder();
            StringBuilder mm = new StringBuilder();
            for (int i = 0; i < households.size(); i++) {
                Household h = households.get(i);
                hh.append(i).append(',').append(h.village()).append(",ORDINARY,ILLNESS,").append(h.year()).append(',').append(h.wages())
                        .append(',').append(h.members().size()).append('\n');
                for (int m = 0; m < h.members().size(); m++) {
                    Person p = h.members().get(m);
                    mm.append(i).append(',').append(m).append(',').append(p.name()).append(',').append(p.id()).append(',')
                            .append(p.relation()).append(',').append(p.sex()).append(',').append(p.birth()).append('\n');
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            copy.copyIn("copy bench_household from stdin with (format csv)", new StringReader(hh.toString()));
            copy.copyIn("copy bench_member from stdin with (format csv)", new StringReader(mm.toString()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.createStatement().execute("drop table bench_household, bench_member");
            return seconds;
        }
    }

    static String token(String oidc) throws Exception {
        String query = "sub=" + URLEncoder.encode("benchmark", StandardCharsets.UTF_8) + "&roles=household-importer,report-viewer&region=65";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(oidc + "/protocol/openid-connect/token?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "access_token");
    }

    static long registered(String reporting, String token, String region) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(reporting + "/api/v1/reports/households?region=" + region))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("report: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(field(r.body(), "registeredHouseholds"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
