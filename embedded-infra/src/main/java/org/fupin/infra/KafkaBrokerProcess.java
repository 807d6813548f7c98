package org.fupin.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link KafkaBroker} in a child JVM ({@link KafkaBrokerMain}) that can be SIGKILLed, paused and restarted on the same
 * log folder and ports: what a broker crash looks like to the services. The child runs with this JVM's class path.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private final String classPath;
    private Process process;
    private boolean paused;

    public KafkaBrokerProcess(Path logDir, int port, int controllerPort, Path log) {
        this(logDir, port, controllerPort, log, System.getProperty("java.class.path"));
    }

    public KafkaBrokerProcess(Path logDir, int port, int controllerPort, Path log, String classPath) {
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log.toAbsolutePath();
        this.classPath = classPath;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the child and waits (at most 2 minutes) until the broker answers. */
    public synchronized KafkaBrokerProcess start() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-cp", classPath, KafkaBrokerMain.class.getName(),
                    logDir.toString(), Integer.toString(port), Integer.toString(controllerPort)));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start(); // stdin stays a pipe: the child exits when this JVM goes away
            paused = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kafka broker exited with " + process.exitValue() + "; see " + log);
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                InfraIo.sleep(250);
            }
        }
        throw new IllegalStateException("kafka did not become ready; see " + log, last);
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20000));
    }

    /** SIGKILL: no shutdown, no flush beyond what the broker already wrote. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        Signals.killTree(process.pid());
        waitFor(process, 30);
        process = null;
        paused = false;
    }

    public synchronized void pause() {
        if (isAlive() && Signals.send(process.pid(), "STOP")) {
            paused = true;
        }
    }

    public synchronized void resume() {
        if (process != null && paused) {
            Signals.send(process.pid(), "CONT");
            paused = false;
        }
    }

    /** Graceful stop (SIGTERM: the broker's controlled shutdown), forced after 60 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        resume();
        process.destroy();
        if (!waitFor(process, 60)) {
            Signals.killTree(process.pid());
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean waitFor(Process p, int seconds) {
        try {
            return p.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
