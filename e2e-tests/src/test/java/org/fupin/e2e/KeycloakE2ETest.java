package org.fupin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.infra.KeycloakServer;
import org.fupin.infra.KeycloakServer.LocalUser;
import org.fupin.infra.Ports;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceJvm;
import org.fupin.infra.ServiceProcess;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Keycloak (the server distribution from Maven Central, {@link KeycloakServer}) with the realm the Helm chart
 * imports ({@code deploy/helm/fupin-suite/files/realm.json}), and reporting-service run from its jar verifying
 * Keycloak's tokens, exactly as {@code ./fupin start --keycloak} runs them: a county user logs in through Keycloak's
 * token endpoint (password grant) and is allowed in its county, denied outside it; a token of the same realm for another
 * audience, and one of another issuer, are refused.
 * <p>
 * Keycloak is started once for the class; its H2 database is kept under target/ (a rerun only re-imports the realm).
 * The start time and resident memory are written to target/keycloak-start.txt.
 */
class KeycloakE2ETest {

    static final String COUNTY = "522428";
    static final String PASSWORD = UUID.randomUUID().toString();
    static final ObjectMapper JSON = new ObjectMapper();

    static KeycloakServer keycloak;
    static ServiceProcess reporting;

    @BeforeAll
    static void start() throws Exception {
        Path data = Path.of("target", "keycloak-" + KeycloakServer.version()).toAbsolutePath();
        keycloak = new KeycloakServer(data, 0);
        // Keycloak and the service start side by side: the service's OIDC client waits for the issuer (connection-delay)
        CompletableFuture<Void> keycloakUp = CompletableFuture.runAsync(() -> {
            keycloak.start(Duration.ofMinutes(10));
            keycloak.importRealm(KeycloakServer.sharedRealmFile(), KeycloakServer.localAdditions(List.of(
                    new LocalUser("county-viewer", PASSWORD, COUNTY, null, List.of(Roles.REPORT_VIEWER)),
                    new LocalUser("county-clerk", PASSWORD, COUNTY, null, List.of(Roles.HOUSEHOLD_CLERK)))), true);
            // a client of the same realm without the suite's client scope: its tokens are for another audience
            keycloak.createClient("other-app", true, List.of("basic"));
        });
        SuiteInfrastructure.postgres().createDatabase("kc_reporting");
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", SuiteInfrastructure.postgres().jdbcUrl("kc_reporting"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", SuiteInfrastructure.kafka().bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuerUrl());
        env.put("QUARKUS_OIDC_CONNECTION_DELAY", "10m");
        env.putAll(HouseholdToReportingE2ETest.PII_KEYS);
        reporting = new ServiceProcess("reporting-service",
                ProjectPaths.root().resolve("reporting-service/target/quarkus-app/quarkus-run.jar"), Ports.free(), env,
                Path.of("target", "e2e-logs", "keycloak-reporting-service.log").toAbsolutePath(),
                ServiceJvm.detect().withoutRecording()).start();
        keycloakUp.join();
        if (!reporting.isAlive()) {
            // on a loaded machine the two starts side by side can time out the service's first database connection:
            // then it starts again, alone
            reporting.start();
        }
        long rss = keycloak.rssMiB();
        String line = String.format("Keycloak %s: distribution unpacked and built in %.1f s, started (answering) in %.1f s,"
                        + " realm imported; RSS %d MiB (Java %s)%n", KeycloakServer.version(),
                keycloak.buildTime().toMillis() / 1000.0, keycloak.startupTime().toMillis() / 1000.0, rss,
                keycloak.java().getFileName());
        Files.writeString(Path.of("target", "keycloak-start.txt"), line);
        System.out.print(line);
        reporting.awaitReady(Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() {
        E2eServices.stop(reporting);
        if (keycloak != null) {
            Path out = Path.of("target", "keycloak-start.txt");
            try {
                Files.writeString(out, "RSS after the test: " + keycloak.rssMiB() + " MiB\n", java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                // only a measurement
            }
            keycloak.stop();
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static int households(String authorization, String region) {
        var request = given().baseUri(reporting.url()).queryParam("region", region);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.get("/api/v1/reports/households").statusCode();
    }

    @Test
    void aCountyUserLoggedInThroughKeycloakIsAllowedInItsCountyAndDeniedOutsideIt() throws Exception {
        String token = keycloak.passwordGrant(KeycloakServer.LOCAL_CLIENT, "county-viewer", PASSWORD);
        JsonNode claims = claims(token);
        assertEquals(keycloak.issuerUrl(), claims.path("iss").asText());
        assertTrue(claims.path("aud").toString().contains("\"fupin-suite\""), "audience: " + claims.path("aud"));
        assertEquals(COUNTY, claims.path("region").asText());
        assertTrue(claims.path("groups").toString().contains("\"" + Roles.REPORT_VIEWER + "\""), "groups: " + claims.path("groups"));

        assertEquals(200, households(bearer(token), COUNTY));
        assertEquals(200, households(bearer(token), COUNTY + "101"), "a township of the county");
        assertEquals(403, households(bearer(token), "522401"), "another county");
        assertEquals(403, households(bearer(token), "52"), "the province above the county");
    }

    @Test
    void aUserWithoutTheRoleIsDeniedInItsOwnCounty() {
        String token = keycloak.passwordGrant(KeycloakServer.LOCAL_CLIENT, "county-clerk", PASSWORD);
        assertEquals(403, households(bearer(token), COUNTY));
    }

    @Test
    void tokensForAnotherAudienceOrFromAnotherIssuerAreRefused() throws Exception {
        String other = keycloak.passwordGrant("other-app", "county-viewer", PASSWORD);
        JsonNode claims = claims(other);
        assertEquals(keycloak.issuerUrl(), claims.path("iss").asText(), "the same realm and signing key");
        assertFalse(claims.path("aud").toString().contains("fupin-suite"), "audience: " + claims.path("aud"));
        assertEquals(401, households(bearer(other), COUNTY));

        // the built-in local issuer's token (another issuer and key), with the right audience, role and region
        assertEquals(401, households(Tokens.bearer("county-viewer", COUNTY, Roles.REPORT_VIEWER), COUNTY));
        assertEquals(401, households(null, COUNTY));
        assertEquals(401, households("Bearer not-a-token", COUNTY));
    }
}
