package org.fupin.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak (the server distribution {@code org.keycloak:keycloak-quarkus-dist} from Maven Central) run as a
 * process for the local run ({@code ./fupin start --keycloak}) and the Keycloak end-to-end test, with the suite's realm
 * imported from the one realm file the Helm chart uses too ({@code deploy/helm/fupin-suite/files/realm.json}).
 * <ul>
 *   <li>Distribution: unpacked once into {@code .local/keycloak/dist/keycloak-<version>} and built once for this use
 *       ({@code kc.sh build --db=dev-file}), then every start is {@code kc.sh start --optimized}. The zip comes from the
 *       local Maven repository ({@code -Dfupin.keycloak.dist-zip} names another); when it is missing it is fetched
 *       with the project's own Maven wrapper.</li>
 *   <li>Java: Keycloak 26 needs Java 21+: {@code FUPIN_KEYCLOAK_JAVA_HOME}, else the newest JDK ≥ 21 found next to this
 *       one or under /usr/lib/jvm (e.g. Temurin 25). The suite itself stays on Java 17.</li>
 *   <li>Data: an H2 file database ({@code dev-file}) under the given data folder, local caches (no cluster),
 *       plain HTTP on 127.0.0.1 (the realm's {@code sslRequired: external} allows it for local addresses). The
 *       bootstrap administrator's password is generated on the first start and kept in the data folder.</li>
 * </ul>
 * Tokens are issued for {@code http://127.0.0.1:<port>/realms/fupin}: the services' {@code quarkus.oidc.auth-server-url}.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "fupin";
    /** The public client the local run and the tests log in through (password grant); never in the chart. */
    public static final String LOCAL_CLIENT = "fupin-local-cli";
    static final String ADMIN = "admin";

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Process process;
    private Duration startupTime;
    private Duration buildTime = Duration.ZERO;
    private String adminPassword;
    private Path javaHome;

    /**
     * @param dataDir where the database, the administrator's password and the log are kept
     * @param port    the HTTP port (0 = a free one)
     */
    public KeycloakServer(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port == 0 ? Ports.free() : port;
        this.log = this.dataDir.resolve("keycloak.log");
    }

    /** The Keycloak version of the root pom (property {@code keycloak-server.version}). */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("keycloak-server.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("keycloak-server.properties missing from embedded-infra", e);
        }
        return p.getProperty("version");
    }

    /** The realm file shared with the Helm chart. */
    public static Path sharedRealmFile() {
        return ProjectPaths.root().resolve("deploy/helm/fupin-suite/files/realm.json");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's issuer: {@code quarkus.oidc.auth-server-url} of the services. */
    public String issuerUrl() {
        return url() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public Path log() {
        return log;
    }

    /** The JDK Keycloak runs on (known after {@link #start}). */
    public Path java() {
        return javaHome;
    }

    /** Wall time from launching {@code kc.sh start} until the server answered (not counting a first build). */
    public Duration startupTime() {
        return startupTime;
    }

    /** Time spent unpacking and building the distribution in this start (zero when it was ready). */
    public Duration buildTime() {
        return buildTime;
    }

    /** Starts Keycloak (unpacking and building the distribution first if needed) and waits until it answers. */
    public synchronized KeycloakServer start(Duration timeout) {
        if (process != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            javaHome = javaHome();
            long b0 = System.nanoTime();
            Path home = distribution(javaHome);
            buildTime = Duration.ofNanos(System.nanoTime() - b0);
            adminPassword = adminPassword();
            List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname-strict=false",
                    "--cache=local", "--db-url=jdbc:h2:file:" + dataDir.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE",
                    "--log-level=info,org.keycloak.events:warn");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("JAVA_HOME", javaHome.toString());
            pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            long t0 = System.nanoTime();
            process = pb.start();
            awaitAnswering(timeout);
            startupTime = Duration.ofNanos(System.nanoTime() - t0);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswering(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI probe = URI.create(url() + "/realms/master/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            InfraIo.sleep(250);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + log);
    }

    /** Resident set size of Keycloak's JVM (the child of kc.sh) in MiB, from /proc (Linux), or -1. */
    public long rssMiB() {
        if (process == null) {
            return -1;
        }
        long kib = 0;
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        all.addAll(process.descendants().toList());
        for (ProcessHandle h : all) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone or not Linux
            }
        }
        return kib == 0 ? -1 : kib / 1024;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // realm and users, through the admin REST API

    /**
     * Imports the realm (the representation of {@code realmFile} with {@code localAdditions} applied) unless it exists.
     *
     * @param replace delete an existing realm first (tests: always the current realm file, no leftovers)
     * @return true if imported now
     */
    public boolean importRealm(Path realmFile, java.util.function.Consumer<ObjectNode> localAdditions, boolean replace) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
            if (!REALM.equals(realm.path("realm").asText())) {
                throw new IllegalArgumentException(realmFile + " is realm " + realm.path("realm") + ", not " + REALM);
            }
            localAdditions.accept(realm);
            String admin = adminToken();
            HttpResponse<String> existing = admin("GET", "/admin/realms/" + REALM, admin, null);
            if (existing.statusCode() == 200) {
                if (!replace) {
                    return false;
                }
                expect(admin("DELETE", "/admin/realms/" + REALM, admin, null), 204, "delete realm");
            }
            expect(admin("POST", "/admin/realms", admin, JSON.writeValueAsString(realm)), 201, "import realm " + realmFile);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The local additions to the shared realm: a public client for the password grant ({@value #LOCAL_CLIENT}, with the
     * suite's claims), the local dashboard's redirect URIs on the browser client {@code fupin-web}, and users with a region, a
     * unit and realm roles. Nothing of this is in the chart.
     */
    public static java.util.function.Consumer<ObjectNode> localAdditions(Collection<LocalUser> users) {
        return realm -> {
            ObjectNode cli = ((ArrayNode) realm.withArray("clients")).addObject();
            cli.put("clientId", LOCAL_CLIENT);
            cli.put("name", "Local run (password grant; never deployed)");
            cli.put("protocol", "openid-connect");
            cli.put("enabled", true);
            cli.put("publicClient", true);
            cli.put("standardFlowEnabled", false);
            cli.put("directAccessGrantsEnabled", true);
            cli.put("serviceAccountsEnabled", false);
            ArrayNode scopes = cli.putArray("defaultClientScopes");
            realm.path("defaultDefaultClientScopes").forEach(scopes::add);
            // the browser client signs in to the local dashboard (the chart sets its redirect URIs per installation)
            for (var c : realm.withArray("clients")) {
                if ("fupin-web".equals(c.path("clientId").asText())) {
                    ((ObjectNode) c).putArray("redirectUris").add("http://127.0.0.1:8085/dashboard/*")
                            .add("http://localhost:8085/dashboard/*");
                    ((ObjectNode) c).putArray("webOrigins").add("+");
                }
            }
            ArrayNode userArray = realm.withArray("users");
            for (LocalUser u : users) {
                ObjectNode n = userArray.addObject();
                n.put("username", u.username());
                n.put("enabled", true);
                n.put("email", u.username() + "@local.invalid");
                n.put("emailVerified", true);
                n.put("firstName", u.username());
                n.put("lastName", "local");
                ObjectNode attrs = n.putObject("attributes");
                attrs.putArray("region").add(u.region());
                if (u.unit() != null) {
                    attrs.putArray("unit").add(u.unit());
                }
                ArrayNode roles = n.putArray("realmRoles");
                u.roles().forEach(roles::add);
                ObjectNode cred = n.putArray("credentials").addObject();
                cred.put("type", "password");
                cred.put("value", u.password());
                cred.put("temporary", false);
            }
        };
    }

    /** A user of the local run or a test: a login with the region and unit claims and realm roles. */
    public record LocalUser(String username, String password, String region, String unit, List<String> roles) {
    }

    /** A client of the realm with exactly these default scopes (tests: a client whose tokens are for another audience). */
    public void createClient(String clientId, boolean directAccessGrants, List<String> defaultScopes) {
        try {
            ObjectNode c = JSON.createObjectNode();
            c.put("clientId", clientId);
            c.put("protocol", "openid-connect");
            c.put("enabled", true);
            c.put("publicClient", true);
            c.put("standardFlowEnabled", false);
            c.put("directAccessGrantsEnabled", directAccessGrants);
            ArrayNode scopes = c.putArray("defaultClientScopes");
            defaultScopes.forEach(scopes::add);
            expect(admin("POST", "/admin/realms/" + REALM + "/clients", adminToken(), JSON.writeValueAsString(c)), 201,
                    "create client " + clientId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An access token of the realm through the password grant (Keycloak's token endpoint, as any client would). */
    public String passwordGrant(String clientId, String username, String password) {
        HttpResponse<String> r = post(tokenUrl(), Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password, "scope", "openid"));
        expect(r, 200, "password grant for " + username);
        return field(r.body(), "access_token");
    }

    private String adminToken() {
        HttpResponse<String> r = post(url() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", ADMIN, "password", adminPassword));
        expect(r, 200, "administrator login");
        return field(r.body(), "access_token");
    }

    private HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> admin(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": Keycloak answered " + r.statusCode() + " " + r.body());
        }
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // distribution, Java, secrets

    /** {@code FUPIN_KEYCLOAK_JAVA_HOME}, else the newest JDK ≥ 21 on this machine. */
    static Path javaHome() {
        String configured = Optional.ofNullable(System.getenv("FUPIN_KEYCLOAK_JAVA_HOME"))
                .orElse(System.getProperty("fupin.keycloak.java-home", ""));
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        return ServiceJvm.newestJdkAtLeast(21).orElseThrow(() -> new IllegalStateException(
                "Keycloak " + version() + " needs Java 21 or newer and none was found next to " + System.getProperty("java.home")
                        + " or under /usr/lib/jvm; install one (e.g. apt-get install openjdk-21-jdk-headless, or Temurin 25)"
                        + " or set FUPIN_KEYCLOAK_JAVA_HOME"));
    }

    /** The unpacked and built distribution, shared by the local run and the tests of this checkout. */
    static Path distribution(Path javaHome) throws IOException {
        String version = version();
        Path base = ProjectPaths.root().resolve(".local/keycloak/dist");
        Path home = base.resolve("keycloak-" + version);
        Path built = home.resolve(".fupin-built");
        Files.createDirectories(base);
        try (FileChannel ch = FileChannel.open(base.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            if (Files.exists(built)) {
                return home;
            }
            InfraIo.deleteRecursively(home);
            Path zip = distributionZip(version);
            LOG.info(() -> "Unpacking " + zip + " into " + base);
            Path tmp = Files.createTempDirectory(base, "unpack-");
            unzip(zip, tmp);
            Files.move(tmp.resolve("keycloak-" + version), home, StandardCopyOption.ATOMIC_MOVE);
            InfraIo.deleteRecursively(tmp);
            LOG.info(() -> "Building Keycloak for the local run (kc.sh build --db=dev-file, once) ...");
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "build", "--db=dev-file")
                    .redirectErrorStream(true).redirectOutput(base.resolve("build.log").toFile()).directory(home.toFile());
            pb.environment().put("JAVA_HOME", javaHome.toString());
            Process p = pb.start();
            try {
                if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException("kc.sh build failed; see " + base.resolve("build.log"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Files.writeString(built, "kc.sh build --db=dev-file\n");
            return home;
        }
    }

    private static Path distributionZip(String version) throws IOException {
        String configured = System.getProperty("fupin.keycloak.dist-zip", "");
        if (!configured.isBlank() && Files.exists(Path.of(configured))) {
            return Path.of(configured);
        }
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        Path zip = Path.of(repo, "org/keycloak/keycloak-quarkus-dist", version, "keycloak-quarkus-dist-" + version + ".zip");
        if (Files.exists(zip)) {
            return zip;
        }
        // fetched like any other dependency: Maven Central through the project's wrapper
        Path root = ProjectPaths.root();
        LOG.info(() -> "Fetching org.keycloak:keycloak-quarkus-dist:" + version + ":zip with the Maven wrapper ...");
        Process p = new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "-q", "dependency:get",
                "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + version + ":zip", "-Dtransitive=false")
                .directory(root.toFile()).inheritIO().start();
        try {
            if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(zip)) {
                throw new IllegalStateException("could not fetch keycloak-quarkus-dist " + version + " into " + zip);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return zip;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (e.getName().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    /** The bootstrap administrator's password: generated once per data folder, readable by the owner only. */
    private String adminPassword() throws IOException {
        Path file = dataDir.resolve("admin-password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pw + "\n");
        return pw;
    }

    /** Graceful stop (SIGTERM to kc.sh, which passes it on), forced after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                Signals.killTree(process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Signals.killTree(process.pid());
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
