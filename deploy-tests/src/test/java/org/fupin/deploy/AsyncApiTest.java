package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AsyncAPI document shipped with the chart (docs/asyncapi.yaml, docs/schemas/) is what {@link AsyncApi} generates
 * from the code: a topic, dead-letter topic or event type added in code and not in the document fails here. With
 * {@code -Dfupin.asyncapi.write=true} the test (re)writes the files instead.
 */
class AsyncApiTest {

    @BeforeAll
    static void writeWhenAsked() throws IOException {
        if (Boolean.getBoolean("fupin.asyncapi.write")) {
            Files.createDirectories(AsyncApi.schemaDir());
            Files.writeString(AsyncApi.document(), AsyncApi.generate());
            try (Stream<Path> old = Files.list(AsyncApi.schemaDir())) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            for (var e : AsyncApi.schemas().entrySet()) {
                Files.writeString(AsyncApi.schemaDir().resolve(e.getKey()), e.getValue());
            }
        }
    }

    static JsonNode shipped() throws IOException {
        assertTrue(Files.exists(AsyncApi.document()), "no " + AsyncApi.document() + "; generate it with " + AsyncApi.REGENERATE);
        return AsyncApi.YAML.readTree(AsyncApi.document().toFile());
    }

    @Test
    void everyTopicDeadLetterTopicAndEventTypeOfTheCodeIsInTheDocument() throws IOException {
        assertEquals(List.of(), AsyncApi.problems(shipped()), "regenerate with " + AsyncApi.REGENERATE);
    }

    @Test
    void theShippedDocumentIsTheGeneratedOne() throws IOException {
        assertEquals(AsyncApi.generate(), Files.readString(AsyncApi.document()),
                "docs/asyncapi.yaml is out of date; regenerate with " + AsyncApi.REGENERATE);
    }

    @Test
    void theShippedSchemasAreEventContracts() throws IOException {
        Map<String, String> shipped = new TreeMap<>();
        try (Stream<Path> files = Files.list(AsyncApi.schemaDir())) {
            for (Path p : files.toList()) {
                shipped.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        assertEquals(AsyncApi.schemas(), shipped, "docs/schemas differs from event-contracts; regenerate with " + AsyncApi.REGENERATE);
    }

    @Test
    void aTopicOrEventTypeMissingFromTheDocumentIsReported() {
        ObjectNode doc = AsyncApi.tree();
        assertEquals(List.of(), AsyncApi.problems(doc));
        ObjectNode channels = (ObjectNode) doc.get("channels");
        channels.remove("fupin.fund.v1.reporting.dlq");
        ((ObjectNode) channels.get("fupin.household.v1").get("messages")).remove("household.exited.v1");
        ((ObjectNode) channels.get("fupin.project.v1").get("messages")).putObject("project.stale.v1");
        channels.putObject("fupin.stale.v1").put("address", "fupin.stale.v1");
        assertEquals(List.of("no channel for topic fupin.fund.v1.reporting.dlq", "channel fupin.stale.v1 is used by no code",
                        "no message for event type household.exited.v1", "message project.stale.v1 is no event type of EventCatalog"),
                AsyncApi.problems(doc));
    }

    @Test
    void isAValidAsyncApi3Document() throws IOException {
        JsonNode doc = shipped();
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> messages = schema.validate(doc);
        assertEquals(Set.of(), messages);
        // and the validator does reject a broken one
        ObjectNode broken = doc.deepCopy();
        ((ObjectNode) broken.get("channels").get("fupin.household.v1")).put("adress", "x");
        assertTrue(!schema.validate(broken).isEmpty(), "a misspelt channel field must fail");
    }

    @Test
    void everyReferenceResolves() throws IOException {
        JsonNode doc = shipped();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> refs = doc.findValues("$ref");
        assertTrue(refs.size() > 100);
        for (JsonNode r : refs) {
            String ref = r.asText();
            if (ref.startsWith("#/")) {
                assertTrue(!doc.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
            } else {
                Path file = AsyncApi.document().getParent().resolve(ref);
                assertTrue(Files.exists(file), "unresolved " + ref);
                assertEquals(file.getFileName().toString().replace(".json", ""), json.readTree(file.toFile()).path("title").asText());
            }
        }
    }

    @Test
    void headersAreThoseTheOutboxRelayAndTheInboxSet() throws IOException {
        JsonNode doc = shipped();
        Set<String> described = new TreeSet<>();
        doc.at("/components/schemas/CloudEventHeaders/properties").fieldNames().forEachRemaining(described::add);
        String relay = Files.readString(Chart.projectRoot().resolve("platform/src/main/java/org/fupin/platform/outbox/OutboxRelay.java"));
        Set<String> set = new TreeSet<>();
        Matcher m = Pattern.compile("header\\(headers, CloudEventHeaders\\.([A-Z_]+),").matcher(relay);
        while (m.find()) {
            try {
                set.add((String) CloudEventHeaders.class.getField(m.group(1)).get(null));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        assertEquals(set, described, "the headers the outbox relay sets");

        Set<String> deadLetter = new TreeSet<>();
        doc.at("/components/schemas/DeadLetterHeaders/properties").fieldNames().forEachRemaining(deadLetter::add);
        String inbox = Files.readString(Chart.projectRoot().resolve("platform/src/main/java/org/fupin/platform/inbox/BatchInbox.java"));
        Set<String> added = new TreeSet<>();
        Matcher d = Pattern.compile("header\\(dead, \"([^\"]+)\"").matcher(inbox);
        while (d.find()) {
            added.add(d.group(1));
        }
        assertEquals(added, deadLetter, "the headers BatchInbox adds to a dead letter");
        assertEquals(EventCatalog.ALL.size(), doc.at("/components/messages").size()
                - doc.at("/components/messages").properties().stream().filter(e -> e.getKey().endsWith(".dead-letter")).count());
        assertTrue(new String(Files.readAllBytes(AsyncApi.document()), StandardCharsets.UTF_8).startsWith("# AsyncAPI 3"));
    }
}
