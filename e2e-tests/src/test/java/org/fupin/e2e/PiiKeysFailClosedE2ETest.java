package org.fupin.e2e;

import org.fupin.infra.Ports;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceJvm;
import org.fupin.infra.ServiceProcess;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * household-service run from its jar, as in production, refuses to start without keys of its own for personal data —
 * none set, or the keys published in the repository — and says which variables to set.
 */
class PiiKeysFailClosedE2ETest {

    static final String PUBLISHED_ENCRYPTION_KEY = "bG9jYWwtb25seS1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=";
    static final String PUBLISHED_HASH_KEY = "bG9jYWwtb25seS1sb29rdXAtaGFzaC1rZXktMzJieXQ=";

    @Test
    void withoutKeys() throws Exception {
        String log = runUntilExit("no-keys", Map.of());
        assertTrue(log.contains("FUPIN_PII_ENCRYPTION_KEY") && log.contains("FUPIN_PII_HASH_KEY"), log);
        assertTrue(log.contains("keys for personal data (fupin.pii.*) are not usable in production"), log);
    }

    @Test
    void withThePublishedKeys() throws Exception {
        String log = runUntilExit("published-keys", Map.of("FUPIN_PII_ENCRYPTION_KEY", PUBLISHED_ENCRYPTION_KEY,
                "FUPIN_PII_HASH_KEY", PUBLISHED_HASH_KEY));
        assertTrue(log.contains("is the published local-run/test key and is the active key"), log);
    }

    static String runUntilExit(String name, Map<String, String> keys) throws Exception {
        SuiteInfrastructure.postgres().createDatabase("household_keys");
        Map<String, String> env = new HashMap<>(keys);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", SuiteInfrastructure.postgres().jdbcUrl("household_keys"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", SuiteInfrastructure.kafka().bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", SuiteInfrastructure.issuer().issuerUrl());
        Path log = Path.of("target", "e2e-logs", "household-service-" + name + ".log").toAbsolutePath();
        Files.deleteIfExists(log);
        ServiceProcess p = new ServiceProcess("household-service", ProjectPaths.root().resolve("household-service/target/quarkus-app/quarkus-run.jar"),
                Ports.free(), env, log, ServiceJvm.detect().withArchive(ServiceJvm.Archive.NONE)).start();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> !p.isAlive());
        } finally {
            p.stop();
        }
        return Files.readString(log);
    }
}
