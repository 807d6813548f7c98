package org.fupin.household.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fupin.household.TestIds;
import org.fupin.platform.imports.ImportRunner;
import org.fupin.platform.pii.PersonalDataProtector;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.fupin.household.Fixtures.VILLAGE;
import static org.fupin.household.Fixtures.household;
import static org.fupin.household.Fixtures.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 6, failure 4: several runners (replicas) on one job import every row once, with exact counters and events. */
@QuarkusTest
class ImportRunnerConcurrencyTest {

    @Inject
    ImportRunner runner;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;
    @Inject
    PersonalDataProtector pii;

    @Test
    void fourRunnersOnOneJobImportEachRowOnceWithExactCountersAndOneEventPerHousehold() throws Exception {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            payloads.add(line(household(VILLAGE, 2, "9000.00")));
        }
        String twice = TestIds.next(); // one person in two rows: exactly one of them is accepted, whoever runs first
        payloads.add(line(household(VILLAGE, List.of(member(twice, "HEAD")), "9000.00")));
        payloads.add(line(household(VILLAGE, List.of(member(twice, "HEAD")), "8000.00")));
        payloads.add(line(household(VILLAGE, List.of(member(TestIds.withWrongCheck(TestIds.next()), "HEAD")), "9000.00")));
        payloads.add("not json");
        UUID job = stage(payloads);

        ExecutorService replicas = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
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

        String j = "'" + job + "'";
        assertEquals("DONE", text("select state from import_job where id = " + j));
        assertEquals(28, count("select total from import_job where id = " + j));
        assertEquals(28, count("select processed from import_job where id = " + j));
        assertEquals(25, count("select accepted from import_job where id = " + j));
        assertEquals(3, count("select rejected from import_job where id = " + j));
        assertEquals(25, count("select count(*) from import_job_row where job_id = " + j + " and status = 'ACCEPTED'"));
        assertEquals(3, count("select count(*) from import_job_row where job_id = " + j + " and status = 'REJECTED'"));
        assertEquals(0, count("select count(*) from import_job_row where job_id = " + j + " and payload is not null"));
        // one household per accepted row, one registered event per household
        assertEquals(25, count("select count(distinct h.id) from household h join import_job_row r on r.entity_id = h.id where r.job_id = " + j));
        assertEquals(25, count("select count(*) from import_job_row r join outbox_event o on o.aggregate_id = r.entity_id::text"
                + " and o.event_type = 'household.registered.v1' where r.job_id = " + j));
        assertEquals(1, count("select count(*) from household_member where id_hash = '" + pii.hash(twice) + "'"));
        // finished once
        assertEquals(1, count("select count(*) from audit_log where action = 'household.import.finished' and entity_id = '" + job + "'"));
        // the losing row of the shared person is rejected without naming the other household
        String conflict = text("select string_agg(e.message, '|') from import_row_error e where e.job_id = " + j
                + " and e.field like 'household.members%'");
        assertTrue(conflict.contains("another household"), conflict);
        assertFalse(conflict.matches(".*[0-9]{6,}.*"), conflict);

        // a runner arriving late finds nothing to do and changes nothing
        runner.work(job);
        assertEquals(28, count("select processed from import_job where id = " + j));
        assertEquals(1, count("select count(*) from audit_log where action = 'household.import.finished' and entity_id = '" + job + "'"));
    }

    @Test
    void errorReportsOlderThanTheRetentionAreDeletedAndTheJobSaysWhen() throws Exception {
        UUID old = stage(List.of("not json"));
        UUID recent = stage(List.of("not json"));
        for (UUID job : List.of(old, recent)) {
            runner.work(job);
            assertEquals(1, count("select count(*) from import_row_error where job_id = '" + job + "'"));
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update import_job set finished_at = now() - interval '31 days' where id = ?")) { // retention: 30 days
            ps.setObject(1, old);
            ps.executeUpdate();
        }
        runner.housekeeping();
        assertEquals(0, count("select count(*) from import_row_error where job_id = '" + old + "'"));
        assertEquals(1, count("select count(*) from import_job where id = '" + old + "' and errors_purged_at is not null"));
        assertEquals(1, count("select rejected from import_job where id = '" + old + "'")); // the counters stay
        assertEquals(1, count("select count(*) from import_row_error where job_id = '" + recent + "'"));
    }

    private String line(Map<String, Object> household) throws Exception {
        return json.writeValueAsString(Map.of("household", household, "identificationYear", 2016));
    }

    /** A job stored as the submission stores it (payloads sealed), not yet started by any runner. */
    private UUID stage(List<String> payloads) throws Exception {
        UUID job = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into import_job (id, kind, principal, region_prefix, content_hash, format, state,"
                    + " total, created_at) values (?, 'household', ?, '52', ?, 'NDJSON', 'RUNNING', ?, now())")) {
                ps.setObject(1, job);
                ps.setString(2, "runner-test-" + job);
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

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
