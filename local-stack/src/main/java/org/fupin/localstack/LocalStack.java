package org.fupin.localstack;

import org.fupin.infra.InfraIo;
import org.fupin.infra.KafkaBroker;
import org.fupin.infra.KeycloakServer;
import org.fupin.infra.LocalOidcIssuer;
import org.fupin.infra.PostgresServer;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceJvm;
import org.fupin.infra.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the whole suite on this machine: PostgreSQL (one database per service), a Kafka broker, a local OIDC issuer
 * (or with {@code --keycloak} a real Keycloak with the chart's realm, {@link KeycloakServer}), then the five services
 * from their packaged jars. Data lives under {@code .local/data} and survives a restart;
 * {@code --fresh} wipes it. Ctrl-C stops everything this started.
 */
public final class LocalStack {

    static final int POSTGRES_PORT = Integer.getInteger("fupin.local.postgres-port", 55432);
    static final int KAFKA_PORT = Integer.getInteger("fupin.local.kafka-port", 59092);
    static final int KAFKA_CONTROLLER_PORT = Integer.getInteger("fupin.local.kafka-controller-port", 59093);
    static final int OIDC_PORT = Integer.getInteger("fupin.local.oidc-port", 58180);
    /** {@code --keycloak}: a real Keycloak instead of the local issuer. */
    static final int KEYCLOAK_PORT = Integer.getInteger("fupin.local.keycloak-port", 58280);

    /** The users of the local Keycloak (one generated password, kept in .local/data/keycloak/local-users.properties). */
    static final List<String[]> KEYCLOAK_USERS = List.of(
            new String[] {"county-clerk", "522428", "household-clerk,household-viewer,household-importer,project-clerk,"
                    + "project-viewer,fund-clerk,fund-viewer,report-viewer"},
            new String[] {"county-approver", "522428", "household-township-reviewer,household-county-approver,"
                    + "household-viewer,project-approver,project-viewer,fund-approver,fund-viewer,report-viewer"},
            new String[] {"province-viewer", "52", "household-viewer,project-viewer,fund-viewer,rectification-viewer,report-viewer"},
            new String[] {"province-inspector", "52", "rectification-inspector,rectification-clerk,rectification-viewer,report-viewer"});

    record Service(String name, String database, int port) {
    }

    private static final Logger KAFKA_LOGGER = Logger.getLogger("org.apache.kafka");

    static final List<Service> SERVICES = List.of(
            new Service("household-service", "household", 8081),
            new Service("project-service", "project", 8082),
            new Service("fund-service", "fund", 8083),
            new Service("rectification-service", "rectification", 8084),
            new Service("reporting-service", "reporting", 8085));

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        KAFKA_LOGGER.setLevel(Level.SEVERE); // the broker's start-up chatter
        Set<String> flags = Set.of(args);
        boolean withKeycloak = flags.contains("--keycloak");
        Path root = ProjectPaths.root();
        Path data = root.resolve(".local/data");
        Path logs = root.resolve(".local/logs");
        if (flags.contains("--fresh")) {
            say("--fresh: wiping " + data);
            InfraIo.deleteRecursively(data);
        }
        Map<String, String> piiKeys = piiKeys(data);
        Files.createDirectories(data);
        Files.createDirectories(logs);

        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping ...");
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    say("  while stopping: " + e);
                }
            }
            say("stopped.");
            stopped.countDown();
        }, "local-stack-stop"));

        System.setProperty("fupin.postgres.durable", "true"); // local data must survive a crash, unlike test data
        long t0 = System.nanoTime();
        // Keycloak takes longest: it starts first, beside PostgreSQL and Kafka
        KeycloakServer keycloak = withKeycloak ? new KeycloakServer(data.resolve("keycloak"), KEYCLOAK_PORT) : null;
        java.util.concurrent.CompletableFuture<String> keycloakUp = withKeycloak
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> startKeycloak(keycloak, data.resolve("keycloak")))
                : null;
        if (keycloak != null) {
            started.add(keycloak);
        }
        PostgresServer postgres = new PostgresServer(ProjectPaths.postgresBinaries(), data.resolve("postgres"), POSTGRES_PORT).start();
        started.add(postgres);
        for (Service s : SERVICES) {
            postgres.createDatabase(s.database());
        }
        say("PostgreSQL   127.0.0.1:" + POSTGRES_PORT + " (user postgres, databases " + SERVICES.stream().map(Service::database).toList() + ")");

        KafkaBroker kafka = new KafkaBroker(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT).start();
        started.add(kafka);
        say("Kafka        " + kafka.bootstrapServers());

        String issuerUrl;
        String keycloakUsers = null;
        if (withKeycloak) {
            keycloakUsers = keycloakUp.join();
            issuerUrl = keycloak.issuerUrl();
            say(String.format("Keycloak     %s (started in %.1f s%s, RSS %d MiB; Java %s; admin console %s/admin, user %s,"
                            + " password in %s)", issuerUrl, keycloak.startupTime().toMillis() / 1000.0,
                    keycloak.buildTime().toSeconds() > 1 ? String.format(" after unpacking and building it in %.1f s",
                            keycloak.buildTime().toMillis() / 1000.0) : "",
                    keycloak.rssMiB(), keycloak.java().getFileName(), keycloak.url(), "admin",
                    data.resolve("keycloak/admin-password")));
        } else {
            LocalOidcIssuer issuer = new LocalOidcIssuer(OIDC_PORT, data.resolve("oidc-signing-key.json")).start();
            started.add(issuer);
            issuerUrl = issuer.issuerUrl();
            say("OIDC issuer  " + issuerUrl);
        }

        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuerUrl);
        env.putAll(piiKeys);
        List<ServiceProcess> processes = new ArrayList<>();
        // 384 MB: the local stack also runs the benchmark's bulk loads
        ServiceJvm jvm = ServiceJvm.detect().withMaxHeap("384m");
        say("Services     " + jvm);
        for (Service s : SERVICES) {
            Map<String, String> serviceEnv = new LinkedHashMap<>(env);
            serviceEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(s.database()));
            serviceEnv.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(s.port() + 1000)); // 8081 → 9081: metrics, API docs
            ServiceProcess p = new ServiceProcess(s.name(), root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar"),
                    s.port(), serviceEnv, logs.resolve(s.name() + ".log"), jvm).start();
            started.add(p);
            processes.add(p);
        }
        for (ServiceProcess p : processes) {
            p.awaitReady(Duration.ofMinutes(3));
        }
        say("");
        say(String.format("%-22s %-24s %-24s %-10s %s", "service", "url", "management url", "startup", "RSS"));
        for (ServiceProcess p : processes) {
            say(String.format("%-22s %-24s %-24s %-10s %d MiB", p.name(), p.url(), p.managementUrl(),
                    String.format("%.1f s", p.startupTime().toMillis() / 1000.0), p.rssMiB()));
        }
        say("");
        say("All ready in " + String.format("%.1f s", (System.nanoTime() - t0) / 1e9) + ". Health: <url>/q/health;"
                + " Swagger UI: <management url>/q/swagger-ui, metrics: <management url>/q/metrics");
        if (withKeycloak) {
            say("Log in through Keycloak (password grant of the local client " + KeycloakServer.LOCAL_CLIENT + "), users:");
            say(keycloakUsers);
            say("  TOKEN=$(./fupin keycloak-token --user county-clerk)");
        } else {
            say("Get a token for any roles and region, e.g.:");
            say("  TOKEN=$(./fupin token --sub alice --region 522428 --roles household-clerk,household-viewer,report-viewer)");
        }
        say("  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8085/api/v1/reports/households");
        say("Dashboard: http://127.0.0.1:8085/dashboard/ (sign in on the issuer's page: any user name, a region such as 522428"
                + " or 00 for the whole country, roles report-viewer)");
        say("Logs in " + logs + ". Ctrl-C stops everything.");
        stopped.await();
    }

    /**
     * Starts Keycloak and, on the first start (or after --fresh), imports the chart's realm file with the local users
     * and the local password-grant client; returns the user table to print.
     */
    static String startKeycloak(KeycloakServer keycloak, Path dir) {
        try {
            keycloak.start(Duration.ofMinutes(15));
            Path file = dir.resolve("local-users.properties");
            java.util.Properties p = new java.util.Properties();
            if (Files.exists(file)) {
                try (java.io.Reader r = Files.newBufferedReader(file)) {
                    p.load(r);
                }
            } else {
                byte[] b = new byte[12];
                new java.security.SecureRandom().nextBytes(b);
                p.setProperty("password", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b));
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                try (java.io.Writer w = Files.newBufferedWriter(file)) {
                    p.store(w, "password of the local Keycloak users (./fupin keycloak-token reads it)");
                }
            }
            String password = p.getProperty("password");
            List<KeycloakServer.LocalUser> users = new ArrayList<>();
            StringBuilder table = new StringBuilder();
            for (String[] u : KEYCLOAK_USERS) {
                users.add(new KeycloakServer.LocalUser(u[0], password, u[1], null, List.of(u[2].split(","))));
                table.append(String.format("  %-20s region %-8s %s%n", u[0], u[1], u[2]));
            }
            table.append("  (password: ").append(file).append(")");
            if (keycloak.importRealm(KeycloakServer.sharedRealmFile(), KeycloakServer.localAdditions(users), false)) {
                say("Keycloak     realm imported from " + KeycloakServer.sharedRealmFile());
            }
            return table.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * This installation's keys for personal data, generated on the first start and kept with the data: the services run
     * from their jars as in production, where the keys published in the repository are refused.
     */
    static Map<String, String> piiKeys(Path data) throws IOException {
        Path file = data.resolve("pii-keys.properties");
        java.util.Properties keys = new java.util.Properties();
        if (Files.exists(file)) {
            try (java.io.Reader r = Files.newBufferedReader(file)) {
                keys.load(r);
            }
        } else {
            if (Files.exists(data.resolve("postgres"))) {
                say("The local data predates per-installation keys (it was encrypted with the published test keys)."
                        + " Start once with --fresh.");
                System.exit(2);
            }
            java.security.SecureRandom random = new java.security.SecureRandom();
            for (String name : List.of("FUPIN_PII_ENCRYPTION_KEY", "FUPIN_PII_HASH_KEY")) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                keys.setProperty(name, java.util.Base64.getEncoder().encodeToString(key));
            }
            Files.createDirectories(data);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try (java.io.Writer w = Files.newBufferedWriter(file)) {
                keys.store(w, "keys of this installation's personal data (FUPIN_PII_*); lose them and the stored ID numbers are lost");
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        keys.stringPropertyNames().forEach(n -> env.put(n, keys.getProperty(n)));
        return env;
    }

    static void say(String line) {
        System.out.println(line);
    }
}
