package org.fupin.household.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.household.Fixtures;
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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox and its relay over the real PostgreSQL and Kafka. */
@QuarkusTest
class OutboxTest {

    @Inject
    AgroalDataSource db;

    static final String CLERK = Tokens.bearer("clerk", "5224", Roles.HOUSEHOLD_CLERK);

    String register(int members) {
        return Fixtures.imported(Fixtures.household(Fixtures.VILLAGE, members, "90000.00"));
    }

    @Test
    void everyEventOnTheTopicMatchesTheSchemaOfItsTypeAndVersionsIncreasePerAggregate() {
        String id = register(2);
        given().header("Authorization", CLERK).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Fixtures.household(Fixtures.VILLAGE, 3, "90000.00")).put("/api/v1/households/" + id).then().statusCode(200);
        List<ConsumerRecord<String, String>> all = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(), Topics.HOUSEHOLD,
                rs -> rs.stream().filter(r -> id.equals(r.key())).count() == 2, Duration.ofSeconds(20));
        assertTrue(all.size() >= 2);
        for (ConsumerRecord<String, String> r : all) {
            String type = KafkaProbe.header(r, CloudEventHeaders.TYPE);
            assertEquals(Set.of(), EventSchemas.validate(type, r.value()), type + " " + r.value());
            assertEquals(r.key(), KafkaProbe.header(r, CloudEventHeaders.SUBJECT), "key = subject = aggregate id");
        }
        List<ConsumerRecord<String, String>> mine = all.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of("household.registered.v1", "household.updated.v1"),
                mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList());
        assertEquals(List.of("1", "2"), mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.AGGREGATE_VERSION)).toList());
        assertEquals(mine.get(0).partition(), mine.get(1).partition(), "one aggregate, one partition");
    }

    @Test
    void anAssistanceMeasureIsPublishedWithItsDateAndTheHouseholdsVersionButNoText() throws Exception {
        String id = register(2);
        given().header("Authorization", CLERK).contentType(ContentType.JSON)
                .body(Map.of("kind", "INDUSTRY", "description", "养殖 20 只鸡", "startedOn", "2020-05-06"))
                .post("/api/v1/households/" + id + "/assistance/measures").then().statusCode(201);
        List<ConsumerRecord<String, String>> mine = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                        Topics.HOUSEHOLD, rs -> rs.stream().filter(r -> id.equals(r.key())).count() == 2, Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of("household.registered.v1", "household.measure-added.v1"),
                mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList());
        ConsumerRecord<String, String> measure = mine.get(1);
        assertEquals(Set.of(), EventSchemas.validate("household.measure-added.v1", measure.value()));
        assertEquals("1", KafkaProbe.header(measure, CloudEventHeaders.AGGREGATE_VERSION), "the household did not change");
        var payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(measure.value());
        assertEquals("2020-05-06", payload.get("measureDate").asText());
        assertEquals("2020-05-06", payload.get("effectiveDate").asText());
        assertTrue(!measure.value().contains("养殖"), "no free text travels");
    }

    @Test
    void onlyTheReplicaHoldingTheLeasePublishes() throws Exception {
        // another replica takes the lease over (the next token) as if ours had missed its renewal: from then on every
        // write of our relay is refused, whatever it believes about its lease
        exec("update outbox_relay_lease set owner = 'other-replica', token = token + 1, expires_at = now() + interval '1 hour'"
                + " where name = 'outbox'");
        String unpublished;
        try {
            String id = register(1);
            unpublished = "select count(*) from outbox_event where aggregate_id = '" + id + "' and published_at is null";
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> count(unpublished) == 1);
        } finally {
            // the other replica stops and gives the lease up: ours takes it with a new token and publishes
            exec("update outbox_relay_lease set owner = null, expires_at = '-infinity' where name = 'outbox' and owner = 'other-replica'");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(unpublished) == 0);
    }

    @Test
    void backlogAndOldestAgeAreMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("fupin_outbox_backlog"))
                .body(containsString("fupin_outbox_oldest_age_seconds"))
                .body(containsString("fupin_outbox_published_total"))
                .body(containsString("fupin_outbox_parked"))
                .body(containsString("fupin_outbox_held"));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/households"));
    }

    void exec(String sql) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().executeUpdate(sql);
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
