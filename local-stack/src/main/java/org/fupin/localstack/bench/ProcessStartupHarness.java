package org.fupin.localstack.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.fupin.infra.ServiceJvm;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bench's minimal {@link StartupHarness}: {@code java <jvm options> -jar <service>/target/quarkus-app/quarkus-run.jar}
 * with the environment {@code ./fupin start} gives its services (the running stack's database of the service, Kafka,
 * OIDC issuer and this installation's personal-data keys), on free ports. A second reporting-service, project-service or
 * fund-service joins a consumer group of its own from the latest offset, so it does not consume the topic again; the
 * groups are listed in {@link #consumerGroups()} for deletion.
 */
final class ProcessStartupHarness implements StartupHarness {

    static final Map<String, String> DATABASES = Map.of("household-service", "household", "project-service", "project",
            "fund-service", "fund", "rectification-service", "rectification", "reporting-service", "reporting");

    /** Generous: five JVMs starting at once on a busy 2-core machine took 3 minutes. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    /** On the command line of every instance the bench starts. */
    static final String MARKER = "-Dfupin.bench.instance=true";

    private final BenchOptions options;
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    /** The incoming channels of each service (their application.properties), moved to a group of its own. */
    private static final Map<String, List<String>> CONSUMED_CHANNELS = Map.of(
            "reporting-service", List.of("household-events", "project-events", "fund-events", "rectification-events"),
            "project-service", List.of("household-events"),
            "fund-service", List.of("project-events"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ProcessStartupHarness(BenchOptions options) {
        this.options = options;
    }

    Set<String> consumerGroups() {
        return Set.copyOf(groups);
    }

    @Override
    public List<Instance> start(List<String> services) throws Exception {
        List<Started> started = new ArrayList<>();
        try {
            for (String s : services) {
                started.add(launch(s));
            }
            for (Started s : started) {
                s.awaitReady(READY_TIMEOUT);
            }
            return List.copyOf(started);
        } catch (Exception | Error e) {
            started.forEach(Started::close);
            throw e;
        }
    }

    private Started launch(String service) throws IOException {
        Path jar = options.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first");
        }
        int port = freePort();
        int management = freePort();
        List<String> cmd = new ArrayList<>();
        Map<String, String> jvmEnvironment = Map.of();
        if (options.jvmOptions().isEmpty()) {
            // as ./fupin start launches the services: same JVM, options and class archive (never recorded here)
            ServiceJvm jvm = ServiceJvm.detect().withMaxHeap("384m").withoutRecording();
            List<String> launch = jvm.launch(jar).command();
            cmd.addAll(launch.subList(0, launch.size() - 2)); // without "-jar <jar>"
            jvmEnvironment = jvm.environment();
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(options.jvmOptions());
        }
        cmd.add(MARKER); // tells these instances apart from the running stack's services
        List<String> channels = CONSUMED_CHANNELS.getOrDefault(service, List.of());
        if (!channels.isEmpty()) {
            String group = "fupin-bench-startup-" + UUID.randomUUID().toString().substring(0, 8);
            groups.add(group);
            for (String channel : channels) {
                cmd.add("-Dmp.messaging.incoming." + channel + ".group.id=" + group);
                cmd.add("-Dmp.messaging.incoming." + channel + ".auto.offset.reset=latest");
            }
        }
        cmd.add("-jar");
        cmd.add(jar.toString());
        Path log = options.root().resolve(".local/logs/bench-" + service + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putAll(jvmEnvironment);
        pb.environment().putAll(environment(service));
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        long t0 = System.nanoTime();
        Process p = pb.start();
        return new Started(service, p, port, t0, log);
    }

    private Map<String, String> environment(String service) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", options.kafka());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", options.oidcUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", options.jdbc(DATABASES.get(service)));
        Path keys = options.root().resolve(".local/data/pii-keys.properties"); // written by ./fupin start
        if (Files.exists(keys)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(keys)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(n -> env.put(n, p.getProperty(n)));
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** VmRSS of a process in MiB; -1 when it cannot be read. */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private final class Started implements Instance {
        private final String service;
        private final Process process;
        private final int port;
        private final long startedNanos;
        private final Path log;
        private Duration readyAfter;
        private long rss = -1;

        Started(String service, Process process, int port, long startedNanos, Path log) {
            this.service = service;
            this.process = process;
            this.port = port;
            this.startedNanos = startedNanos;
            this.log = log;
        }

        void awaitReady(Duration timeout) throws InterruptedException {
            long deadline = startedNanos + timeout.toNanos();
            URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(service + " exited with " + process.exitValue() + " while starting; see " + log);
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
                        rss = ProcessStartupHarness.rssMiB(process.pid());
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException(service + " not ready after " + timeout + "; see " + log);
        }

        @Override
        public String service() {
            return service;
        }

        @Override
        public Duration readyAfter() {
            return readyAfter;
        }

        @Override
        public long rssMiB() {
            return rss;
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
