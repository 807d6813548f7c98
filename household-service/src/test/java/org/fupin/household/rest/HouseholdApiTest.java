package org.fupin.household.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.household.TestIds;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HouseholdApiTest {

    static final String VILLAGE = "522428103201";
    static final String OTHER_VILLAGE = "520102003004";

    @Inject
    AgroalDataSource db;

    static String clerk(String region) {
        return Tokens.bearer("clerk-" + region, region, Roles.HOUSEHOLD_CLERK);
    }

    static Map<String, Object> household(String region, String id, int members) {
        return Map.of("regionCode", region, "headName", "王小明", "headResidentId", id, "memberCount", members);
    }

    String register(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/households")
                .then().statusCode(201).header("Location", notNullValue()).header("ETag", "\"1\"")
                .extract().path("id");
    }

    @Test
    void registeredHouseholdIsStoredAuditedAndPublishedAsASchemaValidEvent() throws Exception {
        String id = TestIds.next();
        String householdId = register(clerk("5224"), household(VILLAGE, id, 4));

        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + householdId)
                .then().statusCode(200)
                .body("memberCount", equalTo(4))
                .body("headResidentId", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("createdBy", equalTo("clerk-5224"));

        assertEquals(1, count("select count(*) from audit_log where entity_id = ? and action = 'household.registered'", householdId));

        List<ConsumerRecord<String, String>> records = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD, rs -> rs.stream().anyMatch(r -> householdId.equals(r.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, String> event = records.stream().filter(r -> householdId.equals(r.key())).findFirst().orElseThrow();
        assertEquals("household.registered.v1", KafkaProbe.header(event, CloudEventHeaders.TYPE));
        assertEquals("1.0", KafkaProbe.header(event, CloudEventHeaders.SPEC_VERSION));
        assertEquals(householdId, KafkaProbe.header(event, CloudEventHeaders.SUBJECT));
        assertEquals("1", KafkaProbe.header(event, CloudEventHeaders.AGGREGATE_VERSION));
        assertEquals(VILLAGE, KafkaProbe.header(event, CloudEventHeaders.REGION_CODE));
        assertEquals("/fupin/household-service", KafkaProbe.header(event, CloudEventHeaders.SOURCE));
        UUID.fromString(KafkaProbe.header(event, CloudEventHeaders.ID));
        assertEquals(Set.of(), EventSchemas.validate("household.registered.v1", event.value()));
        assertFalse(event.value().contains(id), "the resident ID number never travels in an event");
        assertFalse(event.value().contains("王小明"), "nor the head's name");
    }

    @Test
    void wrongChecksumIs400NamingTheFieldAndWritesNothing() throws Exception {
        String bad = TestIds.withWrongCheck(TestIds.next());
        long before = count("select count(*) from outbox_event");
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body(household(VILLAGE, bad, 3))
                .post("/api/v1/households")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("headResidentId"))
                .body("detail", containsString("check character"));
        assertEquals(before, count("select count(*) from outbox_event"));
        assertEquals(0, count("select count(*) from household where head_id_masked = ?", bad.substring(0, 6) + "********" + bad.substring(14)));
    }

    @Test
    void missingAndMalformedFieldsAre400WithEachField() {
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "5224", "memberCount", 0))
                .post("/api/v1/households")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("headName"))
                .body("errors.field", hasItem("headResidentId"))
                .body("errors.field", hasItem("regionCode"))
                .body("errors.field", hasItem("memberCount"));
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"522428103201\",\"memberCount\":\"many\"}")
                .post("/api/v1/households")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("memberCount"));
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/households")
                .then().statusCode(400).contentType("application/problem+json");
        // a township code is not a village
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body(household("522428103000", TestIds.next(), 2))
                .post("/api/v1/households")
                .then().statusCode(400).body("errors.field", hasItem("regionCode"));
    }

    @Test
    void anotherRegionCannotSeeOrCreateOrChange() {
        String householdId = register(clerk("5224"), household(VILLAGE, TestIds.next(), 2));
        String outsider = Tokens.bearer("clerk-5201", "520100000000", Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER);
        given().header("Authorization", outsider).get("/api/v1/households/" + householdId)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", outsider).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("headName", "x", "memberCount", 9)).put("/api/v1/households/" + householdId)
                .then().statusCode(404);
        given().header("Authorization", outsider).contentType(ContentType.JSON).body(household(VILLAGE, TestIds.next(), 2))
                .post("/api/v1/households")
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", hasItem("regionCode"));
        given().header("Authorization", outsider).queryParam("region", "5224").get("/api/v1/households")
                .then().statusCode(403);
        given().header("Authorization", outsider).get("/api/v1/households")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(householdId)));
        // the province above both sees it
        given().header("Authorization", Tokens.bearer("province", "52", Roles.HOUSEHOLD_VIEWER)).get("/api/v1/households/" + householdId)
                .then().statusCode(200);
    }

    @Test
    void rolesAndTokensAreChecked() {
        given().contentType(ContentType.JSON).body(household(VILLAGE, TestIds.next(), 2)).post("/api/v1/households")
                .then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/households").then().statusCode(401);
        String expired = SuiteInfrastructure.issuer().token("old", Set.of(Roles.HOUSEHOLD_CLERK), "5224", Duration.ofSeconds(-120));
        given().header("Authorization", "Bearer " + expired).get("/api/v1/households").then().statusCode(401);
        String forged = new org.fupin.infra.LocalOidcIssuer(0, null).token("mallory", Set.of(Roles.HOUSEHOLD_CLERK), "52");
        given().header("Authorization", "Bearer " + forged).get("/api/v1/households").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("viewer", "5224", Roles.HOUSEHOLD_VIEWER)).contentType(ContentType.JSON)
                .body(household(VILLAGE, TestIds.next(), 2)).post("/api/v1/households")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("noregion", null, Roles.HOUSEHOLD_VIEWER)).get("/api/v1/households")
                .then().statusCode(403);
    }

    @Test
    void residentIdIsUnmaskedOnlyForPiiViewersAndThatReadIsAudited() throws Exception {
        String id = TestIds.next();
        String householdId = register(clerk("5224"), household(VILLAGE, id, 2));
        given().header("Authorization", Tokens.bearer("viewer", "5224", Roles.HOUSEHOLD_VIEWER)).get("/api/v1/households/" + householdId)
                .then().statusCode(200).body("headResidentId", containsString("********"));
        given().header("Authorization", Tokens.bearer("auditor", "5224", Roles.HOUSEHOLD_VIEWER, Roles.PII_VIEWER))
                .get("/api/v1/households/" + householdId)
                .then().statusCode(200).body("headResidentId", equalTo(id));
        assertEquals(1, count("select count(*) from audit_log where entity_id = ? and action = 'household.pii-read' and actor = 'auditor'", householdId));
        assertEquals(0, count("select count(*) from household where head_id_encrypted like ? or head_id_hash = ?", "%" + id + "%", id),
                "stored encrypted, never in clear");
    }

    @Test
    void onePersonOneHouseholdEvenUnderConcurrentRegistration() throws Exception {
        String id = TestIds.next();
        String other = register(clerk("5224"), household(VILLAGE, TestIds.next(), 2));
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> calls = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() ->
                    given().header("Authorization", clerk("5224")).contentType(ContentType.JSON)
                            .body(household(VILLAGE, id, 3)).post("/api/v1/households").statusCode(), pool)).toList();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdown();
        }
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body(household(VILLAGE, id, 3))
                .post("/api/v1/households")
                .then().statusCode(409).contentType("application/problem+json")
                .body("conflictingHouseholdCode", notNullValue())
                .body("errors.field", hasItem("headResidentId"));
        assertTrue(other != null);
    }

    @Test
    void idempotencyKeyReturnsTheSameHouseholdAndRefusesADifferentBody() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = household(VILLAGE, TestIds.next(), 5);
        String first = given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/households").then().statusCode(201).extract().path("id");
        String second = given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/households").then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ?", first));
        given().header("Authorization", clerk("5224")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(household(VILLAGE, TestIds.next(), 5)).post("/api/v1/households")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void updatesNeedTheCurrentETag() throws Exception {
        String householdId = register(clerk("5224"), household(VILLAGE, TestIds.next(), 2));
        Map<String, Object> change = Map.of("headName", "王大明", "memberCount", 3);
        given().header("Authorization", clerk("5224")).contentType(ContentType.JSON).body(change)
                .put("/api/v1/households/" + householdId).then().statusCode(428).body("errors.field", hasItem("If-Match"));
        given().header("Authorization", clerk("5224")).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(change)
                .put("/api/v1/households/" + householdId).then().statusCode(200).header("ETag", "\"2\"").body("memberCount", equalTo(3));
        given().header("Authorization", clerk("5224")).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(change)
                .put("/api/v1/households/" + householdId).then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo(2));
        assertEquals(2, count("select count(*) from outbox_event where aggregate_id = ?", householdId));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from outbox_event where aggregate_id = ? and published_at is null", householdId) == 0);
    }

    @Test
    void unknownHouseholdIs404Problem() {
        given().header("Authorization", clerk("5224")).get("/api/v1/households/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    long count(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i] instanceof String s && sql.contains("entity_id = ?") ? s : args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
