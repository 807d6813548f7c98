package org.fupin.household.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.Topics;
import org.fupin.household.TestIds;
import org.fupin.platform.imports.ImportRunner;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.fupin.household.Fixtures.VILLAGE;
import static org.fupin.household.Fixtures.household;
import static org.fupin.household.Fixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, batched ingest: a chunk of rows is decided in the domain and stored in one transaction; a row refused by a
 * rule (also one person, one household against the chunk itself, the database, or another job racing for the same
 * persons) gets its error and every other row of the chunk is imported, its events published once.
 */
@QuarkusTest
class ImportChunkTest {

    @Inject
    ImportRunner runner;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;
    @Inject
    PersonalDataProtector pii;

    @Test
    void aChunkWithRefusedRowsAndDuplicatePersonsImportsEveryOtherRowInOneTransaction() throws Exception {
        String registered = TestIds.next();
        // a person registered before the job, by a direct import
        new Importer(runner, this).importOne(line(household(VILLAGE, List.of(member(registered, "HEAD")), "9000.00")));
        String shared = TestIds.next();
        String code = "CHUNK-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> twoHeads = household(VILLAGE, List.of(member(TestIds.next(), "HEAD"), member(TestIds.next(), "HEAD")), "9000.00");
        Map<String, Object> withCode = household(VILLAGE, 2, "9000.00");
        withCode.put("householdCode", code);
        Map<String, Object> sameCode = household(VILLAGE, 1, "9000.00");
        sameCode.put("householdCode", code);
        List<String> rows = List.of(
                line(household(VILLAGE, 3, "9000.00")),                                                  // 1 ok
                line(household(VILLAGE, List.of(member(shared, "HEAD"), member(TestIds.next(), "CHILD")), "9000.00")), // 2 ok, first with `shared`
                line(household("532428103201", 1, "9000.00")),                                           // 3 outside the job's region
                line(household(VILLAGE, List.of(member(TestIds.next(), "HEAD"), member(shared, "SPOUSE")), "9000.00")), // 4 `shared` again
                line(household(VILLAGE, List.of(member(registered, "HEAD")), "9000.00")),                // 5 registered before
                line(withCode),                                                                          // 6 ok, explicit code
                line(sameCode),                                                                          // 7 the same code again
                line(twoHeads),                                                                          // 8 two heads
                "not json",                                                                              // 9
                line(household(VILLAGE, 1, "1000.00")));                                                 // 10 ok, monitored at once
        UUID job = stage(rows);
        runner.work(job);

        String j = "'" + job + "'";
        assertEquals("DONE", text("select state from import_job where id = " + j));
        assertEquals(List.of(4L, 6L, 10L), List.of(count("select accepted from import_job where id = " + j),
                count("select rejected from import_job where id = " + j), count("select processed from import_job where id = " + j)));
        Map<Integer, String> status = statuses(job);
        assertEquals(Set.of(1, 2, 6, 10), rowsWith(status, "ACCEPTED"));
        assertEquals(Set.of(3, 4, 5, 7, 8, 9), rowsWith(status, "REJECTED"));
        Map<Integer, List<String>> errors = errors(job);
        assertEquals(List.of("household.regionCode"), errors.get(3));
        assertEquals(List.of("household.members[1].residentId"), errors.get(4));
        assertEquals(List.of("household.members[0].residentId"), errors.get(5));
        assertEquals(List.of("household.householdCode"), errors.get(7));
        assertTrue(errors.get(8).contains("household.members"), String.valueOf(errors.get(8)));
        assertEquals(List.of("row"), errors.get(9));
        assertEquals(Set.of(3, 4, 5, 7, 8, 9), errors.keySet(), "an error for each rejected row, none for an accepted one");
        String messages = text("select string_agg(message, '|') from import_row_error where job_id = " + j + " and row_number in (4, 5)");
        assertTrue(messages.contains("another household"), messages);
        assertFalse(messages.matches(".*[0-9]{6,}.*"), messages);

        // one person, one household
        for (String person : List.of(shared, registered)) {
            assertEquals(1, count("select count(*) from household_member where active and id_hash = '" + pii.hash(person) + "'"));
        }
        assertEquals(1, count("select count(*) from household where household_code = '" + code + "'"));
        // the accepted rows, their households, members, history and events were written by one transaction
        assertEquals(1, count("select count(distinct h.xmin::text) from household h join import_job_row r on r.entity_id = h.id"
                + " where r.job_id = " + j));
        assertEquals(1, count("select count(distinct r.xmin::text) from import_job_row r where r.job_id = " + j));
        assertEquals(3 + 2 + 2 + 1, count("select count(*) from household_member m join import_job_row r on r.entity_id = m.household_id"
                + " where r.job_id = " + j));
        assertEquals(4, count("select count(*) from household_history x join import_job_row r on r.entity_id = x.household_id"
                + " where r.job_id = " + j + " and x.action = 'imported'"));
        assertPublishedOnce(job);
    }

