package org.fupin.household.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fupin.household.TestIds;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.fupin.household.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6, failure 5: after direct registrations and an NDJSON import (accepted and rejected rows), no text column of
 * any table of the household database holds a submitted resident ID number; the members' names are only in the
 * registry's own name columns (the register names its members by design), never in import payloads, error reports,
 * audit, outbox or idempotency records; error reports hold no birth date and no other household's code.
 */
@QuarkusTest
class ImportPrivacyTest {

    /** Where a registered member's name is kept on purpose (建档立卡: the register lists its members by name). */
    static final Set<String> NAME_COLUMNS = Set.of("household_member.name", "household.head_name");

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final List<String> ids = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final List<String> birthDates = new ArrayList<>();
    int n;

    Map<String, Object> person(String id, String relation) {
        Map<String, Object> m = new HashMap<>(member(id, relation));
        String name = "隐私" + tag + "名" + (n++);
        m.put("name", name);
        ids.add(id);
        names.add(name);
        birthDates.add((String) m.get("birthDate"));
        return m;
    }

    String line(Map<String, Object> household) throws Exception {
        return json.writeValueAsString(Map.of("household", household, "identificationYear", 2016));
    }

    @Test
    void noReadableIdNumberAndNoNameOutsideTheRegistersNameColumnsAfterRegistrationsAndAnImport() throws Exception {
        String importer = Tokens.bearer("province-privacy-" + tag, "52", Roles.HOUSEHOLD_IMPORTER);
        // direct registrations: an application and a registered household
        apply(clerk("5224"), household(VILLAGE, List.of(person(TestIds.next(), "HEAD"), person(TestIds.next(), "CHILD")), "3000.00"))
                .statusCode(201);
        String registeredHead = TestIds.next();
        String registered = given().header("Authorization", importer("52")).contentType(ContentType.JSON)
                .body(Map.of("household", household(VILLAGE, List.of(person(registeredHead, "HEAD")), "9000.00"), "identificationYear", 2016))
                .post("/api/v1/households/registered").then().statusCode(201).extract().path("id");
        String registeredCode = given().header("Authorization", clerk("5224")).get("/api/v1/households/" + registered).then()
                .statusCode(200).extract().path("householdCode");

        List<String> lines = new ArrayList<>();
        lines.add(line(household(VILLAGE, List.of(person(TestIds.next(), "HEAD"), person(TestIds.next(), "SPOUSE")), "9000.00"))); // 1 ok
        lines.add(line(household(VILLAGE, List.of(person(TestIds.next(), "HEAD")), "9000.00")));                                  // 2 ok
        Map<String, Object> wrongBirth = person(TestIds.next(), "HEAD");
        wrongBirth.put("birthDate", "1950-01-01");
        birthDates.add("1950-01-01");
        lines.add(line(household(VILLAGE, List.of(wrongBirth), "9000.00")));                                 // 3 birth date disagrees
        lines.add(line(household(VILLAGE, List.of(person(registeredHead, "HEAD")), "9000.00")));            // 4 registered elsewhere
        Map<String, Object> nameAsSex = person(TestIds.next(), "HEAD");
        nameAsSex.put("sex", nameAsSex.get("name"));
        lines.add(line(household(VILLAGE, List.of(nameAsSex), "9000.00")));                                  // 5 a name in an enum field
        String wrongId = TestIds.withWrongCheck(TestIds.next());
        lines.add(line(household(VILLAGE, List.of(person(wrongId, "HEAD")), "9000.00")));                   // 6 wrong check character
        Map<String, Object> idAsDate = person(TestIds.next(), "HEAD");
        idAsDate.put("birthDate", idAsDate.get("residentId"));
        lines.add(line(household(VILLAGE, List.of(idAsDate), "9000.00")));                                  // 7 an ID number as a date
        lines.add("{\"household\": {\"regionCode\": \"" + VILLAGE + "\", \"members\": [{\"name\": \"" + names.get(0) + "\", \"residentId\": \""
                + ids.get(0) + "\""); // 8 cut off: not JSON

        String job = given().header("Authorization", importer).contentType("application/x-ndjson")
                .body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).post("/api/v1/household-imports")
                .then().statusCode(202).extract().path("jobId");
        assertEquals(List.of(), readable("import_job_row", "payload"), "staged rows are sealed from the start");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                given().header("Authorization", importer).get("/api/v1/household-imports/" + job).then().extract().path("state")));
        Map<?, ?> done = given().header("Authorization", importer).get("/api/v1/household-imports/" + job).then().extract().as(Map.class);
        assertEquals(2, done.get("accepted"), String.valueOf(done));
        assertEquals(6, done.get("rejected"), String.valueOf(done));

        List<Map<String, Object>> report = given().header("Authorization", importer).get("/api/v1/household-imports/" + job + "/errors")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(Set.of(3, 4, 5, 6, 7, 8), report.stream().map(e -> (Integer) e.get("row")).collect(java.util.stream.Collectors.toSet()));
        String reportText = json.writeValueAsString(report);
        for (String forbidden : concat(ids, names, birthDates, List.of(registeredCode, registeredCode.substring(0, 12)))) {
            assertFalse(reportText.contains(forbidden), "the error report repeats " + forbidden + ": " + reportText);
        }
        assertTrue(report.stream().anyMatch(e -> (Integer) e.get("row") == 4 && String.valueOf(e.get("message")).contains("another household")),
                reportText);

        // every text column of every table
        List<String> found = new ArrayList<>();
        for (String[] column : textColumns()) {
            for (String id : ids) {
                found.addAll(hits(column, id, "ID number"));
            }
            if (!NAME_COLUMNS.contains(column[0] + "." + column[1])) {
                for (String name : names) {
                    found.addAll(hits(column, name, "name"));
                }
            }
            if (column[0].startsWith("import_")) {
                for (String date : birthDates) {
                    found.addAll(hits(column, date, "birth date"));
                }
            }
        }
        assertEquals(List.of(), found);
        // the scan does find what is there: the register's own name column holds the registered members' names
        assertEquals(1, hits(new String[]{"household_member", "name"}, names.get(0), "name").size());
        assertEquals(0, count("select count(*) from import_job_row where job_id = '" + job + "' and payload is not null"));
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    List<String[]> textColumns() throws Exception {
        List<String[]> columns = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select c.table_name, c.column_name"
                + " from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema"
                + " and t.table_name = c.table_name and t.table_type = 'BASE TABLE'"
                + " where c.table_schema = current_schema() and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        assertTrue(columns.size() > 20, "found text columns: " + columns.size());
        return columns;
    }

    List<String> readable(String table, String column) throws Exception {
        List<String> found = new ArrayList<>();
        for (String id : ids) {
            found.addAll(hits(new String[]{table, column}, id, "ID number"));
        }
        for (String name : names) {
            found.addAll(hits(new String[]{table, column}, name, "name"));
        }
        return found;
    }

    List<String> hits(String[] column, String value, String what) throws Exception {
        String sql = "select count(*) from \"" + column[0] + "\" where \"" + column[1] + "\"::text ilike ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "%" + value + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                return n == 0 ? List.of() : List.of(what + " in " + column[0] + "." + column[1] + " (" + n + " rows)");
            }
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
