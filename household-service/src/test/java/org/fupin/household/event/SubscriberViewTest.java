package org.fupin.household.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.Topics;
import org.fupin.household.Fixtures;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a subscriber sees on fupin.household.v1 with a stock Kafka client is what the AsyncAPI document shipped with the
 * chart (deploy/helm/fupin-suite/docs/asyncapi.yaml) says: every header is described there and matches its schema, the
 * payload matches the schema the message references, the key is the subject.
 */
@QuarkusTest
class SubscriberViewTest {
    static final Path DOCS = Path.of("..", "deploy", "helm", "fupin-suite", "docs");
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void recordsOfTheHouseholdTopicAreAsTheAsyncApiDocumentDescribesThem() throws IOException {
        JsonNode doc = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile());
        String id = Fixtures.imported(Fixtures.household(Fixtures.VILLAGE, 2, "90000.00"));
        List<ConsumerRecord<String, String>> mine = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                        Topics.HOUSEHOLD, rs -> rs.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(1, mine.size());
        ConsumerRecord<String, String> r = mine.get(0);

        ObjectNode headers = JSON.createObjectNode();
        for (Header h : r.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        String type = headers.path(CloudEventHeaders.TYPE).asText();
        JsonNode channelMessage = doc.at("/channels/" + Topics.HOUSEHOLD + "/messages/" + type);
        assertTrue(!channelMessage.isMissingNode(), type + " is a message of the channel " + Topics.HOUSEHOLD);
        JsonNode message = doc.at(channelMessage.path("$ref").asText().substring(1));

        // headers: every one described, each matching the document's header schema and the message's fixed values
        JsonNode headerSchema = doc.at("/components/schemas/CloudEventHeaders");
        Set<String> described = new TreeSet<>();
        headerSchema.path("properties").fieldNames().forEachRemaining(described::add);
        assertTrue(described.containsAll(headers.properties().stream().map(e -> e.getKey()).toList()),
                "undocumented header among " + headers.properties());
        for (JsonNode part : message.at("/headers/allOf")) {
            JsonNode schema = part.has("$ref") ? doc.at(part.get("$ref").asText().substring(1)) : part;
            JsonSchema s = SCHEMAS.getSchema(schema);
            assertEquals(Set.of(), s.validate(headers), "headers " + headers + " against " + schema);
        }
        assertEquals(r.key(), headers.path(CloudEventHeaders.SUBJECT).asText(), "key = ce_subject");
        assertEquals(Fixtures.VILLAGE, headers.path(CloudEventHeaders.REGION_CODE).asText());

        // payload: the schema the message references, as shipped beside the document
        String payloadRef = message.at("/payload/$ref").asText();
        JsonSchema payload = SCHEMAS.getSchema(Files.readString(DOCS.resolve(payloadRef)), InputFormat.JSON);
        assertEquals(Set.of(), payload.validate(r.value(), InputFormat.JSON), r.value());
        assertTrue(!r.value().contains("王小明") && !r.value().contains("residentId"), "no personal data");

        // what kafka-console-consumer prints with print.partition/offset/headers/key (README, "For subscribers")
        StringBuilder line = new StringBuilder("Partition:" + r.partition() + "\tOffset:" + r.offset() + "\t");
        headers.properties().forEach(e -> line.append(e.getKey()).append(':').append(e.getValue().asText()).append(','));
        line.setLength(line.length() - 1);
        line.append('\t').append(r.key()).append('\t').append(r.value()).append('\n');
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "subscriber-view.txt"), line);
    }
}