    @Test
    void twoJobsRacingOverTheSamePersonsPutEachPersonInOneHouseholdAndImportEveryOtherRow() throws Exception {
        int sharedCount = 20;
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < sharedCount; i++) {
            shared.add(TestIds.next());
        }
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < sharedCount; i++) {
            // the same persons in both jobs, in opposite orders and with other members beside them
            a.add(line(household(VILLAGE, List.of(member(shared.get(i), "HEAD"), member(TestIds.next(), "CHILD")), "9000.00")));
            b.add(line(household(VILLAGE, List.of(member(TestIds.next(), "HEAD"), member(shared.get(sharedCount - 1 - i), "SPOUSE")), "9000.00")));
            a.add(line(household(VILLAGE, 2, "9000.00")));
            b.add(line(household(VILLAGE, 1, "9000.00")));
        }
        UUID jobA = stage(a);
        UUID jobB = stage(b);
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (UUID job : List.of(jobA, jobB, jobA, jobB)) {
            runs.add(replicas.submit(() -> {
                go.await();
                runner.work(job);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : runs) {
            f.get(120, TimeUnit.SECONDS);
        }
        replicas.shutdown();

        for (UUID job : List.of(jobA, jobB)) {
            assertEquals("DONE", text("select state from import_job where id = '" + job + "'"));
            assertEquals(2L * sharedCount, count("select processed from import_job where id = '" + job + "'"));
        }
        // every shared person is in exactly one household, imported by one of the jobs
        for (String person : shared) {
            assertEquals(1, count("select count(*) from household_member where active and id_hash = '" + pii.hash(person) + "'"));
        }
        // the rows without a shared person were all imported; of each pair of rows with one, exactly one
        long acceptedA = count("select accepted from import_job where id = '" + jobA + "'");
        long acceptedB = count("select accepted from import_job where id = '" + jobB + "'");
        assertEquals(2L * sharedCount + sharedCount, acceptedA + acceptedB);
        assertEquals(sharedCount, count("select count(*) from import_job_row where job_id in ('" + jobA + "', '" + jobB + "')"
                + " and status = 'REJECTED'"));
        for (UUID job : List.of(jobA, jobB)) {
            Map<Integer, String> status = statuses(job);
            for (int row = 2; row <= 2 * sharedCount; row += 2) {
                assertEquals("ACCEPTED", status.get(row), "row " + row + " holds no shared person");
            }
            // a loser row is rejected on the shared person's field, saying only that the person is registered elsewhere
            Map<Integer, List<String>> errors = errors(job);
            assertEquals(rowsWith(status, "REJECTED"), errors.keySet());
            String field = job.equals(jobA) ? "household.members[0].residentId" : "household.members[1].residentId";
            errors.values().forEach(fields -> assertTrue(fields.equals(List.of(field)) || fields.equals(List.of("household.members")),
                    String.valueOf(fields)));
            String messages = text("select coalesce(string_agg(distinct message, '|'), '') from import_row_error where job_id = '" + job + "'");
            assertTrue(messages.isEmpty() || messages.equals(ImportErrors.OTHER_HOUSEHOLD), messages);
        }
        assertPublishedOnce(jobA);
        assertPublishedOnce(jobB);
    }

    /** Every event of the job's households is on the topic exactly once, in version order per household. */
    void assertPublishedOnce(UUID job) throws Exception {
        Map<String, List<Long>> expected = new HashMap<>(); // event id -> version
        Set<String> ids = new java.util.HashSet<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select o.event_id, o.aggregate_id, o.aggregate_version"
                + " from outbox_event o join import_job_row r on o.aggregate_id = r.entity_id::text where r.job_id = ? order by o.seq")) {
            ps.setObject(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    expected.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(3));
                }
            }
        }
        assertFalse(ids.isEmpty());
        List<ConsumerRecord<String, String>> all = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), Topics.HOUSEHOLD,
                rs -> rs.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).collect(Collectors.toSet()).containsAll(ids),
                Duration.ofSeconds(60));
        Map<String, Long> seen = all.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).filter(ids::contains)
                .collect(Collectors.groupingBy(x -> x, Collectors.counting()));
        assertEquals(ids, seen.keySet(), "every event published");
        seen.forEach((id, n) -> assertEquals(1L, n, "event " + id + " published once"));
        Map<String, List<Long>> published = new HashMap<>();
        all.stream().filter(r -> expected.containsKey(r.key())).forEach(r -> published.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(Long.parseLong(KafkaProbe.header(r, CloudEventHeaders.AGGREGATE_VERSION))));
        assertEquals(expected, published, "per household, its events in version order");
    }

    /** Runs single registered imports as a submitter would, for the set-up of a test. */
    record Importer(ImportRunner runner, ImportChunkTest test) {
        void importOne(String line) throws Exception {
            UUID job = test.stage(List.of(line));
            runner.work(job);
            assertEquals(1, test.count("select accepted from import_job where id = '" + job + "'"));
        }
    }

    String line(Map<String, Object> household) throws Exception {
        return json.writeValueAsString(Map.of("household", household, "identificationYear", 2016));
    }

    /** A job stored as the submission stores it (payloads sealed), not yet started by any runner. */
    UUID stage(List<String> payloads) throws Exception {
        UUID job = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into import_job (id, kind, principal, region_prefix, content_hash, format, state,"
                    + " total, created_at) values (?, 'household', ?, '52', ?, 'NDJSON', 'RUNNING', ?, now())")) {
                ps.setObject(1, job);
                ps.setString(2, "chunk-test-" + job);
                ps.setString(3, job.toString().replace("-", ""));
                ps.setInt(4, payloads.size());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into import_job_row (job_id, row_number, payload, status) values (?, ?, ?, 'PENDING')")) {
                for (int i = 0; i < payloads.size(); i++) {
                    ps.setObject(1, job);
                    ps.setInt(2, i + 1);
                    ps.setString(3, pii.encrypt(payloads.get(i)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return job;
    }

    Map<Integer, String> statuses(UUID job) throws Exception {
        Map<Integer, String> out = new TreeMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select row_number, status from import_job_row where job_id = ?")) {
            ps.setObject(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    static Set<Integer> rowsWith(Map<Integer, String> status, String value) {
        return status.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    Map<Integer, List<String>> errors(UUID job) throws Exception {
        Map<Integer, List<String>> out = new TreeMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select row_number, field from import_row_error where job_id = ? order by row_number, field")) {
            ps.setObject(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
