package org.fupin.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.fupin.contracts.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A consumed event: its CloudEvents attributes (from the {@code ce_*} headers) and its JSON payload. */
public record InboundEvent(UUID id, String type, String source, String subject, String regionCode, long aggregateVersion,
                           String payload) {

    /** @throws PoisonEventException when a required attribute is missing or malformed */
    public static InboundEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PoisonEventException("record without ce_id/ce_type at " + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        String version = header(record, CloudEventHeaders.AGGREGATE_VERSION);
        try {
            return new InboundEvent(UUID.fromString(id), type, header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT), header(record, CloudEventHeaders.REGION_CODE),
                    version == null ? 0 : Long.parseLong(version), record.value());
        } catch (IllegalArgumentException e) { // a ce_id that is no UUID, a version that is no number
            throw new PoisonEventException("malformed ce_id or ce_aggregateversion at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
