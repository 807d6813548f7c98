package org.fupin.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service run as a real process from its packaged jar ({@code target/quarkus-app/quarkus-run.jar}), configured
 * through environment variables as in production; used by the local run and the end-to-end tests.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final int port;
    /** The management interface (/q/metrics, /q/openapi, /q/swagger-ui): a free port unless the environment names one. */
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path log;
    /** Explicit options with this JVM's java, or null: then {@link #jvm} decides. */
    private final List<String> jvmOptions;
    private final ServiceJvm jvm;
    private ServiceJvm.Launch launch;
    private Process process;
    private boolean paused;
    private long startedNanos;
    private Duration startupTime;
    private Duration startupCpu;

    /** A service run by this JVM's java with exactly these options (no class archive). */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log, List<String> jvmOptions) {
        this(name, jar, port, environment, log, jvmOptions, null);
    }

    /** A service run as {@link ServiceJvm} decides (java, memory options, class archive). */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log, ServiceJvm jvm) {
        this(name, jar, port, environment, log, null, jvm);
    }

    /** A service run with the suite's JVM ({@link ServiceJvm#detect()}). */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log) {
        this(name, jar, port, environment, log, null, ServiceJvm.detect());
    }

    private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log,
                           List<String> jvmOptions, ServiceJvm jvm) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.managementPort = environment.containsKey("QUARKUS_MANAGEMENT_PORT")
                ? Integer.parseInt(environment.get("QUARKUS_MANAGEMENT_PORT")) : Ports.free();
        this.environment = environment;
        this.log = log.toAbsolutePath();
        this.jvmOptions = jvmOptions;
        this.jvm = jvm;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where metrics and the API documentation are served (not on the public port). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return log;
    }

    /** The process id, or -1 when not started. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGKILL (fault injection): no shutdown hooks, open transactions and HTTP requests cut off. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        Signals.killTree(process.pid());
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServiceJvm.adoptArchive(launch, false);
        launch = null;
        process = null;
        paused = false;
    }

    /** SIGSTOP (fault injection): the process freezes, its sockets stay open. */
    public synchronized void pause() {
        if (isAlive() && Signals.send(process.pid(), "STOP")) {
            paused = true;
        }
    }

    /** SIGCONT after {@link #pause()}. */
    public synchronized void resume() {
        if (process != null && paused) {
            Signals.send(process.pid(), "CONT");
            paused = false;
        }
    }

    public Duration startupTime() {
        return startupTime;
    }

    /**
     * CPU time (user + system) the process had used when it became ready: unlike {@link #startupTime()} barely
     * affected by other load on the machine, so start-up work can be compared on a busy box.
     */
    public Duration startupCpu() {
        return startupCpu;
    }

    /** CPU time (user + system) used by the process so far, from /proc (Linux), or null. */
    public Duration cpuTime() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public synchronized ServiceProcess start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first (./mvnw install -DskipTests)");
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> cmd = new ArrayList<>();
            if (jvm == null) {
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.addAll(jvmOptions);
                cmd.add("-jar");
                cmd.add(jar.toString());
                launch = null;
            } else {
                launch = jvm.launch(jar);
                cmd.addAll(launch.command());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (jvm != null) {
                pb.environment().putAll(jvm.environment());
            }
            pb.environment().putAll(environment);
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            startedNanos = System.nanoTime();
            startupTime = null;
            process = pb.start();
            paused = false;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    startupTime = Duration.ofNanos(System.nanoTime() - startedNanos);
                    startupCpu = cpuTime();
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            InfraIo.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /** Resident set size of the process in MiB, from /proc (Linux), or -1. */
    public long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Graceful stop (SIGTERM), forced after 20 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        resume();
        process.destroy();
        boolean clean = false;
        try {
            // a first run writes its class archive on the way out: give it time
            if (process.waitFor(launch != null && launch.records() ? 120 : 20, TimeUnit.SECONDS)) {
                clean = true;
            } else {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServiceJvm.adoptArchive(launch, clean);
        launch = null;
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

}
