package org.fupin.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Subscribers (other government systems): a read-only user per entry, and a listener they can reach when enabled. */
class SubscriberTest {

    static List<String> listeners(Chart.Rendered r) {
        List<String> out = new ArrayList<>();
        r.one("Kafka", "fupin-kafka").at("/spec/kafka/listeners").forEach(l -> out.add(l.path("name").asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {Chart.TEST_VALUES, Chart.PRODUCTION_VALUES})
    void subscribersReadEveryTopicButNoDeadLettersAndWriteNothing(String values) {
        var r = Chart.render(values);
        JsonNode sub = r.one("KafkaUser", "external-subscriber");
        assertEquals("scram-sha-512", sub.at("/spec/authentication/type").asText());
        Map<String, Set<String>> topics = KafkaTest.acls(sub, "topic");
        assertEquals(CodeFacts.topics(), topics.keySet(), "every topic of the code, no dead-letter topic");
        topics.values().forEach(ops -> assertEquals(Set.of("Read", "Describe"), ops));
        for (JsonNode acl : sub.at("/spec/authorization/acls")) {
            if (acl.at("/resource/type").asText().equals("group")) {
                assertEquals("external-subscriber", acl.at("/resource/name").asText());
                assertEquals("prefix", acl.at("/resource/patternType").asText());
            }
        }
        assertEquals(List.of("tls"), listeners(r), "no listener outside the cluster unless enabled");
    }

    @Test
    void theExternalListenerIsTlsWithScramAndLimitedToItsPeers() {
        var r = Chart.render(Chart.PRODUCTION_VALUES, Map.of(
                "kafka.externalListener.enabled", "true",
                "kafka.externalListener.type", "nodeport"));
        assertEquals(List.of("tls", "external"), listeners(r));
        JsonNode l = r.one("Kafka", "fupin-kafka").at("/spec/kafka/listeners/1");
        assertEquals("nodeport", l.path("type").asText());
        assertEquals(9094, l.path("port").asInt());
        assertEquals(true, l.path("tls").asBoolean());
        assertEquals("scram-sha-512", l.at("/authentication/type").asText());
        assertEquals("10.30.0.0/16", l.at("/networkPolicyPeers/0/ipBlock/cidr").asText());
        assertEquals(List.of(), StrictModels.problems(r.one("Kafka", "fupin-kafka")));
        assertFalse(r.ofKind("KafkaUser").isEmpty());
    }
}
