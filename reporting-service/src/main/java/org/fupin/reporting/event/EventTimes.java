package org.fupin.reporting.event;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.platform.inbox.InboundEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The time of the latest of the events applied, for the consumers' freshness. */
final class EventTimes {
    private EventTimes() {
    }

    /**
     * The latest {@code ce_time} (when the change was recorded at its source; the Kafka record's timestamp when the
     * header is missing or malformed) of the records whose events were applied; null when none was.
     */
    static Instant latest(Iterable<ConsumerRecord<String, String>> records, List<InboundEvent> applied) {
        Set<String> ids = new HashSet<>(applied.size() * 2);
        for (InboundEvent e : applied) {
            ids.add(e.id().toString());
        }
        Instant latest = null;
        for (ConsumerRecord<String, String> r : records) {
            String id = header(r, CloudEventHeaders.ID);
            if (id == null || !ids.contains(normalised(id))) {
                continue;
            }
            Instant t = time(r);
            if (latest == null || t.isAfter(latest)) {
                latest = t;
            }
        }
        return latest;
    }

    private static String normalised(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static Instant time(ConsumerRecord<String, String> r) {
        String time = header(r, CloudEventHeaders.TIME);
        if (time != null) {
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException ignored) {
                // fall back to the record's timestamp: the event itself was valid, only its time is unreadable
            }
        }
        return Instant.ofEpochMilli(r.timestamp());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
