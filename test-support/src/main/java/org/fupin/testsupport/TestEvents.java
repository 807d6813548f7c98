package org.fupin.testsupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fupin.contracts.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes CloudEvents-framed records the way the outbox relay does, for consumer tests. */
public final class TestEvents {
    private TestEvents() {
    }

    public static void publish(String bootstrap, String topic, UUID eventId, String type, String aggregateId,
                               long version, String regionCode, String payload) {
        RecordHeaders h = new RecordHeaders();
        put(h, CloudEventHeaders.SPEC_VERSION, "1.0");
        put(h, CloudEventHeaders.ID, eventId.toString());
        put(h, CloudEventHeaders.SOURCE, "/fupin/test");
        put(h, CloudEventHeaders.TYPE, type);
        put(h, CloudEventHeaders.SUBJECT, aggregateId);
        put(h, CloudEventHeaders.TIME, Instant.now().toString());
        put(h, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        put(h, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(version));
        if (regionCode != null) {
            put(h, CloudEventHeaders.REGION_CODE, regionCode);
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, null, aggregateId, payload, h)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(RecordHeaders h, String k, String v) {
        h.add(k, v.getBytes(StandardCharsets.UTF_8));
    }
}
