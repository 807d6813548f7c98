package org.fupin.household.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fupin.household.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 6, failure 8: large bodies only on the batch endpoint, a cap on pages, and a limit of jobs per caller. */
@QuarkusTest
class ImportLimitsTest {

    @Inject
    AgroalDataSource db;
    @TestHTTPResource("/")
    URL base;

    /** A registration of about 3 MB: over the 2 MB of a JSON endpoint, far under the batch limit. */
    static byte[] hugeRegistration() {
        char[] padding = new char[3 * 1024 * 1024];
        Arrays.fill(padding, 'x');
        return ("{\"regionCode\": \"" + VILLAGE + "\", \"householdType\": \"ORDINARY\", \"remarks\": \"" + new String(padding) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonEndpointRefusesALargeBodyWithA413Problem() {
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body(hugeRegistration())
                .post("/api/v1/households").then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413)).body("errors.field", hasItem("body"));
    }

    @Test
    void aJsonEndpointCutsOffALargeBodyWithoutDeclaredLength() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/v1/households"))
                .header("Authorization", clerk("5224")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(hugeRegistration()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void aSmallBatchStillPassesAndThePageOfErrorsIsCapped() {
        String importer = Tokens.bearer("province-pages-" + UUID.randomUUID(), "52", Roles.HOUSEHOLD_IMPORTER);
        String job = given().header("Authorization", importer).contentType("application/x-ndjson").body("not json".getBytes())
                .post("/api/v1/household-imports").then().statusCode(202).extract().path("jobId");
        given().header("Authorization", importer).queryParam("size", 1001).get("/api/v1/household-imports/" + job + "/errors")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem("size"));
        given().header("Authorization", importer).queryParam("size", 1000).get("/api/v1/household-imports/" + job + "/errors")
                .then().statusCode(200);
    }

    @Test
    void aCallerWithTwoJobsQueuedOrRunningGets429WithRetryAfterUntilOneIsDone() throws Exception {
        String principal = "province-busy-" + UUID.randomUUID();
        String importer = Tokens.bearer(principal, "52", Roles.HOUSEHOLD_IMPORTER);
        List<UUID> running = List.of(runningJob(principal), runningJob(principal));
        byte[] batch = ("{\"household\": {\"regionCode\": \"" + VILLAGE + "\"}, \"identificationYear\": 2016}").getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", importer).contentType("application/x-ndjson").body(batch)
                .post("/api/v1/household-imports").then().statusCode(429)
                .header("Retry-After", "30")
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(429)).body("maxJobsPerCaller", equalTo(2));
        // another caller is not held up
        given().header("Authorization", Tokens.bearer(principal + "-other", "52", Roles.HOUSEHOLD_IMPORTER))
                .contentType("application/x-ndjson").body(batch).post("/api/v1/household-imports").then().statusCode(202);
        done(running.get(0));
        given().header("Authorization", importer).contentType("application/x-ndjson").body(batch)
                .post("/api/v1/household-imports").then().statusCode(202);
    }

    /** A job of the caller that no runner works on (as if queued behind others). */
    UUID runningJob(String principal) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into import_job (id, kind, principal, region_prefix,"
                + " content_hash, format, state, total, created_at) values (?, 'household', ?, '52', ?, 'NDJSON', 'RUNNING', 0, now())")) {
            ps.setObject(1, id);
            ps.setString(2, principal);
            ps.setString(3, id.toString().replace("-", ""));
            ps.executeUpdate();
        }
        return id;
    }

    void done(UUID job) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update import_job set state = 'DONE', finished_at = now() where id = ?")) {
            ps.setObject(1, job);
            assertTrue(ps.executeUpdate() == 1);
        }
    }

    @Test
    void aBatchOverItsLimitIsRefusedWithA413Problem() throws Exception {
        String importer = Tokens.bearer("province-big-" + UUID.randomUUID(), "52", Roles.HOUSEHOLD_IMPORTER);
        byte[] big = new byte[9 * 1024 * 1024]; // the test profile allows 8 MB per batch
        Arrays.fill(big, (byte) ' ');
        given().header("Authorization", importer).contentType("application/x-ndjson").body(big)
                .post("/api/v1/household-imports").then().statusCode(413)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("body"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/v1/household-imports"))
                .header("Authorization", importer).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    }
}
