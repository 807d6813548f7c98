package org.fupin.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.fupin.infra.KafkaBroker;
import org.fupin.infra.LocalOidcIssuer;
import org.fupin.infra.Ports;
import org.fupin.infra.PostgresServer;
import org.fupin.infra.ProjectPaths;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real infrastructure of a test JVM: one PostgreSQL server, one Kafka broker and one OIDC issuer, started once
 * and shared by every test class. Declare it once per service, globally:
 * <pre>
 * {@literal @}QuarkusTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "household"))
 * </pre>
 * Files go under the module's {@code target/embedded/}.
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static LocalOidcIssuer issuer;

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startShared();
        postgres.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.SUPERUSER);
        config.put("quarkus.datasource.password", "");
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", issuer.issuerUrl());
        return config;
    }

    @Override
    public void stop() {
        // shared for the whole JVM; the servers stop in their shutdown hooks
    }

    public static synchronized void startShared() {
        if (postgres != null) {
            return;
        }
        Path work = Path.of("target", "embedded", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        postgres = new PostgresServer(ProjectPaths.postgresBinaries(), work.resolve("postgres"), Ports.free()).start();
        kafka = new KafkaBroker(work.resolve("kafka"), Ports.free(), Ports.free()).start();
        issuer = new LocalOidcIssuer(0, null).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            issuer.stop();
        }, "suite-infra-stop"));
    }

    public static PostgresServer postgres() {
        startShared();
        return postgres;
    }

    public static KafkaBroker kafka() {
        startShared();
        return kafka;
    }

    public static LocalOidcIssuer issuer() {
        startShared();
        return issuer;
    }
}
