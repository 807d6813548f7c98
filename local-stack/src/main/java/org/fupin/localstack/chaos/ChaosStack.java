package org.fupin.localstack.chaos;

import org.fupin.infra.InfraIo;
import org.fupin.infra.KafkaBrokerProcess;
import org.fupin.infra.LocalOidcIssuer;
import org.fupin.infra.Ports;
import org.fupin.infra.PostgresServer;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceJvm;
import org.fupin.infra.ServiceProcess;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chaos run's own stack, on free ports under its own folder: a real PostgreSQL server, a Kafka broker in a child
 * JVM, the local OIDC issuer (in this JVM), and household-service, reporting-service, project-service, fund-service (with its
 * consumer of {@code fupin.project.v1}, the project replica) and rectification-service (with its replicas of the household,
 * project and fund topics and the system check) from their packaged jars. Every
 * part can be killed, paused and started again; {@link #close()} (also run by a shutdown hook) stops them all.
 */
public final class ChaosStack implements AutoCloseable {

    public static final String HOUSEHOLD_DB = "household";
    public static final String REPORTING_DB = "reporting";
    public static final String PROJECT_DB = "project";
    public static final String FUND_DB = "fund";
    public static final String RECTIFICATION_DB = "rectification";
    /** Six JVMs start at once on a machine that may be busy (CI; a shared 2-core box took 400 s for one): generous. */
    static final Duration READY = Duration.ofMinutes(12);

    private final Path dir;
    private final Path logs;
    private final PostgresServer postgres;
    private final KafkaBrokerProcess kafka;
    private final LocalOidcIssuer issuer;
    private ServiceProcess household;
    private ServiceProcess reporting;
    private ServiceProcess project;
    private ServiceProcess fund;
    private ServiceProcess rectification;
    private final Thread shutdownHook = new Thread(this::closeQuietly, "chaos-stack-stop");
    private boolean closed;

    public ChaosStack(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath();
        killLeftoverPostgres(this.dir.resolve("postgres"));
        InfraIo.deleteRecursively(this.dir);
        Files.createDirectories(this.dir);
        this.logs = this.dir.resolve("logs");
        Files.createDirectories(logs);
        this.postgres = new PostgresServer(ProjectPaths.postgresBinaries(), this.dir.resolve("postgres"), Ports.free());
        this.kafka = new KafkaBrokerProcess(this.dir.resolve("kafka"), Ports.free(), Ports.free(), logs.resolve("kafka.log"), childClassPath());
        this.issuer = new LocalOidcIssuer(0, null);
    }

    /** A server of an earlier run that was itself killed would otherwise keep running on a deleted folder. */
    private static void killLeftoverPostgres(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            try {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                boolean ours = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine())
                        .map(c -> c.contains("postgres") && c.contains(dataDir.toString())).orElse(false);
                if (ours) {
                    org.fupin.infra.Signals.killTree(pid);
                }
            } catch (RuntimeException e) {
                // unreadable: nothing to stop
            }
        }
    }

    /** This JVM's class path with absolute entries, for the broker's child JVM. */
    private static String childClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    public ChaosStack start() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        postgres.start();
        postgres.createDatabase(HOUSEHOLD_DB);
        postgres.createDatabase(REPORTING_DB);
        postgres.createDatabase(PROJECT_DB);
        postgres.createDatabase(FUND_DB);
        postgres.createDatabase(RECTIFICATION_DB);
        kafka.start();
        issuer.start();
        Path root = ProjectPaths.root();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer.issuerUrl());
        env.put("FUPIN_OUTBOX_MAX_BACKOFF", "2s");
        // fresh keys for this run: the published defaults are for the local run only
        env.put("FUPIN_PII_ENCRYPTION_KEY", randomKey());
        env.put("FUPIN_PII_HASH_KEY", randomKey());
        household = service("household-service", HOUSEHOLD_DB, root, env);
        reporting = service("reporting-service", REPORTING_DB, root, env);
        project = service("project-service", PROJECT_DB, root, env);
        fund = service("fund-service", FUND_DB, root, env);
        rectification = service("rectification-service", RECTIFICATION_DB, root, env);
        household.start();
        reporting.start();
        project.start();
        fund.start();
        rectification.start();
        for (ServiceProcess s : services()) {
            awaitReadyOrRestart(s);
        }
        return this;
    }

    /**
     * Waits for a service; one that exited while starting (on a busy machine Flyway's first connection can time out
     * while five JVMs start at once) is started again, twice at most.
     */
    private static void awaitReadyOrRestart(ServiceProcess s) {
        for (int attempt = 1; ; attempt++) {
            try {
                s.awaitReady(READY);
                return;
            } catch (IllegalStateException e) {
                if (s.isAlive() || attempt >= 3) {
                    throw e;
                }
                ChaosRun.say("  " + e.getMessage() + " — starting it again");
                s.start();
            }
        }
    }

    private ServiceProcess service(String name, String database, Path root, Map<String, String> common) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        return new ServiceProcess(name, root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), Ports.free(), env,
                logs.resolve(name + ".log"), ServiceJvm.detect().withoutRecording());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public Path logs() {
        return logs;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public LocalOidcIssuer issuer() {
        return issuer;
    }

    public ServiceProcess household() {
        return household;
    }

    public ServiceProcess reporting() {
        return reporting;
    }

    public ServiceProcess project() {
        return project;
    }

    public ServiceProcess fund() {
        return fund;
    }

    public ServiceProcess rectification() {
        return rectification;
    }

    /** The services, in start order. */
    public List<ServiceProcess> services() {
        return List.of(household, reporting, project, fund, rectification);
    }

    /** A superuser connection to one of the stack's databases. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.SUPERUSER, "");
    }

    /** Restarts whatever is down (e.g. a service that died on its own) and waits until all are ready. */
    public void ensureAllUp() {
        if (!postgres.isRunning()) {
            postgres.start();
        }
        if (!kafka.isAlive()) {
            kafka.start();
        }
        kafka.resume();
        for (ServiceProcess s : services()) {
            s.resume();
            if (!s.isAlive()) {
                s.start();
            }
            s.awaitReady(READY);
        }
    }

    /** Lets every database accept connections again (after an interrupted refuse-db fault). */
    public void allowAllConnections() {
        try (Connection c = connect("postgres")) {
            for (String db : List.of(HOUSEHOLD_DB, REPORTING_DB, PROJECT_DB, FUND_DB, RECTIFICATION_DB)) {
                c.createStatement().execute("alter database " + db + " allow_connections true");
            }
        } catch (SQLException e) {
            // postgres is down: nothing is refused
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServiceProcess s : new ServiceProcess[]{rectification, fund, project, reporting, household}) {
            if (s != null) {
                s.stop(); // SIGCONT first when paused
            }
        }
        kafka.stop();
        issuer.close();
        if (postgres.isRunning() || postgres.postmasterPid() > 0) {
            allowAllConnections();
            if (!postgres.isRunning()) {
                postgres.kill();
            } else {
                postgres.stop();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // best effort on the way out
        }
    }
}
