package org.fupin.deploy;

import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.Topics;
import org.fupin.platform.security.Roles;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the code says: the lists the chart must agree with (no copy that can drift). */
final class CodeFacts {
    private CodeFacts() {
    }

    static Set<String> constants(Class<?> holder) {
        return Arrays.stream(holder.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(CodeFacts::value).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> topics() {
        return constants(Topics.class);
    }

    static Set<String> roles() {
        return constants(Roles.class);
    }

    /**
     * Every role a {@code @RolesAllowed} of the main code names, resolved from {@code Roles.X}, a constant of the same
     * file, or a literal. Fails on a value it cannot resolve, so a new style of naming roles is noticed.
     */
    static Set<String> rolesAllowed() {
        Set<String> roles = new TreeSet<>();
        Pattern annotation = Pattern.compile("@RolesAllowed\\(\\{?([^)}]*)\\}?\\)");
        Map<String, String> rolesByField = new java.util.HashMap<>();
        for (Field f : Roles.class.getFields()) {
            rolesByField.put(f.getName(), value(f));
        }
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Chart.projectRoot())) {
            for (Path module : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(module)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
            for (Path f : sources) {
                String src = Files.readString(f);
                Matcher m = annotation.matcher(src);
                while (m.find()) {
                    for (String item : m.group(1).split(",")) {
                        String v = item.trim();
                        if (v.isEmpty()) {
                            continue;
                        }
                        String role;
                        if (v.startsWith("\"")) {
                            role = v.substring(1, v.length() - 1);
                        } else if (v.startsWith("Roles.") && rolesByField.containsKey(v.substring(6))) {
                            role = rolesByField.get(v.substring(6));
                        } else {
                            Matcher c = Pattern.compile("static\\s+final\\s+String\\s+" + Pattern.quote(v)
                                    + "\\s*=\\s*\"([^\"]+)\"").matcher(src);
                            if (c.find()) {
                                role = c.group(1);
                            } else if (rolesByField.containsKey(v)) {
                                role = rolesByField.get(v); // import static ...Roles.*
                            } else {
                                throw new IllegalStateException("cannot resolve role " + v + " in " + f);
                            }
                        }
                        roles.add(role);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException("no @RolesAllowed found");
        }
        return roles;
    }

    /** The root pom's modules that are services (…-service). */
    static Set<String> services() {
        try {
            String pom = Files.readString(Chart.projectRoot().resolve("pom.xml"));
            Matcher m = Pattern.compile("<module>([a-z-]+-service)</module>").matcher(pom);
            Set<String> out = new TreeSet<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Properties platformDefaults() {
        return properties(Chart.projectRoot().resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
    }

    /** A service's Kafka use, read from its application.properties and the event contracts. */
    record Messaging(Set<String> produces, Set<String> consumes, Set<String> deadLetters, Set<String> groups,
                     Set<String> declared) {
    }

    static Messaging messaging(String service) {
        Properties p = properties(Chart.projectRoot().resolve(service + "/src/main/resources/application.properties"));
        Set<String> consumes = new TreeSet<>(), dlqs = new TreeSet<>(), groups = new TreeSet<>(), declared = new TreeSet<>();
        Pattern declaredTopic = Pattern.compile("fupin\\.kafka\\.topics\\.\"([^\"]+)\"\\..*");
        for (String k : p.stringPropertyNames()) {
            String v = p.getProperty(k).trim();
            if (k.startsWith("mp.messaging.incoming.")) {
                if (k.endsWith(".dead-letter-queue.topic")) {
                    dlqs.add(v);
                } else if (k.endsWith(".topic")) {
                    consumes.addAll(Arrays.asList(v.split("\\s*,\\s*")));
                } else if (k.endsWith(".group.id")) {
                    groups.add(v);
                }
            }
            Matcher m = declaredTopic.matcher(k);
            if (m.matches()) {
                declared.add(m.group(1));
            }
        }
        // produced: the topics of the events in the service's own contract package (org.fupin.contracts.<short>),
        // plus any topic it declares that it neither consumes nor dead-letters into
        String shortName = service.replaceFirst("-service$", "");
        Set<String> produces = new TreeSet<>();
        for (Class<?> c : EventCatalog.ALL) {
            if (c.getPackageName().equals("org.fupin.contracts." + shortName)) {
                produces.add(EventCatalog.typeOf(c).topic());
            }
        }
        Set<String> rest = new HashSet<>(declared);
        rest.removeAll(consumes);
        rest.removeAll(dlqs);
        produces.addAll(rest);
        return new Messaging(produces, consumes, dlqs, groups, declared);
    }

    /** Prometheus names of the meters the platform registers (Micrometer names, dots to underscores). */
    static Set<String> platformMeters() {
        Pattern literal = Pattern.compile("\"(fupin\\.[a-z0-9.\\-]+)\"");
        try (Stream<Path> files = Files.walk(Chart.projectRoot().resolve("platform/src/main/java"))) {
            Set<String> out = new TreeSet<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1).replace('.', '_').replace('-', '_'));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
