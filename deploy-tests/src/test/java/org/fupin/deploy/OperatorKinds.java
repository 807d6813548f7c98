package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The kinds of CloudNativePG (postgresql.cnpg.io/v1) and the Keycloak operator (k8s.keycloak.org/v2alpha1) have no
 * typed model on Maven Central, and their CRDs are not published there either. They are checked against a minimal
 * schema written here from those CRDs: the fields the chart may use, with their types, and the required ones; any
 * other field fails. The realm inside a KeycloakRealmImport is parsed into Keycloak's own RealmRepresentation.
 */
final class OperatorKinds {
    private static final String S = "string", I = "integer", B = "boolean", ANY = "any";

    private static Map<String, Object> ref() {
        return Map.of("name", S, "key", S);
    }

    private static final Map<String, Object> METADATA = Map.of("name", S, "labels", Map.of("*", S),
            "annotations", Map.of("*", S));

    private static final Map<String, Map<String, Object>> SPECS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Map.of(
                    "instances", I, "imageName", S, "primaryUpdateStrategy", S,
                    "storage", Map.of("size", S, "storageClass", S),
                    "resources", Map.of("requests", Map.of("*", S), "limits", Map.of("*", S)),
                    "postgresql", Map.of("parameters", Map.of("*", S)),
                    "managed", Map.of("roles", List.of(Map.of("name", S, "ensure", S, "login", B,
                            "passwordSecret", Map.of("name", S)))),
                    "backup", Map.of("retentionPolicy", S, "barmanObjectStore", Map.of(
                            "destinationPath", S, "endpointURL", S,
                            "s3Credentials", Map.of("accessKeyId", ref(), "secretAccessKey", ref()),
                            "wal", Map.of("compression", S), "data", Map.of("compression", S)))),
            "postgresql.cnpg.io/v1/ScheduledBackup", Map.of(
                    "schedule", S, "backupOwnerReference", S, "method", S, "cluster", Map.of("name", S)),
            "postgresql.cnpg.io/v1/Database", Map.of(
                    "name", S, "owner", S, "ensure", S, "databaseReclaimPolicy", S, "cluster", Map.of("name", S)),
            "k8s.keycloak.org/v2alpha1/Keycloak", Map.of(
                    "instances", I,
                    "db", Map.of("vendor", S, "host", S, "port", I, "database", S, "usernameSecret", ref(),
                            "passwordSecret", ref()),
                    "http", Map.of("tlsSecret", S), "hostname", Map.of("hostname", S),
                    "proxy", Map.of("headers", S)),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", Map.of("keycloakCRName", S, "realm", ANY));

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "postgresql.cnpg.io/v1/Cluster", List.of("instances", "storage"),
            "postgresql.cnpg.io/v1/ScheduledBackup", List.of("schedule", "cluster"),
            "postgresql.cnpg.io/v1/Database", List.of("name", "owner", "cluster"),
            "k8s.keycloak.org/v2alpha1/Keycloak", List.of("db", "hostname"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", List.of("keycloakCRName", "realm"));

    private OperatorKinds() {
    }

    static List<String> check(ObjectNode o) {
        String key = StrictModels.key(o);
        List<String> problems = new ArrayList<>();
        Map<String, Object> spec = SPECS.get(key);
        if (spec == null) {
            problems.add("a kind the tests do not know (add a model or a schema for it)");
            return problems;
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("apiVersion", "kind", "metadata", "spec").contains(f)) {
                problems.add("unknown field " + f);
            }
        }
        check(o.path("metadata"), METADATA, "metadata", problems);
        check(o.path("spec"), spec, "spec", problems);
        for (String r : REQUIRED.get(key)) {
            if (o.path("spec").path(r).isMissingNode()) {
                problems.add("missing spec." + r);
            }
        }
        if (key.endsWith("/KeycloakRealmImport")) {
            problems.addAll(realmProblems(o.path("spec").path("realm")));
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void check(JsonNode n, Object schema, String path, List<String> problems) {
        if (schema.equals(ANY)) {
            return;
        }
        if (schema instanceof String t) {
            boolean ok = switch (t) {
                case S -> n.isTextual();
                case I -> n.isIntegralNumber();
                case B -> n.isBoolean();
                default -> false;
            };
            if (!ok) {
                problems.add(path + ": expected " + t + ", got " + n.getNodeType());
            }
            return;
        }
        if (schema instanceof List<?> l) {
            if (!n.isArray()) {
                problems.add(path + ": expected an array");
                return;
            }
            for (int i = 0; i < n.size(); i++) {
                check(n.get(i), l.get(0), path + "[" + i + "]", problems);
            }
            return;
        }
        Map<String, Object> fields = (Map<String, Object>) schema;
        if (!n.isObject()) {
            problems.add(path + ": expected an object");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            Object fs = fields.containsKey(e.getKey()) ? fields.get(e.getKey()) : fields.get("*");
            if (fs == null) {
                problems.add(path + ": unknown field " + e.getKey());
            } else {
                check(e.getValue(), fs, path + "." + e.getKey(), problems);
            }
        }
    }

    /** The realm, parsed into Keycloak's representation; every field must survive the round trip (known to it). */
    static List<String> realmProblems(JsonNode realm) {
        List<String> problems = new ArrayList<>();
        try {
            RealmRepresentation rep = Chart.JSON.treeToValue(realm, RealmRepresentation.class);
            JsonNode back = Chart.JSON.valueToTree(rep);
            lost(realm, back, "realm", problems);
        } catch (Exception e) {
            problems.add("realm: " + e.getMessage());
        }
        return problems;
    }

    private static void lost(JsonNode in, JsonNode out, String path, List<String> problems) {
        if (in.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                JsonNode o = out == null ? null : out.get(e.getKey());
                if (o == null || o.isNull()) {
                    problems.add(path + ": unknown field " + e.getKey());
                } else {
                    lost(e.getValue(), o, path + "." + e.getKey(), problems);
                }
            }
        } else if (in.isArray() && out != null && out.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                lost(in.get(i), out.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
