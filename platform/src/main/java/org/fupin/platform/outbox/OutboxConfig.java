package org.fupin.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "fupin.outbox")
public interface OutboxConfig {

    /** Whether this service runs the relay (a consumer-only service turns it off). */
    @WithDefault("true")
    boolean enabled();

    /** CloudEvents {@code source} of the events this service emits, e.g. {@code /fupin/household-service}. */
    Optional<String> source();

    /** Wait between polls when the outbox is empty; commits also wake the relay at once. */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * Rows read and published per batch: one read, then one round per event of the same aggregate (each round sends,
     * awaits the acknowledgements and marks them published in one statement).
     */
    @WithDefault("2000")
    int batchSize();

    /** The producer's {@code batch.size} in bytes (records per partition sent in one request). */
    @WithDefault("262144")
    int producerBatchSize();

    /** Back-off while Kafka is unreachable: doubles from the initial value up to the maximum. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * How long one replica holds the publishing lease without renewing it. The holder renews it every third of this
     * while it publishes; a replica paused for longer loses it, and its writes are then refused (fencing token).
     */
    @WithDefault("10s")
    Duration leaseTtl();

    /**
     * Row-specific failed sends (record too large, invalid topic, rejected by the broker) after which a row is
     * parked; a broker outage never counts. Later events of the same aggregate wait behind a parked row.
     */
    @WithDefault("5")
    int maxAttempts();

    /** Published rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
