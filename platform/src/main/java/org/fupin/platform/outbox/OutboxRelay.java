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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka, outside any business transaction.
 * <ul>
 *   <li>one replica at a time holds the {@link RelayLease}; it renews the lease while it publishes, and every write
 *       it makes (published, failed, parked) is fenced by the lease's token, so a replica that lost the lease stops
 *       at its next write or renewal and never marks a row;</li>
 *   <li>events of one aggregate are sent one after another: the next is sent only after the broker acknowledged the
 *       previous one, so a failure can never let a later event of that aggregate overtake it. Different aggregates
 *       are sent together;</li>
 *   <li>idempotent producer with {@code acks=all}; a row is marked published only after the broker acknowledged it,
 *       and an acknowledged row is never sent again by this replica;</li>
 *   <li>a row that fails for a reason of its own ({@link SendFailure.Kind#ROW}) counts an attempt and is parked after
 *       {@code fupin.outbox.max-attempts}; the relay goes on with the other aggregates, while the later events of
 *       that aggregate wait behind the parked row until an admin re-queues it ({@link OutboxAdminResource});</li>
 *   <li>while Kafka is unreachable it retries with exponential back-off and counts nothing; the rows wait safely;</li>
 *   <li>backlog, oldest unpublished age and parked rows are exposed as metrics.</li>
 * </ul>
 * Plain JDBC: each read or mark is one short transaction under the lease, no transaction spans a send.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String LEASE_NAME = "outbox";

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
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private ScheduledExecutorService gauges;
    private RelayLease lease;
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter failures;
    private Counter parkings;
    private boolean warmedUp;
    private long lastCleanupNanos;

    void start(@Observes StartupEvent ignored) {
        published = Counter.builder("fupin.outbox.published").description("events published to Kafka").register(metrics);
        failures = Counter.builder("fupin.outbox.publish.failures").description("failed publication attempts").register(metrics);
        parkings = Counter.builder("fupin.outbox.parkings").description("rows parked after max-attempts row-specific failures").register(metrics);
        Gauge.builder("fupin.outbox.backlog", backlog, AtomicLong::get)
                .description("outbox events not yet acknowledged by Kafka, parked ones excluded").register(metrics);
        Gauge.builder("fupin.outbox.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("age of the oldest unpublished outbox event that is not parked").register(metrics);
        Gauge.builder("fupin.outbox.parked", parked, AtomicLong::get)
                .description("outbox events parked after repeated row-specific failures; see /api/v1/admin/outbox/parked").register(metrics);
        Gauge.builder("fupin.outbox.held", held, AtomicLong::get)
                .description("outbox events waiting behind a parked event of the same aggregate").register(metrics);
        lease = new RelayLease(dataSource, LEASE_NAME, owner, config.leaseTtl());
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        // own thread: the figures stay current while the relay waits for Kafka or backs off
        gauges = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-gauges");
            t.setDaemon(true);
            return t;
        });
        gauges.scheduleWithFixedDelay(this::refreshGauges, 0, 1, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (gauges != null) {
            gauges.shutdownNow();
        }
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
        try {
            lease.release();
        } catch (Exception e) {
            LOG.debug("lease release failed", e);
        }
    }

    /** Called after a commit that appended events (or a re-queue): publish now rather than at the next poll. */
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
                int sent = 0;
                // drain before reading: a commit that lands while this batch is read leaves a permit for the wait below
                wakeUps.drainPermits();
                if (lease.acquire()) {
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
            } catch (RelayLease.LostException e) {
                // another replica publishes now: drop what this one has not sent yet, and try for the lease later
                resetProducer();
                LOG.infof("outbox relay: %s; stopped publishing", e.getMessage());
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

    private record Row(long seq, UUID eventId, String aggregateType, String aggregateId, long version, String type,
                       String topic, String region, String payload, Timestamp occurredAt) {
        String aggregate() {
            return aggregateType + "/" + aggregateId;
        }
    }

    private record Failed(Row row, Throwable error) {
    }

    /**
     * Sends one batch in rounds: each round sends the oldest unsent row of every aggregate in the batch, waits for
     * the acknowledgements, and marks the outcome under the lease. An aggregate whose row failed sends nothing more in
     * this batch. A broker outage ends the batch (after marking what was acknowledged) with an exception: back-off.
     *
     * @return the number of rows published
     */
    private int publishBatch() throws Exception {
        List<Row> rows = lease.whileHeld(this::readBatch);
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Deque<Row>> queues = new LinkedHashMap<>();
        for (Row row : rows) {
            queues.computeIfAbsent(row.aggregate(), k -> new ArrayDeque<>()).add(row);
        }
        int done = 0;
        while (!queues.isEmpty()) {
            lease.renewIfDue();
            List<Row> round = new ArrayList<>(queues.size());
            queues.values().forEach(q -> round.add(q.peekFirst()));
            round.sort(Comparator.comparingLong(Row::seq));
            List<Future<RecordMetadata>> acks = send(round);
            List<Long> acked = new ArrayList<>();
            List<Failed> rowFailures = new ArrayList<>();
            Throwable outage = null;
            for (int i = 0; i < round.size(); i++) {
                Row row = round.get(i);
                try {
                    awaitAck(acks.get(i));
                    acked.add(row.seq());
                    queues.get(row.aggregate()).removeFirst();
                } catch (ExecutionException e) {
                    queues.remove(row.aggregate()); // its later rows wait for the next batch, behind this one
                    if (SendFailure.classify(e) == SendFailure.Kind.ROW) {
                        rowFailures.add(new Failed(row, e.getCause()));
                    } else if (outage == null) {
                        outage = e.getCause();
                    }
                }
            }
            queues.values().removeIf(Deque::isEmpty);
            mark(acked, rowFailures);
            done += acked.size();
            if (outage != null) {
                resetProducer(); // a fresh producer after a failed send: no sequence state carried over
                throw new IllegalStateException("Kafka unavailable: " + outage, outage);
            }
            if (!rowFailures.isEmpty()) {
                resetProducer();
            }
        }
        return done;
    }

    private List<Row> readBatch(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        // the later rows of an aggregate with a parked row wait behind it: per-aggregate order
        try (PreparedStatement ps = c.prepareStatement("select o.seq, o.event_id, o.aggregate_type, o.aggregate_id, o.aggregate_version,"
                + " o.event_type, o.topic, o.region_code, o.payload, o.occurred_at from outbox_event o"
                + " where o.published_at is null and o.parked_at is null"
                + " and not exists (select 1 from outbox_event p where p.parked_at is not null and p.published_at is null"
                + " and p.aggregate_type = o.aggregate_type and p.aggregate_id = o.aggregate_id and p.seq < o.seq)"
                + " order by o.seq limit ?")) {
            ps.setInt(1, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10)));
                }
            }
        }
        return rows;
    }

    private List<Future<RecordMetadata>> send(List<Row> round) {
        KafkaProducer<String, String> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(round.size());
        Throwable outage = null;
        for (Row row : round) {
            if (outage != null) {
                // Kafka is unreachable: do not wait max.block.ms for each remaining row; they count nothing
                acks.add(CompletableFuture.failedFuture(outage));
                continue;
            }
            Future<RecordMetadata> ack;
            try {
                ack = p.send(toRecord(row));
            } catch (RuntimeException e) {
                // send() reports most failures through the future; what it throws is reported the same way
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            outage = immediateOutage(ack);
        }
        return acks;
    }

    /** The outage a send reported at once (e.g. no metadata within max.block.ms), or null. */
    private static Throwable immediateOutage(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return SendFailure.classify(e) == SendFailure.Kind.OUTAGE ? e.getCause() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits for one acknowledgement, renewing the lease meanwhile; the producer's delivery timeout bounds the wait. */
    private void awaitAck(Future<RecordMetadata> ack) throws Exception {
        long slice = Math.max(50, config.leaseTtl().toMillis() / 4);
        while (true) {
            try {
                ack.get(slice, TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                lease.renewIfDue();
            }
        }
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

    /** Marks acknowledged rows published and counts row-specific failures, parking at max-attempts; fenced. */
    private void mark(List<Long> acked, List<Failed> rowFailures) throws SQLException {
        if (acked.isEmpty() && rowFailures.isEmpty()) {
            return;
        }
        int newlyParked = lease.whileHeld(c -> {
            if (!acked.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("update outbox_event set published_at = now()"
                        + " where seq = any(?) and published_at is null")) {
                    Array array = c.createArrayOf("bigint", acked.toArray());
                    ps.setArray(1, array);
                    ps.executeUpdate();
                }
            }
            int parkedNow = 0;
            for (Failed f : rowFailures) {
                try (PreparedStatement ps = c.prepareStatement("update outbox_event set attempts = attempts + 1, last_error = ?,"
                        + " parked_at = case when attempts + 1 >= ? then now() end"
                        + " where seq = ? and published_at is null returning parked_at")) {
                    ps.setString(1, SendFailure.describe(f.error()));
                    ps.setInt(2, config.maxAttempts());
                    ps.setLong(3, f.row().seq());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getTimestamp(1) != null) {
                            parkedNow++;
                            // aggregate id and event id only: never the payload
                            LOG.errorf("outbox event %s (%s %s) parked after %d failed attempts: %s", f.row().eventId(),
                                    f.row().aggregateType(), f.row().aggregateId(), config.maxAttempts(), SendFailure.describe(f.error()));
                        }
                    }
                }
            }
            return parkedNow;
        });
        published.increment(acked.size());
        failures.increment(rowFailures.size());
        parkings.increment(newlyParked);
        if (!rowFailures.isEmpty() && newlyParked < rowFailures.size()) {
            Failed f = rowFailures.get(0);
            LOG.warnf("outbox event %s failed (%s); retried up to %d times", f.row().eventId(),
                    SendFailure.describe(f.error()), config.maxAttempts());
        }
    }

    private void refreshGauges() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) filter (where parked_at is null),"
                     + " coalesce(extract(epoch from now() - min(occurred_at) filter (where parked_at is null)) * 1000, 0),"
                     + " count(*) filter (where parked_at is not null),"
                     + " count(*) filter (where parked_at is null and exists (select 1 from outbox_event p"
                     + "   where p.parked_at is not null and p.published_at is null and p.aggregate_type = o.aggregate_type"
                     + "   and p.aggregate_id = o.aggregate_id and p.seq < o.seq))"
                     + " from outbox_event o where published_at is null");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                backlog.set(rs.getLong(1));
                oldestAgeMillis.set((long) rs.getDouble(2));
                parked.set(rs.getLong(3));
                held.set(rs.getLong(4));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("outbox gauges not refreshed", e);
        }
    }

    private void cleanup() throws SQLException {
        if (System.nanoTime() - lastCleanupNanos < TimeUnit.HOURS.toNanos(1)) {
            return;
        }
        lastCleanupNanos = System.nanoTime();
        lease.whileHeld(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from outbox_event where published_at < now() - ? * interval '1 second'")) {
                ps.setLong(1, config.retention().toSeconds());
                return ps.executeUpdate();
            }
        });
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
            // a batch of the outbox is thousands of records: large producer batches, few produce requests per round
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, config.producerBatchSize());
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-" + owner.substring(0, 8));
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
