package org.fupin.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project keeps what the embedded servers write: under the project's own folders, never scattered in /tmp. */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /** The project root: {@code -Dfupin.project.root}, else the nearest folder upwards holding {@code mvnw}. */
    public static Path root() {
        String configured = System.getProperty("fupin.project.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return dir;
    }

    /** Unpacked PostgreSQL binaries, shared by tests and the local run. */
    public static Path postgresBinaries() {
        return root().resolve(".local/postgres-bin");
    }
}
