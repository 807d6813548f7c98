package org.fupin.localstack;

import org.fupin.infra.InfraIo;
import org.fupin.infra.KafkaBroker;
import org.fupin.infra.LocalOidcIssuer;
import org.fupin.infra.Ports;
import org.fupin.infra.PostgresServer;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceJvm;
import org.fupin.infra.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures how fast the services become ready and how much memory they hold: each service alone, then all five
 * started at once. Runs its own PostgreSQL, Kafka broker and OIDC issuer on free ports under
 * {@code .local/startup-probe} (never the local stack's ports), with the services' jars as {@code ./fupin start} runs them.
 * Ready time = process start to the first 200 of {@code /q/health/ready}; RSS = VmRSS at that moment and after a few
 * seconds of idling.
 *
 * <pre>
 * try (StartupProbe probe = new StartupProbe(dir, ServiceJvm.detect()).start()) {
 *     List&lt;StartupProbe.Sample&gt; alone = probe.alone(3);      // median of 3 starts per service
 *     List&lt;StartupProbe.Sample&gt; together = probe.together(3);
 * }
 * </pre>
 * From the shell: {@code java -cp local-stack/target/local-stack.jar org.fupin.localstack.StartupProbe [--rounds N]
 * [--legacy] [--services a,b]}.
 */
public final class StartupProbe implements AutoCloseable {

    /** What {@code ./fupin start} runs: service name and its database. */
    public static final Map<String, String> SERVICES = orderedServices();

    /** One service's figures: the median over the rounds, and the first round (fresh database, archive recorded). */
    public record Sample(String service, Duration ready, Duration cpuToReady, long rssAtReadyMiB, long rssIdleMiB, Duration firstReady) {
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration IDLE = Duration.ofSeconds(5);

    private final Path dir;
    private final ServiceJvm jvm;
    private final List<String> services;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private LocalOidcIssuer issuer;
    private final Map<String, String> piiKeys = Map.of("FUPIN_PII_ENCRYPTION_KEY", randomKey(), "FUPIN_PII_HASH_KEY", randomKey());

    public StartupProbe(Path dir, ServiceJvm jvm) {
        this(dir, jvm, List.copyOf(SERVICES.keySet()));
    }

    public StartupProbe(Path dir, ServiceJvm jvm, List<String> services) {
        this.dir = dir.toAbsolutePath();
        this.jvm = jvm;
        this.services = List.copyOf(services);
    }

    /** Starts PostgreSQL, Kafka and the OIDC issuer on free ports (fresh data under the probe's folder). */
    public StartupProbe start() throws IOException {
        InfraIo.deleteRecursively(dir);
        Files.createDirectories(dir.resolve("logs"));
        postgres = new PostgresServer(ProjectPaths.postgresBinaries(), dir.resolve("postgres"), Ports.free()).start();
        for (String s : services) {
            postgres.createDatabase(SERVICES.get(s));
        }
        kafka = new KafkaBroker(dir.resolve("kafka"), Ports.free(), Ports.free()).start();
        issuer = new LocalOidcIssuer(0, null).start();
        return this;
    }

    /** Each service started alone {@code rounds} times (one after the other, stopped in between). */
    public List<Sample> alone(int rounds) {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String s : services) {
                ServiceProcess p = process(s);
                try {
                    runs.computeIfAbsent(s, k -> new ArrayList<>()).add(measure(List.of(p)).get(0));
                } finally {
                    p.stop();
                }
            }
        }
        return summarize(runs);
    }

    /** All services started at the same moment, {@code rounds} times. */
    public List<Sample> together(int rounds) {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<ServiceProcess> ps = services.stream().map(this::process).toList();
            try {
                List<Run> measured = measure(ps);
                for (int i = 0; i < ps.size(); i++) {
                    runs.computeIfAbsent(ps.get(i).name(), k -> new ArrayList<>()).add(measured.get(i));
                }
            } finally {
                ps.forEach(ServiceProcess::stop);
            }
        }
        return summarize(runs);
    }

    private record Run(Duration ready, Duration cpu, long rssReady, long rssIdle) {
    }

    private List<Run> measure(List<ServiceProcess> ps) {
        ps.forEach(ServiceProcess::start);
        List<Thread> waiters = new ArrayList<>();
        long[] rssReady = new long[ps.size()];
        RuntimeException[] failure = new RuntimeException[1];
        for (int i = 0; i < ps.size(); i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    ps.get(n).awaitReady(READY_TIMEOUT);
                    rssReady[n] = ps.get(n).rssMiB();
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }, "await-" + ps.get(i).name());
            t.start();
            waiters.add(t);
        }
        for (Thread t : waiters) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        InfraIo.sleep(IDLE.toMillis());
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            runs.add(new Run(ps.get(i).startupTime(), ps.get(i).startupCpu(), rssReady[i], ps.get(i).rssMiB()));
        }
        return runs;
    }

    private static List<Sample> summarize(Map<String, List<Run>> runs) {
        List<Sample> out = new ArrayList<>();
        runs.forEach((s, list) -> {
            List<Run> rest = list.size() > 1 ? list.subList(1, list.size()) : list;
            out.add(new Sample(s, median(rest.stream().map(Run::ready).toList()), median(rest.stream().map(Run::cpu).toList()),
                    medianLong(rest.stream().map(Run::rssReady).toList()),
                    medianLong(rest.stream().map(Run::rssIdle).toList()), list.get(0).ready()));
        });
        return out;
    }

    private static Duration median(List<Duration> ds) {
        List<Duration> sorted = ds.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long medianLong(List<Long> ls) {
        List<Long> sorted = ls.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2);
    }

    private ServiceProcess process(String service) {
        Map<String, String> env = new LinkedHashMap<>(piiKeys);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer.issuerUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(SERVICES.get(service)));
        Path jar = ProjectPaths.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(service, jar, Ports.free(), env, dir.resolve("logs").resolve(service + ".log"), jvm);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Map<String, String> orderedServices() {
        Map<String, String> m = new LinkedHashMap<>();
        for (LocalStack.Service s : LocalStack.SERVICES) {
            m.put(s.name(), s.database());
        }
        return m;
    }

    @Override
    public void close() {
        if (issuer != null) {
            issuer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Prints one table: per service ready time and RSS, alone and together. */
    public static String table(List<Sample> alone, List<Sample> together) {
        StringBuilder b = new StringBuilder(String.format("%-22s %12s %10s %10s %10s %14s %10s %10s%n", "service",
                "alone ready", "CPU", "RSS ready", "RSS idle", "together ready", "RSS ready", "RSS idle"));
        for (Sample a : alone) {
            Sample t = together.stream().filter(x -> x.service().equals(a.service())).findFirst().orElse(null);
            b.append(String.format("%-22s %10.2f s %8.2f s %6d MiB %6d MiB %12s %6s MiB %6s MiB   (first start alone %.2f s, together %s)%n",
                    a.service(), a.ready().toMillis() / 1000.0, a.cpuToReady().toMillis() / 1000.0, a.rssAtReadyMiB(), a.rssIdleMiB(),
                    t == null ? "-" : String.format("%.2f s", t.ready().toMillis() / 1000.0),
                    t == null ? "-" : Long.toString(t.rssAtReadyMiB()), t == null ? "-" : Long.toString(t.rssIdleMiB()),
                    a.firstReady().toMillis() / 1000.0,
                    t == null ? "-" : String.format("%.2f s", t.firstReady().toMillis() / 1000.0)));
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.kafka").setLevel(Level.SEVERE);
        int rounds = 3;
        boolean legacy = false;
        List<String> services = List.copyOf(SERVICES.keySet());
        String archive = null;
        boolean aloneOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--legacy" -> legacy = true;
                case "--alone-only" -> aloneOnly = true;
                case "--together-only" -> aloneOnly = false;
                case "--no-archive" -> archive = "none";
                case "--services" -> services = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use [--rounds N] [--legacy] [--no-archive] [--alone-only] [--services a,b]");
            }
        }
        ServiceJvm jvm = legacy ? ServiceJvm.legacy() : ServiceJvm.detect();
        if ("none".equals(archive)) {
            jvm = jvm.withArchive(ServiceJvm.Archive.NONE);
        }
        System.out.println("JVM: " + jvm);
        try (StartupProbe probe = new StartupProbe(ProjectPaths.root().resolve(System.getProperty("fupin.probe.dir", ".local/startup-probe")), jvm, services).start()) {
            List<Sample> alone = probe.alone(rounds);
            List<Sample> together = aloneOnly ? List.of() : probe.together(rounds);
            System.out.print(table(alone, together));
            System.out.println("median of rounds 2.." + rounds + " (round 1: fresh database, class archive recorded); logs in "
                    + probe.dir.resolve("logs"));
        }
    }
}
