package org.fupin.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedInfraTest {

    private static Path work() throws Exception {
        Path dir = Path.of("target/embedded", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }

    @Test
    void postgresStartsCreatesDatabaseAndKeepsDataAcrossRestart() throws Exception {
        Path work = work();
        int port = Ports.free();
        PostgresServer pg = new PostgresServer(ProjectPaths.postgresBinaries(), work.resolve("pg"), port).start();
        pg.createDatabase("sample");
        pg.createDatabase("sample"); // idempotent
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("sample"), "postgres", "")) {
            c.createStatement().execute("create table t(x numeric(14,2))");
            c.createStatement().execute("insert into t values (12.34)");
        }
        pg.stop();
        pg = new PostgresServer(ProjectPaths.postgresBinaries(), work.resolve("pg"), port).start();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("sample"), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select x from t")) {
            assertTrue(rs.next());
            assertEquals("12.34", rs.getBigDecimal(1).toPlainString());
        } finally {
            pg.stop();
        }
    }

    @Test
    void kafkaBrokerDeliversAndKeepsMessagesAcrossRestart() throws Exception {
        Path work = work();
        KafkaBroker broker = new KafkaBroker(work.resolve("kafka"), Ports.free(), Ports.free()).start();
        broker.createTopics(Map.of("sample.v1", 3));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("sample.v1", "k", "hello")).get();
        }
        broker.stop();
        broker.start();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("sample.v1"));
            String value = null;
            long deadline = System.currentTimeMillis() + 30000;
            while (value == null && System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    value = r.value();
                }
            }
            assertEquals("hello", value);
        } finally {
            broker.stop();
        }
    }

    @Test
    void issuedTokensVerifyAgainstTheIssuersJwks() throws Exception {
        try (LocalOidcIssuer issuer = new LocalOidcIssuer(0, null).start()) {
            String token = issuer.token("alice", Set.of("household-clerk"), "5224");
            JwtClaims claims = new JwtConsumerBuilder()
                    .setExpectedIssuer(issuer.issuerUrl())
                    .setExpectedAudience("fupin-suite")
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(
                            new HttpsJwks(issuer.issuerUrl() + "/protocol/openid-connect/certs")))
                    .build().processToClaims(token);
            assertEquals("5224", claims.getClaimValueAsString("region"));
            assertEquals(List.of("household-clerk"), claims.getStringListClaimValue("groups"));
        }
    }
}
