package org.fupin.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The chart deploy/helm/fupin-suite, rendered by Helm itself (helm-java bundles it), as parsed YAML documents. */
final class Chart {
    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final String TEST_VALUES = "values-test.yaml";
    static final String PRODUCTION_VALUES = "values-production.yaml";
    static final List<String> VALUES_FILES = List.of(TEST_VALUES, PRODUCTION_VALUES);

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Chart() {
    }

    static Path projectRoot() {
        String p = System.getProperty("fupin.project.root");
        Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("deploy/helm/fupin-suite"))) {
            throw new IllegalStateException("no deploy/helm/fupin-suite under " + root);
        }
        return root;
    }

    static Path chartDir() {
        return projectRoot().resolve("deploy/helm/fupin-suite");
    }

    /** The rendered objects for a values file of the chart (cached: rendering is the slow part). */
    static Rendered render(String valuesFile) {
        return CACHE.computeIfAbsent(valuesFile, f -> render(f, Map.of()));
    }

    static Rendered render(String valuesFile, Map<String, Object> sets) {
        var cmd = new Helm(chartDir()).template().withName("fupin").withNamespace("fupin")
                .withValuesFile(chartDir().resolve(valuesFile));
        sets.forEach(cmd::set);
        String manifests = cmd.call();
        if (sets.isEmpty()) {
            // for review: target/helm/<values file> holds what was checked
            try {
                Path out = Path.of("target/helm").resolve(valuesFile);
                Files.createDirectories(out.getParent());
                Files.writeString(out, manifests);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Rendered(parse(manifests));
    }

    static Map<String, Object> values(String valuesFile) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> defaults = YAML.readValue(chartDir().resolve("values.yaml").toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> file = YAML.readValue(chartDir().resolve(valuesFile).toFile(), Map.class);
            return merge(defaults, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        var out = new java.util.LinkedHashMap<>(base);
        over.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && out.get(k) instanceof Map<?, ?> b) {
                out.put(k, merge((Map<String, Object>) b, (Map<String, Object>) m));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    static List<ObjectNode> parse(String manifests) {
        try {
            List<ObjectNode> docs = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(manifests)) {
                var it = YAML.readValues(parser, JsonNode.class);
                while (it.hasNext()) {
                    JsonNode n = it.next();
                    if (n instanceof ObjectNode o && o.size() > 0) {
                        docs.add(o);
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Rendered(List<ObjectNode> objects) {
        List<ObjectNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).collect(Collectors.toList());
        }

        ObjectNode one(String kind, String name) {
            return objects.stream()
                    .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
        }

        <T> T typed(ObjectNode o, Class<T> type) {
            try {
                return YAML.treeToValue(o, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        <T> List<T> typed(String kind, Class<T> type) {
            return ofKind(kind).stream().map(o -> typed(o, type)).filter(Objects::nonNull).collect(Collectors.toList());
        }
    }
}
