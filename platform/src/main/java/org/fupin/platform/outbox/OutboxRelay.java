package org.fupin.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.platform.kafka.TopicProvisioner;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka, in {@code seq} order, outside any business transaction.
 * <ul>
 *   <li>one replica at a time holds a lease row, so events of one aggregate leave in order even with several replicas;</li>
 *   <li>idempotent producer with {@code acks=all}; a row is marked published only after the broker acknowledged it;</li>
 *   <li>while Kafka is unreachable it retries with exponential back-off; the rows wait safely in the table;</li>
 *   <li>backlog size and oldest unpublished age are exposed as metrics.</li>
 * </ul>
 * Plain JDBC in auto-commit mode: each claim or mark is its own short statement, no transaction spans a send.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxConfig config;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry metrics;
    @Inject
    TopicProvisioner topics;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final Semaphore wakeUps = new Semaphore(0);
    private final String owner = UUID.randomUUID().toString();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter failures;
    private boolean warmedUp;
    private long leaseValidUntilNanos;
    private long lastGaugeNanos;
    private long lastCleanupNanos;

    void start(@Observes StartupEvent ignored) {
        published = Counter.builder("fupin.outbox.published").description("events published to Kafka").register(metrics);
        failures = Counter.builder("fupin.outbox.publish.failures").description("failed publication attempts").register(metrics);
        Gauge.builder("fupin.outbox.backlog", backlog, AtomicLong::get)
                .description("outbox events not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("fupin.outbox.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("age of the oldest unpublished outbox event").register(metrics);
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        releaseLease();
    }

    /** Called after a commit that appended events: publish now rather than at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    public long backlog() {
        return backlog.get();
    }

    private void loop() {
        long backoff = config.initialBackoff().toMillis();
        while (running) {
            try {
                refreshGauges();
                int sent = 0;
                // drain before reading: a commit that lands while this batch is read leaves a permit for the wait below
                wakeUps.drainPermits();
                if (holdLease()) {
                    topics.ensureCreated();
                    warmUp();
                    sent = publishBatch();
                    cleanup();
                }
                backoff = config.initialBackoff().toMillis();
                if (sent < config.batchSize()) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                LOG.warnf("outbox relay: %s; retrying in %d ms", e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private boolean holdLease() throws SQLException {
        if (System.nanoTime() < leaseValidUntilNanos - config.leaseTtl().toNanos() / 2) {
            return true;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update outbox_relay_lease set owner = ?, expires_at = now() + ? * interval '1 millisecond'"
                     + " where name = 'outbox' and (owner = ? or owner is null or expires_at < now())")) {
            c.setAutoCommit(true);
            long start = System.nanoTime();
            ps.setString(1, owner);
            ps.setLong(2, config.leaseTtl().toMillis());
            ps.setString(3, owner);
            boolean held = ps.executeUpdate() == 1;
            leaseValidUntilNanos = held ? start + config.leaseTtl().toNanos() : 0;
            return held;
        }
    }

    private void releaseLease() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update outbox_relay_lease set owner = null, expires_at = '-infinity' where name = 'outbox' and owner = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, owner);
            ps.executeUpdate();
        } catch (Exception e) {
            LOG.debug("lease release failed", e);
        }
    }

    private record Row(long seq, UUID eventId, String aggregateType, String aggregateId, long version, String type,
                       String topic, String region, String payload, Timestamp occurredAt) {
    }

    private int publishBatch() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, event_id, aggregate_type, aggregate_id, aggregate_version, event_type, topic,"
                     + " region_code, payload, occurred_at from outbox_event where published_at is null order by seq limit ?")) {
            c.setAutoCommit(true);
            ps.setInt(1, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        try {
            for (Row row : rows) {
                acks.add(p.send(toRecord(row)));
            }
        } catch (RuntimeException e) {
            resetProducer();
            throw e;
        }
        List<Long> done = new ArrayList<>(rows.size());
        Exception failure = null;
        Row failed = null;
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(60, TimeUnit.SECONDS);
                done.add(rows.get(i).seq());
            } catch (Exception e) {
                // keep only the acknowledged prefix: the rest is retried, in order, after the back-off
                failure = e;
                failed = rows.get(i);
                break;
            }
        }
        markPublished(done, failed, failure);
        published.increment(done.size());
        if (failure != null) {
            resetProducer(); // a fresh producer after a failed batch: no sequence state carried over
            throw new IllegalStateException("publication of event " + failed.eventId() + " failed", failure);
        }
        return done.size();
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, row.eventId().toString());
        header(headers, CloudEventHeaders.SOURCE, config.source().orElse("/fupin/" + applicationName));
        header(headers, CloudEventHeaders.TYPE, row.type());
        header(headers, CloudEventHeaders.SUBJECT, row.aggregateId());
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.occurredAt().toInstant().atOffset(ZoneOffset.UTC)));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(headers, CloudEventHeaders.AGGREGATE_TYPE, row.aggregateType());
        header(headers, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(row.version()));
        if (row.region() != null) {
            header(headers, CloudEventHeaders.REGION_CODE, row.region());
        }
        return new ProducerRecord<>(row.topic(), null, row.aggregateId(), row.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void markPublished(List<Long> seqs, Row failed, Exception failure) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!seqs.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("update outbox_event set published_at = now(), attempts = attempts + 1"
                        + " where seq = any(?)")) {
                    Array array = c.createArrayOf("bigint", seqs.toArray());
                    ps.setArray(1, array);
                    ps.executeUpdate();
                }
            }
            if (failed != null) {
                try (PreparedStatement ps = c.prepareStatement("update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?")) {
                    String msg = String.valueOf(failure.getCause() != null ? failure.getCause() : failure);
                    ps.setString(1, msg.length() > 1000 ? msg.substring(0, 1000) : msg);
                    ps.setLong(2, failed.seq());
                    ps.executeUpdate();
                }
            }
        }
    }

    private void refreshGauges() {
        if (System.nanoTime() - lastGaugeNanos < TimeUnit.SECONDS.toNanos(1)) {
            return;
        }
        lastGaugeNanos = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*), coalesce(extract(epoch from now() - min(occurred_at)) * 1000, 0)"
                     + " from outbox_event where published_at is null");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                backlog.set(rs.getLong(1));
                oldestAgeMillis.set((long) rs.getDouble(2));
            }
        } catch (SQLException e) {
            LOG.debug("outbox gauges not refreshed", e);
        }
    }

    private void cleanup() throws SQLException {
        if (System.nanoTime() - lastCleanupNanos < TimeUnit.HOURS.toNanos(1)) {
            return;
        }
        lastCleanupNanos = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from outbox_event where published_at < now() - ? * interval '1 second'")) {
            c.setAutoCommit(true);
            ps.setLong(1, config.retention().toSeconds());
            ps.executeUpdate();
        }
    }

    /** Connects the producer before the first event, so the first change after start-up is not the slow one. */
    private void warmUp() {
        if (warmedUp) {
            return;
        }
        for (String topic : topics.names()) {
            producer().partitionsFor(topic);
        }
        warmedUp = true;
    }

    private void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            kafkaConfig.forEach((k, v) -> {
                if (!k.startsWith("topic") && !k.equals("health-enabled")) {
                    props.put(k, v);
                }
            });
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // ordered with idempotence
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-" + owner.substring(0, 8));
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
