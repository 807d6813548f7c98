package org.fupin.reporting.event;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Household events published to the real Kafka broker → the projection in the real PostgreSQL → the report. */
@QuarkusTest
class HouseholdProjectionTest {

    static String registered(String id, String region, int members) {
        return TestHousehold.json(new HouseholdRegisteredV1(id, "C-" + id.substring(0, 8), region, members, 2026, "ORDINARY",
                TestHousehold.newPersons(members), Instant.parse("2026-11-23T08:00:00Z"), TestHousehold.ON));
    }

    static String updated(String id, String region, int members) {
        return TestHousehold.json(new HouseholdUpdatedV1(id, region, members, "ORDINARY", TestHousehold.newPersons(members), TestHousehold.ON));
    }

    /** Every payload is checked against its schema before it is published. */
    static void publish(UUID eventId, String type, String id, long version, String region, String payload) {
        TestHousehold.publish(eventId, type, id, version, region, payload);
    }

    static long[] figures(String tokenRegion, String region) {
        var r = given().header("Authorization", Tokens.bearer("analyst", tokenRegion, Roles.REPORT_VIEWER))
                .queryParam("region", region).get("/api/v1/reports/households")
                .then().statusCode(200).extract();
        return new long[]{((Number) r.path("registeredHouseholds")).longValue(), ((Number) r.path("registeredPersons")).longValue()};
    }

    @Test
    void eventsAreCountedOnceAndStaleVersionsIgnored() {
        String county = "610101";   // a region used by this test only
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        String aRegistered = registered(a, county + "001001", 3);
        publish(first, "household.registered.v1", a, 1, county + "001001", aRegistered);
        publish(first, "household.registered.v1", a, 1, county + "001001", aRegistered); // redelivery
        publish(UUID.randomUUID(), "household.registered.v1", b, 1, county + "002001", registered(b, county + "002001", 5));
        publish(UUID.randomUUID(), "household.updated.v1", b, 2, county + "002001", updated(b, county + "002001", 6));
        publish(UUID.randomUUID(), "household.updated.v1", b, 1, county + "002001", updated(b, county + "002001", 49)); // stale
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            long[] f = figures("61", county);
            assertEquals(2, f[0]);
            assertEquals(9, f[1]);
        });
        long[] township = figures("61", county + "001");
        assertEquals(1, township[0]);
        assertEquals(3, township[1]);
    }

    @Test
    void eventsOfOneChangeShareAVersionAndAreAllApplied() {
        String county = "610102";   // a region used by this test only
        TestHousehold h = new TestHousehold(county + "001001").register(2020, 4);
        // household-service: a registration with income near the line also starts monitoring, under the same version
        h.publishAt(h.version(), new HouseholdMonitoringStartedV1(h.id, h.region, 4, List.of("income near the line"),
                Instant.parse("2026-11-23T08:00:00Z"), TestHousehold.ON));
        h.exit(2021);
        HouseholdReturnedV1 returned = new HouseholdReturnedV1(h.id, h.region, 4, 2022, "illness", Instant.parse("2026-11-23T08:00:00Z"),
                TestHousehold.ON);
        h.publish(returned);
        h.publishAt(h.version(), returned); // the same change again under a new event id: counted once
        h.publishAt(1, new HouseholdExitedV1(h.id, h.region, 4, 2020, Instant.parse("2026-11-23T08:00:00Z"), TestHousehold.ON)); // late: ignored
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var f = Reports.figures(county, null);
            Reports.assertCount(f, "monitored", 1, 4);
            Reports.assertCount(f, "returned", 1, 4);
            Reports.assertCount(f, "remaining", 1, 4);
            Reports.assertCount(f, "exited", 0, 0);
        });
        // one more event of the household, behind the repeated and the late one on its partition: once it is in, so are they
        h.endMonitoring();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Reports.assertCount(Reports.figures(county, null), "monitored", 0, 0));
        var all = Reports.figures(county, null);
        Reports.assertCount(all, "returned", 1, 4);
        Reports.assertCount(all, "remaining", 1, 4);
        Reports.assertCount(all, "exited", 0, 0);
        Reports.assertCount(Reports.figures(county, 2022), "returned", 1, 4);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndDoesNotStallThePartition() {
        String county = "620102";
        String id = UUID.randomUUID().toString();
        UUID poison = UUID.randomUUID();
        // same key, so the same partition: the good event behind the poison one must still be applied
        String broken = "{\"householdId\": 42, broken";
        assertFalse(EventSchemas.validate("household.registered.v1", broken).isEmpty()); // deliberately not the contract
        TestHousehold.publishUnchecked(poison, "household.registered.v1", id, 1, county + "001001", broken);
        publish(UUID.randomUUID(), "household.registered.v1", id, 2, county + "001001", registered(id, county + "001001", 4));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(4, figures("62", county)[1]));
        List<ConsumerRecord<String, String>> dead = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                "fupin.household.v1.reporting.dlq", rs -> rs.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(60));
        assertTrue(dead.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("broken")));
    }

    @Test
    void figuresAreScopedToTheCallersRegion() {
        given().header("Authorization", Tokens.bearer("analyst", "5224", Roles.REPORT_VIEWER))
                .queryParam("region", "5201").get("/api/v1/reports/households")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("analyst", "5224", Roles.REPORT_VIEWER))
                .get("/api/v1/reports/households").then().statusCode(200).body("region", equalTo("5224"));
        given().header("Authorization", Tokens.bearer("analyst", "5224", Roles.REPORT_VIEWER))
                .queryParam("region", "52x").get("/api/v1/reports/households")
                .then().statusCode(400).body("errors[0].field", equalTo("region"));
        given().header("Authorization", Tokens.bearer("clerk", "5224", Roles.HOUSEHOLD_CLERK))
                .get("/api/v1/reports/households").then().statusCode(403);
        given().get("/api/v1/reports/households").then().statusCode(401);
    }

    @Test
    void readinessIncludesTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItems("Database connections health check"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Reactive Messaging")));
    }
}
