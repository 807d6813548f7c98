package org.fupin.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one place that decides how a service's JVM runs: which {@code java}, which memory options, and which class archive
 * makes it start fast.
 * <ul>
 *   <li>Java: {@code FUPIN_SERVICE_JAVA_HOME} (or {@code -Dfupin.service.java-home}), else the newest JDK ≥ 25 found
 *       next to this one (e.g. {@code /usr/lib/jvm/temurin-25-*}), else this JVM (Java 17 keeps working).</li>
 *   <li>Archive, per service jar and JVM: on JDK 25+ the AOT cache (JEP 483/514, {@code -XX:AOTCache}); on older JDKs an
 *       AppCDS dynamic archive ({@code -XX:SharedArchiveFile}). None exists on a fresh clone: the first run records one
 *       ({@code -XX:AOTCacheOutput} / {@code -XX:ArchiveClassesAtExit}) into a temporary file that {@link #adoptArchive}
 *       renames into place after a clean exit. The file name carries a fingerprint of the jar folder, the JVM and the
 *       options, so a rebuilt jar or another JDK gets a new archive; a stale one is never used, and a JVM that still
 *       refuses an archive (both modes are "auto") just starts without it. {@code FUPIN_SERVICE_ARCHIVE=off} disables it.</li>
 *   <li>Further options: {@code FUPIN_SERVICE_JVM_OPTIONS} (space separated, appended).</li>
 *   <li>Memory: a small heap (SerialGC: two cores, small heaps), small thread stacks, a capped code cache and metaspace,
 *       and {@code MALLOC_ARENA_MAX=2} so glibc does not keep one 64 MB arena per thread.</li>
 * </ul>
 */
public final class ServiceJvm {

    /** Which class archive a JVM uses. */
    public enum Archive { AOT_CACHE, APP_CDS, NONE }

    private static final String ARCHIVE_DIR = "jvm-archive";

    private final Path javaHome;
    private final int feature;
    private final Archive archive;
    private final String maxHeap;
    private final List<String> extraOptions;
    private final boolean tuned;
    private final boolean record;

    private ServiceJvm(Path javaHome, int feature, Archive archive, String maxHeap, List<String> extraOptions, boolean tuned) {
        this(javaHome, feature, archive, maxHeap, extraOptions, tuned, true);
    }

    private ServiceJvm(Path javaHome, int feature, Archive archive, String maxHeap, List<String> extraOptions, boolean tuned,
                       boolean record) {
        this.javaHome = javaHome;
        this.feature = feature;
        this.archive = archive;
        this.maxHeap = maxHeap;
        this.extraOptions = List.copyOf(extraOptions);
        this.tuned = tuned;
        this.record = record;
    }

    /** The configured or detected JVM with its archive and the suite's memory options. */
    public static ServiceJvm detect() {
        Path home = configuredJavaHome().orElseGet(() -> newestJdkAtLeast(25).orElse(Path.of(System.getProperty("java.home"))));
        int feature = featureVersion(home);
        String mode = setting("FUPIN_SERVICE_ARCHIVE", "fupin.service.archive", "auto");
        Archive archive = "off".equalsIgnoreCase(mode) ? Archive.NONE : feature >= 25 ? Archive.AOT_CACHE : Archive.APP_CDS;
        String extra = setting("FUPIN_SERVICE_JVM_OPTIONS", "fupin.service.jvm-options", "").trim();
        return new ServiceJvm(home, feature, archive, "256m", extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")), true);
    }

    /** What the services ran with before this class: this JVM, no archive, {@code -Xmx384m -XX:+UseSerialGC}. */
    public static ServiceJvm legacy() {
        Path home = Path.of(System.getProperty("java.home"));
        return new ServiceJvm(home, featureVersion(home), Archive.NONE, "384m", List.of(), false);
    }

    /** The same JVM with another maximum heap (e.g. "384m"). */
    public ServiceJvm withMaxHeap(String heap) {
        return new ServiceJvm(javaHome, feature, archive, heap, extraOptions, tuned, record);
    }

    /**
     * The same JVM that uses an archive when one exists but never records one: for a process started once (a test),
     * where recording would only cost time at start and exit.
     */
    public ServiceJvm withoutRecording() {
        return new ServiceJvm(javaHome, feature, archive, maxHeap, extraOptions, tuned, false);
    }

    /** The same JVM with another archive choice (e.g. {@link Archive#NONE} to compare). */
    public ServiceJvm withArchive(Archive choice) {
        Archive a = choice == Archive.AOT_CACHE && feature < 25 ? Archive.APP_CDS : choice;
        return new ServiceJvm(javaHome, feature, a, maxHeap, extraOptions, tuned, record);
    }

    /** The same JVM with further options appended (they take part in the archive's fingerprint). */
    public ServiceJvm withOptions(List<String> options) {
        List<String> all = new ArrayList<>(extraOptions);
        all.addAll(options);
        return new ServiceJvm(javaHome, feature, archive, maxHeap, all, tuned, record);
    }

    public Path javaHome() {
        return javaHome;
    }

    public int featureVersion() {
        return feature;
    }

    public Archive archive() {
        return archive;
    }

    /** The JVM options without any archive option. */
    public List<String> memoryOptions() {
        List<String> o = new ArrayList<>();
        o.add("-Xmx" + maxHeap);
        o.add("-XX:+UseSerialGC");
        if (tuned) {
            // the default initial heap is 1/64 of the machine's memory: an eden that large is touched (RSS) before the
            // first collection; start small and let SerialGC grow and shrink it
            o.add("-Xms32m");
            o.add("-XX:MinHeapFreeRatio=10");
            o.add("-XX:MaxHeapFreeRatio=40");
            o.add("-Xss512k");
            o.add("-XX:ReservedCodeCacheSize=64m");
            o.add("-XX:MaxMetaspaceSize=192m");
            o.add("-XX:+ExitOnOutOfMemoryError");
        }
        o.addAll(extraOptions);
        return o;
    }

    /** Environment the JVM needs (added to the service's own). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (tuned) {
            env.put("MALLOC_ARENA_MAX", "2");
        }
        return env;
    }

    /** The archive this JVM would use for the jar, whether it exists yet or not; empty without an archive. */
    public Optional<Path> archiveFile(Path jar) {
        if (archive == Archive.NONE) {
            return Optional.empty();
        }
        String ext = archive == Archive.AOT_CACHE ? ".aot" : ".jsa";
        return Optional.of(jar.toAbsolutePath().getParent().resolve(ARCHIVE_DIR).resolve(
                "java" + feature + "-" + fingerprint(jar) + ext));
    }

    /**
     * A launch of the jar: the command, and where a first run records its archive (to be {@link #adoptArchive adopted}
     * after a clean exit).
     */
    public Launch launch(Path jar) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.addAll(memoryOptions());
        Path recording = null;
        Optional<Path> file = archiveFile(jar).filter(f -> record || isUsable(f));
        if (file.isPresent()) {
            Path f = file.get();
            boolean present = isUsable(f);
            if (!present) {
                try {
                    Files.createDirectories(f.getParent());
                    deleteOtherArchives(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                recording = f.resolveSibling(f.getFileName() + ".recording-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            }
            if (archive == Archive.AOT_CACHE) {
                // "auto": an unusable cache is reported in the log and the JVM starts without it
                cmd.add("-XX:AOTMode=auto");
                cmd.add(present ? "-XX:AOTCache=" + f : "-XX:AOTCacheOutput=" + recording);
                cmd.add("-Xlog:aot=error,cds=error,aot+codecache=off");
            } else {
                cmd.add("-Xshare:auto");
                cmd.add(present ? "-XX:SharedArchiveFile=" + f : "-XX:ArchiveClassesAtExit=" + recording);
                cmd.add("-Xlog:cds=error,cds+dynamic=error");
            }
        }
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        return new Launch(List.copyOf(cmd), recording, file.orElse(null));
    }

    /** One launch's command line and, on a first run, the file the JVM records its archive into at exit. */
    public record Launch(List<String> command, Path recording, Path archive) {
        public boolean records() {
            return recording != null;
        }
    }

    /**
     * After the process of a recording launch has exited: moves a complete recording into place (atomically, so a
     * concurrent start never reads half a file), or deletes what an interrupted one left.
     */
    public static void adoptArchive(Launch launch, boolean cleanExit) {
        if (launch == null || !launch.records()) {
            return;
        }
        try {
            Path rec = launch.recording();
            if (cleanExit && Files.isRegularFile(rec) && Files.size(rec) > 0) {
                Files.move(rec, launch.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            // the JVM's intermediate files (e.g. <recording>.config) and anything left by a killed run
            try (Stream<Path> s = Files.list(rec.getParent())) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith(rec.getFileName().toString())).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // no archive this time: the next start records again
        }
    }

    private static boolean isUsable(Path f) {
        try {
            return Files.isRegularFile(f) && Files.size(f) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Archives of an earlier build or JVM, and recordings older than an hour (a killed run), are of no more use. */
    private static void deleteOtherArchives(Path keep) throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (Stream<Path> s = Files.list(keep.getParent())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                boolean otherArchive = !n.contains(".recording-") && !p.equals(keep);
                boolean oldRecording = n.contains(".recording-") && Files.getLastModifiedTime(p).toMillis() < hourAgo;
                if (otherArchive || oldRecording) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Names, sizes and times of every file in the jar's folder, plus the JVM and its options. */
    private String fingerprint(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(javaHome.toString().getBytes(StandardCharsets.UTF_8));
            md.update(readRelease(javaHome).getBytes(StandardCharsets.UTF_8));
            md.update(String.join(" ", memoryOptions()).getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(Files::isRegularFile)
                        .filter(p -> !p.startsWith(dir.resolve(ARCHIVE_DIR)))
                        .sorted(Comparator.comparing(Path::toString)).toList()) {
                    md.update((dir.relativize(p) + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> configuredJavaHome() {
        String v = setting("FUPIN_SERVICE_JAVA_HOME", "fupin.service.java-home", "");
        if (v.isBlank()) {
            return Optional.empty();
        }
        Path home = Path.of(v);
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            throw new IllegalStateException("FUPIN_SERVICE_JAVA_HOME=" + v + " holds no bin/java");
        }
        return Optional.of(home);
    }

    /** The newest JDK of at least the version among this JVM's siblings and JAVA_HOME. */
    static Optional<Path> newestJdkAtLeast(int min) {
        List<Path> candidates = new ArrayList<>();
        Path self = Path.of(System.getProperty("java.home"));
        candidates.add(self);
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        for (Path dir : List.of(self.getParent() == null ? self : self.getParent(), Path.of("/usr/lib/jvm"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.forEach(candidates::add);
                } catch (IOException e) {
                    // unreadable: skip
                }
            }
        }
        return candidates.stream().distinct()
                .filter(h -> Files.isExecutable(h.resolve("bin").resolve("java")))
                .filter(h -> featureVersion(h) >= min)
                .max(Comparator.comparingInt((Path h) -> featureVersion(h)).thenComparing(Path::toString));
    }

    /** The feature version from the JDK's {@code release} file (JAVA_VERSION="25.0.3"), or 0. */
    static int featureVersion(Path home) {
        for (String line : readRelease(home).split("\n")) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
                String first = v.startsWith("1.") ? v.substring(2) : v;
                try {
                    return Integer.parseInt(first.split("[.+-]")[0]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return home.equals(Path.of(System.getProperty("java.home"))) ? Runtime.version().feature() : 0;
    }

    private static String readRelease(Path home) {
        try {
            return Files.readString(home.resolve("release"));
        } catch (IOException e) {
            return "";
        }
    }

    private static String setting(String env, String property, String fallback) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) {
            return p;
        }
        String e = System.getenv(env);
        return e == null || e.isBlank() ? fallback : e;
    }

    @Override
    public String toString() {
        return "java " + feature + " (" + javaHome + "), archive " + archive + ", " + String.join(" ", memoryOptions());
    }
}
