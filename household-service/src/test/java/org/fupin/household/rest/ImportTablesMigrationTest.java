package org.fupin.household.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.Flyway;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The import tables moved to the platform (db/platform/V0_3__import_jobs.sql); this service's former V3 and V4 are no
 * longer shipped (test copies in db/household-v3-v4). A database that applied them is brought to the shared shape
 * with its jobs intact and validates with the shipped migrations; a fresh one gets the same shape. Each on a
 * database of its own.
 */
@QuarkusTest
class ImportTablesMigrationTest {

    private static final String[] SHIPPED = {"classpath:db/migration", "classpath:db/platform"};

    @Test
    void aDatabaseWithTheFormerHouseholdImportTablesMigratesAndKeepsItsJobs() throws Exception {
        withDatabase("household_importv5_", url -> {
            // the database as the former migrations left it (household V1 to V5, V3 and V4 with the import tables)
            Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration", "classpath:db/household-v3-v4")
                    .target("5").load().migrate();
            UUID job = UUID.randomUUID();
            UUID household = UUID.randomUUID();
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                s.executeUpdate("insert into import_job (id, principal, region_prefix, content_hash, format, state, total, processed,"
                        + " accepted, rejected, created_at, finished_at) values ('" + job + "', 'old-importer', '52', 'hash-1', 'NDJSON',"
                        + " 'DONE', 2, 2, 1, 1, now(), now())");
                s.executeUpdate("insert into import_job_row (job_id, row_number, payload, status, household_id) values ('" + job
                        + "', 1, null, 'ACCEPTED', '" + household + "'), ('" + job + "', 2, null, 'REJECTED', null)");
                s.executeUpdate("insert into import_row_error values ('" + job + "', 2, 'household.regionCode', 'is outside your region')");
            }
            Flyway shipped = Flyway.configure().dataSource(url, "postgres", "").locations(SHIPPED).outOfOrder(true)
                    .ignoreMigrationPatterns("*:missing").load();
            shipped.migrate();
            shipped.validate(); // the former V3 and V4 are applied but no longer shipped: not an error
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                assertEquals(household.toString(), one(s, "select entity_id from import_job_row where job_id = '" + job + "' and row_number = 1"));
                assertEquals("household", one(s, "select kind from import_job where id = '" + job + "'"));
                assertEquals("1", one(s, "select accepted from import_job where id = '" + job + "'"));
                assertEquals("is outside your region", one(s, "select message from import_row_error where job_id = '" + job + "'"));
                assertSameBatchRule(s);
            }
        });
    }

    @Test
    void aFreshDatabaseGetsTheSameShape() throws Exception {
        withDatabase("household_importfresh_", url -> {
            Flyway.configure().dataSource(url, "postgres", "").locations(SHIPPED).outOfOrder(true).load().migrate();
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                assertEquals("0", one(s, "select count(*) from import_job_row where entity_id is not null"));
                assertSameBatchRule(s);
            }
        });
    }

    /** One job per kind, submitter and batch content; another kind may have the same content. */
    private static void assertSameBatchRule(Statement s) throws SQLException {
        String insert = "insert into import_job (id, kind, principal, region_prefix, content_hash, format, state, total, created_at)"
                + " values (gen_random_uuid(), '%s', 'same-submitter', '52', 'same-hash', 'CSV', 'RUNNING', 1, now())";
        s.executeUpdate(insert.formatted("household"));
        s.executeUpdate(insert.formatted("project"));
        SQLException twice = assertThrows(SQLException.class, () -> s.executeUpdate(insert.formatted("household")));
        assertEquals("23505", twice.getSQLState());
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    interface OnDatabase {
        void run(String url) throws Exception;
    }

    private static void withDatabase(String prefix, OnDatabase body) throws Exception {
        String database = prefix + Long.toHexString(System.nanoTime());
        SuiteInfrastructure.postgres().createDatabase(database);
        try {
            body.run(SuiteInfrastructure.postgres().jdbcUrl(database));
        } finally {
            try (Connection c = DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("postgres"), "postgres", "")) {
                c.createStatement().execute("drop database if exists " + database);
            }
        }
    }
}
