package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates the AsyncAPI 3 document of every topic of the suite, shipped with the chart at
 * {@code deploy/helm/fupin-suite/docs/asyncapi.yaml} together with copies of event-contracts' JSON Schemas under
 * {@code docs/schemas/}. Everything comes from the code's own lists: topics ({@link Topics}), event types and their
 * topics and aggregates ({@link EventCatalog}), the CloudEvents headers ({@link CloudEventHeaders}, as the platform's
 * outbox relay sets them), the services' consumed topics, consumer groups and dead-letter topics (their
 * application.properties, {@link CodeFacts#messaging}), and partitions/replication from the production values file.
 * {@code AsyncApiTest} fails when the shipped files differ from what this generates; regenerate with
 * {@value #REGENERATE}.
 */
final class AsyncApi {
    static final String REGENERATE = "./mvnw -B -o -q -pl deploy-tests -am verify -Dtest=AsyncApiTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dfupin.asyncapi.write=true";
    static final String KAFKA_BINDING = "0.5.0";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    /** Descriptions of the headers the outbox relay sets, by CloudEventHeaders field; a new field must be added here. */
    private static final Map<String, String[]> HEADERS = new LinkedHashMap<>();

    static {
        // field -> {description, JSON Schema format or pattern ("^…"), required}
        HEADERS.put("SPEC_VERSION", new String[]{"CloudEvents spec version, always " + CloudEventHeaders.SPEC_VERSION_VALUE, null, "y"});
        HEADERS.put("ID", new String[]{"Event id (UUID), unique per event. Consumers deduplicate by it: a redelivered or replayed"
                + " event has the same id.", "uuid", "y"});
        HEADERS.put("SOURCE", new String[]{"The producing service, /fupin/<service> (e.g. /fupin/household-service).", null, "y"});
        HEADERS.put("TYPE", new String[]{"The event type, versioned (e.g. household.registered.v1); the payload's JSON Schema is"
                + " schemas/<type>.json.", null, "y"});
        HEADERS.put("SUBJECT", new String[]{"The aggregate id; equal to the record key.", null, "y"});
        HEADERS.put("TIME", new String[]{"When the change was recorded (processing time, UTC). Business dates are in the payload.",
                "date-time", "y"});
        HEADERS.put("CONTENT_TYPE", new String[]{"Content type of the record value, always " + CloudEventHeaders.JSON + ".", null, "y"});
        HEADERS.put("REGION_CODE", new String[]{"Extension: the region code (统计用区划代码, 12 digits) of the aggregate; filter on it"
                + " without parsing the payload. Absent when the aggregate has no region.", "^[0-9]{2,12}$", null});
        HEADERS.put("AGGREGATE_VERSION", new String[]{"Extension: the aggregate's version after the change (decimal). Within one"
                + " aggregate (one key, one partition) versions grow; ignore an event whose version is not newer than the one"
                + " you hold.", "^[0-9]+$", "y"});
        HEADERS.put("AGGREGATE_TYPE", new String[]{"Extension: the aggregate type ("
                + String.join(", ", EventCatalog.ALL.stream().map(c -> EventCatalog.typeOf(c).aggregate()).distinct().toList())
                + ").", null, "y"});
    }

    /** What the record key is, per aggregate type where it is not simply "the <aggregate> id". */
    private static final Map<String, String> KEYS = Map.of(
            "fund", "the project id: the aggregate is a project's fund ledger, so one project's money events stay in order",
            "rectification-issue", "the rectification issue's id");

    static String key(String aggregate) {
        return KEYS.getOrDefault(aggregate, "the " + aggregate + " id");
    }

    /** Constants of CloudEventHeaders that are header values, not header names. */
    private static final Set<String> HEADER_VALUES = Set.of("SPEC_VERSION_VALUE", "JSON");

    /**
     * The headers BatchInbox adds to a dead letter (besides the original record's own headers). Checked against the
     * platform's source by AsyncApiTest.
     */
    static final Map<String, String> DEAD_LETTER_HEADERS = new LinkedHashMap<>();

    static {
        DEAD_LETTER_HEADERS.put("dead-letter-reason", "Why the consumer gave up on the event (a contract violation, or the last failure"
                + " after its attempts).");
        DEAD_LETTER_HEADERS.put("dead-letter-exception-class-name", "Class of the exception that sent it here.");
        DEAD_LETTER_HEADERS.put("dead-letter-cause", "Message of the underlying cause, when there is one.");
        DEAD_LETTER_HEADERS.put("dead-letter-cause-class-name", "Class of the underlying cause, when there is one.");
        DEAD_LETTER_HEADERS.put("dead-letter-topic", "The topic the event was read from.");
        DEAD_LETTER_HEADERS.put("dead-letter-partition", "Its partition there.");
        DEAD_LETTER_HEADERS.put("dead-letter-offset", "Its offset there.");
    }

    private static final Set<String> DEAD_LETTER_REQUIRED = Set.of("dead-letter-reason", "dead-letter-exception-class-name",
            "dead-letter-topic", "dead-letter-partition", "dead-letter-offset");

    private AsyncApi() {
    }

    static Path document() {
        return Chart.chartDir().resolve("docs/asyncapi.yaml");
    }

    static Path schemaDir() {
        return Chart.chartDir().resolve("docs/schemas");
    }

    /** A dead-letter topic: the consumer that writes it and the topic its events come from. */
    record DeadLetter(String topic, String service, String source) {
    }

    /** Every dead-letter topic of every service, by its name (from the services' channel configuration). */
    static Map<String, DeadLetter> deadLetters() {
        Map<String, DeadLetter> out = new TreeMap<>();
        for (String s : CodeFacts.services()) {
            String shortName = s.replaceFirst("-service$", "");
            for (String dlq : CodeFacts.messaging(s).deadLetters()) {
                String source = dlq.endsWith("." + shortName + ".dlq")
                        ? dlq.substring(0, dlq.length() - shortName.length() - 5) : null;
                if (source == null || !CodeFacts.topics().contains(source)) {
                    throw new IllegalStateException(s + ": dead-letter topic " + dlq + " is not <topic>." + shortName + ".dlq");
                }
                out.put(dlq, new DeadLetter(dlq, s, source));
            }
        }
        return out;
    }

    /** Event types by topic, in EventCatalog order. */
    static Map<String, List<EventType>> typesByTopic() {
        Map<String, List<EventType>> out = new TreeMap<>();
        for (Class<?> c : EventCatalog.ALL) {
            EventType t = EventCatalog.typeOf(c);
            out.computeIfAbsent(t.topic(), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** The JSON Schemas shipped beside the document: file name -> content (event-contracts' resources as they are). */
    static Map<String, String> schemas() {
        Map<String, String> out = new TreeMap<>();
        for (Class<?> c : EventCatalog.ALL) {
            String type = EventCatalog.typeOf(c).value();
            try (InputStream in = EventCatalog.class.getResourceAsStream(EventCatalog.schemaResource(type))) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for " + type);
                }
                out.put(type + ".json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The document as YAML text. */
    static String generate() {
        try {
            return "# AsyncAPI 3 document of every topic of the 扶贫 suite. GENERATED by deploy-tests (AsyncApi.java) from the\n"
                    + "# code: do not edit. AsyncApiTest fails when it is out of date; regenerate with\n"
                    + "#   " + REGENERATE + "\n"
                    + "# Payload schemas: schemas/<type>.json beside this file (copies of event-contracts' JSON Schemas).\n"
                    + YAML.writeValueAsString(tree());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree() {
        Map<String, Object> values = Chart.values(Chart.PRODUCTION_VALUES);
        @SuppressWarnings("unchecked")
        Map<String, Object> kafka = (Map<String, Object>) values.get("kafka");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> topicValues = (Map<String, Map<String, Object>>) kafka.get("topics");
        int replicas = ((Number) kafka.get("replicationFactor")).intValue();
        int minIsr = ((Number) kafka.get("minInsyncReplicas")).intValue();
        int dlqPartitions = ((Number) kafka.get("deadLetterPartitions")).intValue();
        String bootstrap = kafka.get("clusterName") + "-kafka-bootstrap:9093";

        Map<String, List<EventType>> byTopic = typesByTopic();
        Map<String, DeadLetter> dlqs = deadLetters();
        Set<String> topics = CodeFacts.topics();
        for (String t : byTopic.keySet()) {
            if (!topics.contains(t)) {
                throw new IllegalStateException("event topic " + t + " is not in Topics");
            }
        }

        ObjectNode doc = F.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "扶贫 suite events (fupin-suite)");
        info.put("version", appVersion());
        info.put("description", String.join("\n",
                "Every Kafka topic of the suite: one topic per aggregate type, versioned in its name, and one dead-letter topic",
                "per consumer and consumed topic. Records follow the CloudEvents 1.0 Kafka protocol binding in binary mode: the",
                "CloudEvents attributes travel as `ce_*` headers (UTF-8 strings), the record value is the event's JSON (UTF-8),",
                "the record key is the aggregate id. All events of one aggregate share a key, hence a partition, and arrive in",
                "order; across aggregates there is no order.",
                "",
                "Delivery is at least once (transactional outbox): deduplicate by `ce_id`, and ignore an event whose",
                "`ce_aggregateversion` is not newer than the one you hold for that `ce_subject`. Topics keep every event",
                "(`retention.ms` -1, no compaction), so a new subscriber can start from offset 0 and see the whole history.",
                "Unknown fields never appear within a version (the schemas forbid them); an incompatible change gets a new",
                "type (`….v2`) and, if needed, a new topic.",
                "",
                "Events carry no personal data: household members appear only as pseudonymous person ids (a keyed hash of",
                "the resident ID number)."));
        doc.put("defaultContentType", CloudEventHeaders.JSON);

        ObjectNode servers = doc.putObject("servers");
        ObjectNode server = servers.putObject("cluster");
        server.put("host", bootstrap);
        server.put("protocol", "kafka-secure");
        server.put("title", "The chart's Strimzi Kafka cluster (TLS listener)");
        server.put("description", String.join("\n",
                "Inside the cluster, in the release's namespace (Service `" + bootstrap.replace(":9093", "") + "`). TLS with the",
                "cluster CA (Secret `" + kafka.get("clusterName") + "-cluster-ca-cert`, key `ca.crt`) and SASL SCRAM-SHA-512 with a",
                "KafkaUser's credentials (Secret named after the user, keys `password` and `sasl.jaas.config`). Other",
                "government systems get a read-only user from the chart's `kafka.subscribers`. With `kafka.mode=external`",
                "the address and credentials are those of your own cluster."));
        server.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scramSha512");
        @SuppressWarnings("unchecked")
        Map<String, Object> external = (Map<String, Object>) kafka.get("externalListener");
        ObjectNode outside = servers.putObject("external");
        outside.put("host", "{bootstrap}");
        outside.put("protocol", "kafka-secure");
        outside.put("title", "The external listener, for subscribers outside the cluster");
        outside.put("description", "Enabled with the chart's `kafka.externalListener` (a Strimzi loadbalancer, nodeport or ingress"
                + " listener); the same TLS and SCRAM-SHA-512 credentials as on the cluster server.");
        outside.putObject("variables").putObject("bootstrap").put("description",
                "host:port of the listener's bootstrap (port " + external.get("port") + " for a loadbalancer; `kubectl get kafka " + kafka.get("clusterName")
                        + " -o jsonpath='{.status.listeners[?(@.name==\"external\")].bootstrapServers}'`).");
        outside.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scramSha512");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = F.objectNode();
        for (String topic : topics) {
            List<EventType> types = byTopic.getOrDefault(topic, List.of());
            if (types.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no event type in EventCatalog");
            }
            String aggregate = types.get(0).aggregate();
            Map<String, Object> tv = topicValues.get(topic);
            if (tv == null) {
                throw new IllegalStateException("topic " + topic + " is not in the chart's kafka.topics");
            }
            ObjectNode ch = channels.putObject(topic);
            ch.put("address", topic);
            ch.put("title", "Events of the " + aggregate + " aggregate");
            ch.put("description", "Every change of a " + aggregate + " aggregate, in order per key (the record key is "
                    + key(aggregate) + "). Produced by " + String.join(", ", producers(topic)) + "; consumed by "
                    + String.join(", ", consumers(topic)) + ".");
            ObjectNode msgs = ch.putObject("messages");
            for (EventType t : types) {
                msgs.putObject(t.value()).put("$ref", "#/components/messages/" + t.value());
            }
            ch.set("bindings", channelBinding(topic, ((Number) tv.get("partitions")).intValue(), replicas, minIsr));
        }
        for (DeadLetter d : dlqs.values()) {
            ObjectNode ch = channels.putObject(d.topic());
            ch.put("address", d.topic());
            ch.put("title", "Dead letters of " + d.service() + " from " + d.source());
            ch.put("description", "Events of " + d.source() + " that " + d.service() + " could not apply (a contract violation at"
                    + " once, an unexpected failure after its attempts): the original key, value and headers, plus the"
                    + " dead-letter-* headers. Replay by publishing them again to " + d.source() + " (see deploy/README.md).");
            ObjectNode msgs = ch.putObject("messages");
            for (EventType t : byTopic.get(d.source())) {
                msgs.putObject(t.value()).put("$ref", "#/components/messages/" + t.value() + ".dead-letter");
            }
            ch.set("bindings", channelBinding(d.topic(), dlqPartitions, replicas, minIsr));
        }
        doc.set("channels", channels);

        for (String s : CodeFacts.services()) {
            CodeFacts.Messaging m = CodeFacts.messaging(s);
            for (String topic : m.produces()) {
                if (!topics.contains(topic)) {
                    continue;
                }
                ObjectNode op = operations.putObject(s + ".send." + topic);
                op.put("action", "send");
                op.putObject("channel").put("$ref", "#/channels/" + topic);
                op.put("summary", s + " publishes the " + topic.split("\\.")[1] + " events, from its transactional outbox.");
            }
            for (String topic : m.consumes()) {
                ObjectNode op = operations.putObject(s + ".receive." + topic);
                op.put("action", "receive");
                op.putObject("channel").put("$ref", "#/channels/" + topic);
                op.put("summary", s + " consumes " + topic + " (consumer group " + String.join(", ", m.groups()) + ").");
                op.set("bindings", groupBinding(F.objectNode().put("type", "string").put("const", group(m))));
            }
            for (DeadLetter d : dlqs.values()) {
                if (d.service().equals(s)) {
                    ObjectNode op = operations.putObject(s + ".send." + d.topic());
                    op.put("action", "send");
                    op.putObject("channel").put("$ref", "#/channels/" + d.topic());
                    op.put("summary", s + " sends the events of " + d.source() + " it cannot apply here.");
                }
            }
        }
        for (String topic : topics) {
            ObjectNode op = operations.putObject("subscriber.receive." + topic);
            op.put("action", "receive");
            op.putObject("channel").put("$ref", "#/channels/" + topic);
            op.put("summary", "Another government system reads " + topic + " with a read-only KafkaUser of the chart's"
                    + " kafka.subscribers (Read/Describe on the topics listed for it).");
            op.set("bindings", groupBinding(F.objectNode().put("type", "string")
                    .put("description", "any group whose name starts with the subscriber's user name (prefix ACL)")));
        }
        doc.set("operations", operations);

        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventHeaders", cloudEventHeaders());
        schemas.set("DeadLetterHeaders", deadLetterHeaders());
        ObjectNode messages = components.putObject("messages");
        for (Class<?> c : EventCatalog.ALL) {
            EventType t = EventCatalog.typeOf(c);
            messages.set(t.value(), message(t, c, false));
        }
        for (Class<?> c : EventCatalog.ALL) {
            EventType t = EventCatalog.typeOf(c);
            if (dlqs.values().stream().anyMatch(d -> d.source().equals(t.topic()))) {
                messages.set(t.value() + ".dead-letter", message(t, c, true));
            }
        }
        ObjectNode scram = components.putObject("securitySchemes").putObject("scramSha512");
        scram.put("type", "scramSha512");
        scram.put("description", "SASL/SCRAM-SHA-512 over TLS with the credentials Strimzi writes for a KafkaUser.");
        return doc;
    }

    private static String group(CodeFacts.Messaging m) {
        if (m.groups().size() != 1) {
            throw new IllegalStateException("expected one consumer group, got " + m.groups());
        }
        return m.groups().iterator().next();
    }

    private static List<String> producers(String topic) {
        return CodeFacts.services().stream().filter(s -> CodeFacts.messaging(s).produces().contains(topic)).toList();
    }

    private static List<String> consumers(String topic) {
        List<String> out = new ArrayList<>(CodeFacts.services().stream()
                .filter(s -> CodeFacts.messaging(s).consumes().contains(topic)).toList());
        out.add("external subscribers");
        return out;
    }

    private static ObjectNode channelBinding(String topic, int partitions, int replicas, int minIsr) {
        ObjectNode b = F.objectNode();
        ObjectNode k = b.putObject("kafka");
        k.put("topic", topic);
        k.put("partitions", partitions);
        k.put("replicas", replicas);
        ObjectNode cfg = k.putObject("topicConfiguration");
        cfg.putArray("cleanup.policy").add("delete");
        cfg.put("retention.ms", -1);
        cfg.put("retention.bytes", -1);
        cfg.put("min.insync.replicas", minIsr);
        k.put("bindingVersion", KAFKA_BINDING);
        return b;
    }

    private static ObjectNode groupBinding(ObjectNode groupSchema) {
        ObjectNode b = F.objectNode();
        ObjectNode k = b.putObject("kafka");
        k.set("groupId", groupSchema);
        k.put("bindingVersion", KAFKA_BINDING);
        return b;
    }

    private static ObjectNode message(EventType t, Class<?> c, boolean deadLetter) {
        ObjectNode msg = F.objectNode();
        msg.put("name", t.value());
        msg.put("title", c.getSimpleName() + (deadLetter ? " (dead letter)" : ""));
        String description = schemaDescription(t.value());
        if (deadLetter) {
            msg.put("summary", "A " + t.value() + " record that a consumer gave up on, as it was received (a poison record"
                    + " may not match the schema), with the dead-letter-* headers added.");
        } else if (description != null) {
            msg.put("summary", description);
        }
        msg.put("contentType", CloudEventHeaders.JSON);
        ObjectNode headers = msg.putObject("headers");
        ArrayNode all = headers.putArray("allOf");
        all.addObject().put("$ref", "#/components/schemas/CloudEventHeaders");
        ObjectNode fixed = all.addObject();
        fixed.put("type", "object");
        ObjectNode props = fixed.putObject("properties");
        props.putObject(CloudEventHeaders.TYPE).put("const", t.value());
        props.putObject(CloudEventHeaders.AGGREGATE_TYPE).put("const", t.aggregate());
        if (deadLetter) {
            all.addObject().put("$ref", "#/components/schemas/DeadLetterHeaders");
        }
        msg.putObject("payload").put("$ref", "schemas/" + t.value() + ".json");
        ObjectNode k = msg.putObject("bindings").putObject("kafka");
        k.putObject("key").put("type", "string").put("description", "The record key: " + key(t.aggregate()) + " (the same as ce_subject).");
        k.put("bindingVersion", KAFKA_BINDING);
        return msg;
    }

    private static String schemaDescription(String type) {
        try (InputStream in = EventCatalog.class.getResourceAsStream(EventCatalog.schemaResource(type))) {
            JsonNode s = new ObjectMapper().readTree(in);
            return s.hasNonNull("description") ? s.get("description").asText() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers of {@link CloudEventHeaders}; fails on a header constant that has no description here. */
    static ObjectNode cloudEventHeaders() {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        s.put("description", "The CloudEvents attributes (binary mode) that the outbox relay sets on every record, as UTF-8"
                + " strings.");
        ArrayNode required = F.arrayNode();
        ObjectNode props = F.objectNode();
        for (Field f : CloudEventHeaders.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class || HEADER_VALUES.contains(f.getName())) {
                continue;
            }
            String[] d = HEADERS.get(f.getName());
            if (d == null) {
                throw new IllegalStateException("CloudEventHeaders." + f.getName() + " is not described in AsyncApi.HEADERS");
            }
            String name = constant(f);
            ObjectNode p = props.putObject(name);
            p.put("type", "string");
            p.put("description", d[0]);
            if (d[1] != null && d[1].startsWith("^")) {
                p.put("pattern", d[1]);
            } else if (d[1] != null) {
                p.put("format", d[1]);
            }
            if (f.getName().equals("SPEC_VERSION")) {
                p.put("const", CloudEventHeaders.SPEC_VERSION_VALUE);
            } else if (f.getName().equals("CONTENT_TYPE")) {
                p.put("const", CloudEventHeaders.JSON);
            }
            if (d[2] != null) {
                required.add(name);
            }
        }
        s.set("required", required);
        s.set("properties", props);
        return s;
    }

    static ObjectNode deadLetterHeaders() {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        s.put("description", "Added by the consumer that gave up on the event, besides the original record's own headers.");
        ArrayNode required = s.putArray("required");
        ObjectNode props = s.putObject("properties");
        DEAD_LETTER_HEADERS.forEach((name, description) -> {
            props.putObject(name).put("type", "string").put("description", description);
            if (DEAD_LETTER_REQUIRED.contains(name)) {
                required.add(name);
            }
        });
        return s;
    }

    private static String constant(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String appVersion() {
        try {
            return Chart.YAML.readTree(Chart.chartDir().resolve("Chart.yaml").toFile()).path("appVersion").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Topic/dead-letter channels and event-type messages of a document that differ from the code's lists. */
    static List<String> problems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        Set<String> expectedChannels = new TreeSet<>(CodeFacts.topics());
        expectedChannels.addAll(deadLetters().keySet());
        Set<String> channels = new TreeSet<>();
        doc.path("channels").forEach(ch -> channels.add(ch.path("address").asText()));
        expectedChannels.stream().filter(t -> !channels.contains(t)).forEach(t -> problems.add("no channel for topic " + t));
        channels.stream().filter(t -> !expectedChannels.contains(t)).forEach(t -> problems.add("channel " + t + " is used by no code"));
        Map<String, String> expectedTypes = new TreeMap<>();
        EventCatalog.ALL.forEach(c -> expectedTypes.put(EventCatalog.typeOf(c).value(), EventCatalog.typeOf(c).topic()));
        Map<String, String> types = new TreeMap<>();
        doc.path("channels").forEach(ch -> {
            String address = ch.path("address").asText();
            if (CodeFacts.topics().contains(address)) {
                ch.path("messages").fieldNames().forEachRemaining(m -> types.put(m, address));
            }
        });
        expectedTypes.forEach((type, topic) -> {
            if (!types.containsKey(type)) {
                problems.add("no message for event type " + type);
            } else if (!types.get(type).equals(topic)) {
                problems.add("event type " + type + " is on " + types.get(type) + ", in code on " + topic);
            }
        });
        types.keySet().stream().filter(t -> !expectedTypes.containsKey(t))
                .forEach(t -> problems.add("message " + t + " is no event type of EventCatalog"));
        return problems;
    }
}
