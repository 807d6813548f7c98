package org.fupin.e2e;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.fupin.contracts.Topics;
import org.fupin.infra.KafkaBroker;
import org.fupin.infra.Ports;
import org.fupin.infra.PostgresServer;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceJvm;
import org.fupin.infra.ServiceProcess;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * household-service and reporting-service as real processes from their packaged jars, with the real PostgreSQL and
 * Kafka of this JVM, driven over HTTP with real tokens. Each test uses its own county, so its figures are exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HouseholdToReportingE2ETest {

    static ServiceProcess household;
    static ServiceProcess reporting;
    static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeAll
    static void startServices() {
        PostgresServer pg = SuiteInfrastructure.postgres();
        pg.createDatabase("household");
        pg.createDatabase("reporting");
        Path root = ProjectPaths.root();
        Path logs = Path.of("target", "e2e-logs").toAbsolutePath();
        household = service("household-service", "household", root, logs).start();
        reporting = service("reporting-service", "reporting", root, logs).start();
        household.awaitReady(Duration.ofMinutes(3));
        reporting.awaitReady(Duration.ofMinutes(3));
        System.out.printf("e2e: household-service ready in %d ms (RSS %d MiB), reporting-service in %d ms (RSS %d MiB)%n",
                household.startupTime().toMillis(), household.rssMiB(), reporting.startupTime().toMillis(), reporting.rssMiB());
    }

    /** Keys of this run's personal data, random: as production, never the published ones. */
    static final Map<String, String> PII_KEYS = Map.of(
            "FUPIN_PII_ENCRYPTION_KEY", randomKey(), "FUPIN_PII_HASH_KEY", randomKey());

    static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static ServiceProcess service(String name, String database, Path root, Path logs) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", SuiteInfrastructure.postgres().jdbcUrl(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", SuiteInfrastructure.kafka().bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", SuiteInfrastructure.issuer().issuerUrl());
        env.put("FUPIN_OUTBOX_MAX_BACKOFF", "2s");
        env.putAll(PII_KEYS); // a jar runs as in production: the published test keys are refused
        return new ServiceProcess(name, root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), Ports.free(), env,
                logs.resolve(name + ".log"), ServiceJvm.detect().withoutRecording());
    }

    @AfterAll
    static void stopServices() {
        if (household != null) {
            household.stop();
        }
        if (reporting != null) {
            reporting.stop();
        }
    }

    /** A valid resident ID number, distinct per call (check character by ISO 7064 MOD 11-2). */
    static String residentId() {
        int n = SEQ.incrementAndGet();
        String first17 = "530102" + java.time.LocalDate.of(1970, 1, 1).plusDays(n * 7L).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static Map<String, Object> member(String relation) {
        String id = residentId();
        Map<String, Object> m = new HashMap<>();
        m.put("name", "李四");
        m.put("residentId", id);
        m.put("relation", relation);
        m.put("sex", (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
        m.put("birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        m.put("health", "HEALTHY");
        m.put("disability", "NONE");
        m.put("labourAbility", "NORMAL");
        m.put("education", "PRIMARY");
        m.put("schoolingStatus", "FINISHED");
        m.put("migrantWork", false);
        return m;
    }

    static Map<String, Object> household(String village, int members, String netIncome) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        list.add(member("HEAD"));
        for (int i = 1; i < members; i++) {
            list.add(member("CHILD"));
        }
        return new HashMap<>(Map.of("regionCode", village, "householdType", "ORDINARY", "mainCause", "ILLNESS",
                "incomeYear", 2020, "incomeItems", Map.of("WAGES", netIncome), "members", list));
    }

    /** Imports a registered household (as a provincial system does); returns the HTTP status. */
    static int register(String village, int members) {
        return given().baseUri(household.url())
                .header("Authorization", Tokens.bearer("province", "53", Roles.HOUSEHOLD_IMPORTER))
                .contentType(ContentType.JSON)
                .body(Map.of("household", household(village, members, "90000.00"), "identificationYear", 2016))
                .post("/api/v1/households/registered").statusCode();
    }

    static long[] report(String region) {
        var r = given().baseUri(reporting.url())
                .header("Authorization", Tokens.bearer("analyst", "53", Roles.REPORT_VIEWER))
                .queryParam("region", region).get("/api/v1/reports/households")
                .then().statusCode(200).extract();
        return new long[]{((Number) r.path("registeredHouseholds")).longValue(), ((Number) r.path("registeredPersons")).longValue()};
    }

    @Test
    @Order(1)
    void postedHouseholdsAppearInTheReport() {
        long start = System.nanoTime();
        for (int i = 1; i <= 10; i++) {
            assertEquals(201, register("530102001" + String.format("%03d", i), i));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertEquals(List.of(10L, 55L), List.of(report("530102")[0], report("530102")[1])));
        System.out.printf("e2e: 10 households posted and counted in the report after %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        // single household: time from 201 to visible in the report
        long t = System.nanoTime();
        assertEquals(201, register("530102002001", 4));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> report("530102002")[0] == 1);
        System.out.printf("e2e: one household visible in the report %d ms after its 201%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
        assertEquals(4, report("530102002001")[1]);
    }

    @Test
    @Order(2)
    void withKafkaDownPostsStillSucceedAndTheReportCatchesUpExactly() {
        KafkaBroker kafka = SuiteInfrastructure.kafka();
        kafka.stop();
        try {
            for (int i = 1; i <= 12; i++) {
                assertEquals(201, register("530103001" + String.format("%03d", i), 2), "posting while Kafka is down");
            }
            assertEquals(0, report("530103")[0], "nothing can reach the report while Kafka is down");
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertEquals(List.of(12L, 24L), List.of(report("530103")[0], report("530103")[1])));
        // and it stays exact once everything is through: the outbox is empty and the consumer has read every event,
        // so nothing is left that could still count a household twice
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> unpublishedOutboxRows() == 0 && consumerLag("reporting-service", Topics.HOUSEHOLD) == 0);
        assertEquals(12, report("530103")[0]);
        assertEquals(24, report("530103")[1]);
    }

    @Test
    @Order(3)
    void eventsDeliveredTwiceLeaveTheReportUnchanged() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertEquals(201, register("530104001" + String.format("%03d", i), 3));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> report("530104")[0] == 5);
        long[] before = report("53");
        reporting.stop();
        resetConsumerGroupToEarliest("reporting-service", Topics.HOUSEHOLD);
        reporting.start().awaitReady(Duration.ofMinutes(3));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> consumerLag("reporting-service", Topics.HOUSEHOLD) == 0);
        long duplicates = duplicatesCounted();
        assertTrue(duplicates >= 5 + 10 + 12, "the replayed events were seen again as duplicates: " + duplicates);
        long[] after = report("53");
        assertEquals(before[0], after[0]);
        assertEquals(before[1], after[1]);
    }

    static String importHousehold(String village, int members, String netIncome, int year) {
        return given().baseUri(household.url())
                .header("Authorization", Tokens.bearer("province", "53", Roles.HOUSEHOLD_IMPORTER))
                .contentType(ContentType.JSON)
                .body(Map.of("household", household(village, members, netIncome), "identificationYear", year))
                .post("/api/v1/households/registered").then().statusCode(201).extract().path("id");
    }

    static final String COUNTY_TOKEN = Tokens.bearer("county", "53", Roles.HOUSEHOLD_COUNTY_APPROVER, Roles.HOUSEHOLD_CLERK,
            Roles.HOUSEHOLD_TOWNSHIP_REVIEWER, Roles.HOUSEHOLD_VIEWER);

    static void act(String id, String action, Map<String, Object> body) {
        int version = given().baseUri(household.url()).header("Authorization", COUNTY_TOKEN).get("/api/v1/households/" + id)
                .then().statusCode(200).extract().path("version");
        given().baseUri(household.url()).header("Authorization", COUNTY_TOKEN).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(body).post("/api/v1/households/" + id + "/" + action).then().statusCode(200);
    }

    static Map<String, Object> conditions() {
        return Map.of("FOOD", true, "CLOTHING", true, "COMPULSORY_EDUCATION", true, "BASIC_MEDICAL_INSURANCE", true, "SAFE_HOUSING", true);
    }

    static io.restassured.response.ValidatableResponse figures(String region, Integer year) {
        var request = given().baseUri(reporting.url()).header("Authorization", Tokens.bearer("analyst", "53", Roles.REPORT_VIEWER))
                .queryParam("region", region);
        if (year != null) {
            request = request.queryParam("year", year);
        }
        return request.get("/api/v1/reports/households").then().statusCode(200);
    }

    /** Registers (import and the full workflow), exits, returns, removes and monitors, then checks every figure exactly. */
    @Test
    @Order(4)
    void everyRegistryFigureIsExactIncludingIncidence() {
        String county = "530105";
        String a = importHousehold(county + "001001", 3, "90000.00", 2016);
        String b = importHousehold(county + "001002", 2, "90000.00", 2016);
        String c = importHousehold(county + "001003", 4, "90000.00", 2017);
        importHousehold(county + "002001", 1, "90000.00", 2017);
        String e = importHousehold(county + "002002", 5, "90000.00", 2016);
        importHousehold(county + "002003", 2, "5000.00", 2017);           // 2500 per person: monitored (under 1.5 × 4000)
        String g = given().baseUri(household.url()).header("Authorization", COUNTY_TOKEN).contentType(ContentType.JSON)
                .body(household(county + "003001", 2, "90000.00")).post("/api/v1/households").then().statusCode(201).extract().path("id");
        java.time.LocalDate start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(20);
        String[][] steps = {{"INVESTIGATED", "0"}, {"DEMOCRATICALLY_REVIEWED", "0"}, {"VILLAGE_NOTICE_STARTED", "0"},
                {"TOWNSHIP_REVIEWED", "7"}, {"TOWNSHIP_NOTICE_STARTED", "8"}, {"COUNTY_ANNOUNCED", "15"}};
        for (String[] step : steps) {
            Map<String, Object> body = new HashMap<>(Map.of("step", step[0], "date", start.plusDays(Integer.parseInt(step[1])).toString()));
            if (step[0].equals("COUNTY_ANNOUNCED")) {
                body.put("identificationYear", 2016);
            }
            act(g, "steps", body);
        }
        act(a, "exit", Map.of("exitYear", 2019, "conditions", conditions()));
        act(b, "exit", Map.of("exitYear", 2020, "conditions", conditions()));
        act(b, "return", Map.of("year", 2021, "reason", "因病返贫"));
        act(c, "removal", Map.of("reason", "错评"));
        act(e, "hardships", Map.of("kind", "DISASTER"));
        given().baseUri(reporting.url()).header("Authorization", Tokens.bearer("statistician", "53", Roles.REPORT_ADMIN))
                .contentType(ContentType.JSON).body(List.of(Map.of("regionCode", county, "population", 600)))
                .put("/api/v1/reports/population").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> figures(county, null)
                .body("registered.households", org.hamcrest.Matchers.equalTo(6)).body("registered.persons", org.hamcrest.Matchers.equalTo(15))
                .body("monitored.households", org.hamcrest.Matchers.equalTo(2)));
        figures(county, null)
                .body("exited.households", org.hamcrest.Matchers.equalTo(1)).body("exited.persons", org.hamcrest.Matchers.equalTo(3))
                .body("returned.households", org.hamcrest.Matchers.equalTo(1)).body("returned.persons", org.hamcrest.Matchers.equalTo(2))
                .body("removed.households", org.hamcrest.Matchers.equalTo(1)).body("removed.persons", org.hamcrest.Matchers.equalTo(4))
                .body("remaining.households", org.hamcrest.Matchers.equalTo(5)).body("remaining.persons", org.hamcrest.Matchers.equalTo(12))
                .body("monitored.persons", org.hamcrest.Matchers.equalTo(7))
                .body("population", org.hamcrest.Matchers.equalTo(600))
                .body("povertyIncidence.numerator", org.hamcrest.Matchers.equalTo("12"))
                .body("povertyIncidence.denominator", org.hamcrest.Matchers.equalTo("600"))
                .body("povertyIncidence.percent", org.hamcrest.Matchers.equalTo("2.00"))
                .body("mayLeavePoorCountyList", org.hamcrest.Matchers.equalTo(true))
                .body("incidenceThresholdPercent", org.hamcrest.Matchers.equalTo("3.00"));
        figures(county, 2016)
                .body("registered.households", org.hamcrest.Matchers.equalTo(4)).body("registered.persons", org.hamcrest.Matchers.equalTo(12));
        figures(county, 2017)
                .body("registered.households", org.hamcrest.Matchers.equalTo(2)).body("removed.households", org.hamcrest.Matchers.equalTo(0));
        figures(county, 2019).body("exited.households", org.hamcrest.Matchers.equalTo(1));
        figures(county, 2020).body("exited.households", org.hamcrest.Matchers.equalTo(0));
        figures(county, 2021).body("returned.households", org.hamcrest.Matchers.equalTo(1));
        figures(county + "001", null).body("registered.households", org.hamcrest.Matchers.equalTo(2))
                .body("povertyIncidence.defined", org.hamcrest.Matchers.equalTo(false));
    }

    static void resetConsumerGroupToEarliest(String group, String topic) throws Exception {
        try (Admin admin = SuiteInfrastructure.kafka().admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetAndMetadata> offsets = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> new OffsetAndMetadata(0)));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> {
                        admin.alterConsumerGroupOffsets(group, offsets).all().get(10, TimeUnit.SECONDS);
                        return true;
                    });
        }
    }

    static long consumerLag(String group, String topic) throws Exception {
        try (Admin admin = SuiteInfrastructure.kafka().admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
            long lag = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    static long duplicatesCounted() {
        String metrics = given().baseUri(reporting.managementUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("fupin_inbox_events_total") && l.contains("outcome=\"duplicate\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    static long unpublishedOutboxRows() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(SuiteInfrastructure.postgres().jdbcUrl("household"),
                PostgresServer.SUPERUSER, "");
             java.sql.ResultSet rs = c.createStatement().executeQuery("select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
