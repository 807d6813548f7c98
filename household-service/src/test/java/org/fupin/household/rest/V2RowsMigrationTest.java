package org.fupin.household.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.Flyway;
import org.fupin.household.domain.MemberAttributes;
import org.fupin.household.domain.ResidentIdNumber;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V2 gave each household registered before it a member with values the Java enums cannot read ('UNKNOWN'); the
 * migrations, run on a database of that age, leave only values the code reads. Runs on a database of its own.
 */
@QuarkusTest
class V2RowsMigrationTest {

    static <E extends Enum<E>> void readable(Class<E> type, String value) {
        if (value != null) {
            assertDoesNotThrow(() -> Enum.valueOf(type, value), type.getSimpleName() + " " + value);
        }
    }

    @Test
    void aMemberV2CreatedHasOnlyValuesTheEnumsRead() throws Exception {
        String database = "household_v2rows_" + Long.toHexString(System.nanoTime());
        SuiteInfrastructure.postgres().createDatabase(database);
        String url = SuiteInfrastructure.postgres().jdbcUrl(database);
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration", "classpath:db/platform")
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().executeUpdate("insert into household values ('" + UUID.randomUUID() + "', 'OLD-1', '522428103201',"
                    + " '王旧户', 'hash', 'enc', '522428********0000', 1, 'REGISTERED', 1, now(), 'v1', now(), 'v1')");
        }
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration", "classpath:db/platform")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select relation, sex, birth_date, health, disability, labour_ability,"
                     + " education, schooling_status from household_member")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                readable(MemberAttributes.Relation.class, rs.getString("relation"));
                readable(ResidentIdNumber.Sex.class, rs.getString("sex"));
                readable(MemberAttributes.Health.class, rs.getString("health"));
                readable(MemberAttributes.Disability.class, rs.getString("disability"));
                readable(MemberAttributes.LabourAbility.class, rs.getString("labour_ability"));
                readable(MemberAttributes.Education.class, rs.getString("education"));
                readable(MemberAttributes.SchoolingStatus.class, rs.getString("schooling_status"));
                assertNull(rs.getString("sex"));
                assertNull(rs.getDate("birth_date")); // 1900-01-01 was made up
            }
            assertEquals(1, rows);
        } finally {
            try (Connection c = DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("postgres"), "postgres", "")) {
                c.createStatement().execute("drop database if exists " + database);
            }
        }
        assertTrue(true);
    }
}
