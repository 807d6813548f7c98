package org.fupin.e2e;

import org.fupin.infra.Ports;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceJvm;
import org.fupin.infra.ServiceProcess;
import org.fupin.testsupport.SuiteInfrastructure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Services started as real processes from their packaged jars, each on a database of its own (so a test class's
 * figures do not depend on what other e2e classes left behind), against the suite's PostgreSQL, Kafka and issuer.
 */
final class E2eServices {

    private E2eServices() {
    }

    /**
     * Creates the databases, starts every service, then waits until each is ready.
     *
     * @param logPrefix         prefix of each service's log file under target/e2e-logs
     * @param servicesAndDatabases pairs of service module name and database name, in start order
     * @return the started processes by service name, in start order
     */
    static Map<String, ServiceProcess> start(String logPrefix, Duration readyWithin, String... servicesAndDatabases) {
        Map<String, String> serviceToDatabase = new LinkedHashMap<>();
        for (int i = 0; i < servicesAndDatabases.length; i += 2) {
            serviceToDatabase.put(servicesAndDatabases[i], servicesAndDatabases[i + 1]);
        }
        serviceToDatabase.values().forEach(SuiteInfrastructure.postgres()::createDatabase);
        Path root = ProjectPaths.root();
        Path logs = Path.of("target", "e2e-logs").toAbsolutePath();
        Map<String, ServiceProcess> started = new LinkedHashMap<>();
        serviceToDatabase.forEach((name, database) -> started.put(name, process(name, database, root, logs, logPrefix).start()));
        started.values().forEach(s -> s.awaitReady(readyWithin));
        return started;
    }

    /** Stops the given processes (null = never started). */
    static void stop(ServiceProcess... processes) {
        for (ServiceProcess s : processes) {
            if (s != null) {
                s.stop();
            }
        }
    }

    private static ServiceProcess process(String name, String database, Path root, Path logs, String logPrefix) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", SuiteInfrastructure.postgres().jdbcUrl(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", SuiteInfrastructure.kafka().bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", SuiteInfrastructure.issuer().issuerUrl());
        env.put("FUPIN_OUTBOX_MAX_BACKOFF", "2s");
        env.putAll(HouseholdToReportingE2ETest.PII_KEYS);
        return new ServiceProcess(name, root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), Ports.free(), env,
                logs.resolve(logPrefix + name + ".log"), ServiceJvm.detect().withoutRecording());
    }

    /**
     * As {@link #start}, with {@code extraEnv} on top of the usual environment of every service (e.g. a longer connection
     * acquisition timeout on a loaded machine, or a service's own settings).
     */
    static Map<String, ServiceProcess> start(String logPrefix, Duration readyWithin, Map<String, String> extraEnv,
                                             String... servicesAndDatabases) {
        Map<String, ServiceProcess> started = new LinkedHashMap<>();
        for (int i = 0; i < servicesAndDatabases.length; i += 2) {
            SuiteInfrastructure.postgres().createDatabase(servicesAndDatabases[i + 1]);
            started.put(servicesAndDatabases[i], process(servicesAndDatabases[i], servicesAndDatabases[i + 1], logPrefix, extraEnv)
                    .start());
        }
        started.values().forEach(s -> s.awaitReady(readyWithin));
        return started;
    }

    /** A service process (not started) on an existing database, with {@code extraEnv} on top of the usual environment. */
    static ServiceProcess process(String name, String database, String logPrefix, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", SuiteInfrastructure.postgres().jdbcUrl(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", SuiteInfrastructure.kafka().bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", SuiteInfrastructure.issuer().issuerUrl());
        env.put("FUPIN_OUTBOX_MAX_BACKOFF", "2s");
        env.putAll(HouseholdToReportingE2ETest.PII_KEYS);
        env.putAll(extraEnv);
        Path logs = Path.of("target", "e2e-logs").toAbsolutePath();
        return new ServiceProcess(name, ProjectPaths.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), Ports.free(),
                env, logs.resolve(logPrefix + name + ".log"), ServiceJvm.detect().withoutRecording());
    }
}
