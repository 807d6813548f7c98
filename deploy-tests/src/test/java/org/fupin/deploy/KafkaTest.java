package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Topics and users of the Strimzi cluster against what the code produces and consumes. */
class KafkaTest {

    /** Every topic of event-contracts and every dead-letter topic of a consumer, and nothing else. */
    static List<String> topicProblems(Set<String> rendered) {
        Set<String> expected = new TreeSet<>(CodeFacts.topics());
        CodeFacts.services().forEach(s -> expected.addAll(CodeFacts.messaging(s).deadLetters()));
        List<String> problems = new ArrayList<>();
        expected.stream().filter(t -> !rendered.contains(t)).forEach(t -> problems.add("no KafkaTopic for " + t));
        rendered.stream().filter(t -> !expected.contains(t)).forEach(t -> problems.add("KafkaTopic " + t + " is used by no code"));
        return problems;
    }

    static Set<String> renderedTopics(Chart.Rendered r) {
        Set<String> out = new TreeSet<>();
        r.ofKind("KafkaTopic").forEach(t -> out.add(t.path("spec").path("topicName").asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void everyTopicOfTheCodeHasAKafkaTopic(String values) {
        assertEquals(List.of(), topicProblems(renderedTopics(Chart.render(values))));
    }

    @Test
    void aTopicMissingFromTheChartIsReported() {
        Set<String> rendered = renderedTopics(Chart.render(Chart.TEST_VALUES));
        rendered.remove("fupin.household.v1");
        rendered.add("fupin.stale.v1");
        assertEquals(List.of("no KafkaTopic for fupin.household.v1", "KafkaTopic fupin.stale.v1 is used by no code"),
                topicProblems(rendered));
    }

    @Test
    void productionTopicsAreReplicatedAndKeptForever() {
        var r = Chart.render(Chart.PRODUCTION_VALUES);
        for (ObjectNode t : r.ofKind("KafkaTopic")) {
            JsonNode spec = t.path("spec");
            String name = spec.path("topicName").asText();
            assertEquals(3, spec.path("replicas").asInt(), name);
            assertEquals(2, spec.path("config").path("min.insync.replicas").asInt(), name);
            assertEquals(-1, spec.path("config").path("retention.ms").asLong(), name + ": rebuildable from offset 0");
            assertEquals("delete", spec.path("config").path("cleanup.policy").asText(), name + ": never compacted");
            assertTrue(spec.path("partitions").asInt() >= 1);
        }
        JsonNode kafka = r.ofKind("Kafka").get(0);
        assertEquals("enabled", kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText());
        assertFalse(kafka.path("spec").has("zookeeper"));
        Set<String> roles = new TreeSet<>();
        r.ofKind("KafkaNodePool").forEach(p -> p.path("spec").path("roles").forEach(x -> roles.add(x.asText())));
        assertEquals(Set.of("broker", "controller"), roles);
        assertEquals("false", kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asText());
    }

    /** topic -> operations, and group -> operations, of a KafkaUser. */
    static Map<String, Set<String>> acls(JsonNode user, String type) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode res = acl.path("resource");
            if (res.path("type").asText().equals(type)) {
                Set<String> ops = out.computeIfAbsent(res.path("name").asText(), k -> new TreeSet<>());
                acl.path("operations").forEach(o -> ops.add(o.asText()));
            }
            assertEquals(Set.of("topic", "group").contains(res.path("type").asText()), true, "no cluster-wide ACL");
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void eachServiceWritesItsOwnTopicsAndReadsWhatItConsumes(String values) {
        var r = Chart.render(values);
        for (String s : CodeFacts.services()) {
            var m = CodeFacts.messaging(s);
            JsonNode user = r.one("KafkaUser", s);
            assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText());
            Map<String, Set<String>> topics = acls(user, "topic");
            Set<String> writes = new TreeSet<>(), reads = new TreeSet<>();
            topics.forEach((t, ops) -> {
                if (ops.contains("Write")) {
                    writes.add(t);
                }
                if (ops.contains("Read")) {
                    reads.add(t);
                }
                assertFalse(ops.contains("All") || ops.contains("Delete") || ops.contains("Alter"), s + " on " + t);
            });
            Set<String> expectedWrites = new TreeSet<>(m.produces());
            expectedWrites.addAll(m.deadLetters());
            assertEquals(expectedWrites, writes, s + " writes (its own topic + dead-letter topics)");
            assertEquals(m.consumes(), reads, s + " reads (what it consumes)");
            Set<String> groups = new TreeSet<>();
            acls(user, "group").forEach((g, ops) -> {
                assertEquals(Set.of("Read"), ops);
                groups.add(g);
            });
            assertEquals(m.groups(), groups, s + " consumer groups");
            // the service's own CreateTopics must find its topics with the chart's replication factor
            JsonNode d = r.one("Deployment", s);
            String rf = String.valueOf(Chart.render(values).ofKind("KafkaTopic").get(0).path("spec").path("replicas").asInt());
            for (String t : m.declared()) {
                String env = "FUPIN_KAFKA_TOPICS__" + t.toUpperCase().replace('.', '_').replace('-', '_') + "__REPLICATION_FACTOR";
                assertEquals(rf, Deployments.env(d, env), s + " " + env);
            }
        }
    }

    @Test
    void externalSubscribersOnlyRead() {
        var r = Chart.render(Chart.PRODUCTION_VALUES);
        JsonNode sub = r.one("KafkaUser", "external-subscriber");
        Map<String, Set<String>> topics = acls(sub, "topic");
        assertEquals(CodeFacts.topics(), topics.keySet());
        topics.values().forEach(ops -> assertEquals(Set.of("Read", "Describe"), ops));
        acls(sub, "group").values().forEach(ops -> assertEquals(Set.of("Read"), ops));
    }
}
