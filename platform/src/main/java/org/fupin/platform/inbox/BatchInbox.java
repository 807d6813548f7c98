package org.fupin.platform.inbox;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Idempotent, batched consumption with classified failures: the one way a service consumes events. A channel is
 * consumed in the connector's batch mode ({@code mp.messaging.incoming.<channel>.batch=true}, an ordered
 * {@code @Blocking} method taking {@code ConsumerRecords<String, String>}) and hands each batch to
 * {@link #consume(String, ConsumerRecords, Consumer)}:
 * <ul>
 *   <li><b>Checked</b>: every record's CloudEvents headers, type and payload are checked against the contracts; a record
 *   that fails is <b>poison</b> and is sent to the channel's dead-letter topic <b>alone</b>
 *   ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}, with the headers the connector's dead-letter
 *   strategy adds: {@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition}, {@code -offset}, and
 *   the record's own {@code ce_*} headers) by a producer of the inbox, which waits for the broker's acknowledgement. The
 *   connector's own dead-letter strategy cannot be used in batch mode: a nacked batch would send every record.</li>
 *   <li><b>Once</b>: the event ids of the rest are inserted into {@code inbox_event} in one statement
 *   ({@code on conflict do nothing returning event_id}), and the effect is called once, in the same transaction, with
 *   the events that were new, in record order (per partition, offset order; an id repeated inside the batch counts
 *   once); the effect is not called when there are none. The method returns after the commit, so the connector
 *   commits the offsets after the effect.</li>
 *   <li><b>Poison</b> from the effect ({@link PoisonEventException}, a contract violation, see
 *   {@link FailureClassifier}) or <b>unclassified</b> (a bug): the batch is halved until the record is alone
 *   ({@link BatchBisector}); the rest is applied; a poison record is dead-lettered at once, an unclassified one after
 *   {@code fupin.inbox.max-attempts}.</li>
 *   <li><b>Transient</b> (the database refuses connections, a timeout, a serialization failure, a deadlock…): the batch
 *   is retried with exponential back-off ({@code fupin.inbox.min-backoff} doubling to {@code fupin.inbox.max-backoff})
 *   <b>until it succeeds</b>; never dead-lettered, and its offsets are not committed before. Readiness is DOWN while a
 *   batch waits ({@link InboxHealth}). Likewise while the dead-letter topic cannot be written.</li>
 *   <li>The service stopping while a batch waits: {@link InboxStoppedException}, which the channel's failure strategy
 *   ({@link InboxFailureStrategy}) neither dead-letters nor commits; the batch is consumed again on the next start.</li>
 * </ul>
 * The wait blocks the calling worker thread only. SmallRye's Kafka connector polls on its own thread and pauses the
 * partitions when its queue is full, so a wait of any length neither exceeds {@code max.poll.interval.ms} nor drops the
 * consumer from its group. An ordered {@code @Blocking} method takes one batch at a time, so while one batch waits the
 * other partitions of that channel wait too: every aggregate's events stay in order, and a database outage stops all
 * of them anyway.
 */
@ApplicationScoped
public class BatchInbox {

    private static final Logger LOG = Logger.getLogger(BatchInbox.class);
    static final String METRIC = "fupin.inbox.events";
    static final String BATCH_SIZE_METRIC = "fupin.inbox.batch.size";
    static final String SPLITS_METRIC = "fupin.inbox.batch.splits";

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry metrics;
    @Inject
    InboxConfig config;
    @Inject
    Config channels;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** Batches waiting for a failure to pass, by channel; read by the readiness check. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private KafkaProducer<String, String> deadLetterProducer;

    /** A batch (or one record) being retried: what, since when, how often, and the last failure (types and SQLStates only). */
    public record Waiting(String event, String type, Instant since, int attempts, FailureClassifier.Kind kind, String lastFailure) {
    }

    /** A checked record and its event. */
    private record Item(ConsumerRecord<String, String> record, InboundEvent event) {
    }

    /**
     * Applies the batch: each event's effect once per event id, poison records dead-lettered alone.
     *
     * @param channel the incoming channel the records came from (its {@code dead-letter-queue.topic} receives poison)
     * @param effect  called once per attempt, inside the transaction that records the event ids, with the new events
     * @return how many events were applied (new, not dead-lettered)
     * @throws InboxStoppedException when the service stops while the batch waits for a transient failure to pass
     */
    public int consume(String channel, ConsumerRecords<String, String> records, Consumer<List<InboundEvent>> effect) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return consume(channel, list, effect);
    }

    /** As {@link #consume(String, ConsumerRecords, Consumer)}, for records in the order they are to be applied. */
    public int consume(String channel, List<ConsumerRecord<String, String>> records, Consumer<List<InboundEvent>> effect) {
        DistributionSummary.builder(BATCH_SIZE_METRIC).description("records per consumed batch").tag("channel", channel)
                .register(metrics).record(records.size());
        List<Item> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                valid.add(new Item(record, checked(record)));
            } catch (PoisonEventException poison) {
                deadLetter(channel, record, null, poison, FailureClassifier.Kind.POISON, 0);
            }
        }
        Attempts attempts = new Attempts(channel, effect);
        BatchBisector<Item> bisector = new BatchBisector<>(config.maxAttempts());
        bisector.run(valid, attempts);
        if (bisector.splits() > 0) {
            metrics.counter(SPLITS_METRIC, "channel", channel).increment(bisector.splits());
        }
        return attempts.applied;
    }

    /** The batches waiting now, by channel; empty when the inbox is not held up. */
    public Map<String, Waiting> waiting() {
        return Map.copyOf(waiting);
    }

    /** Back-off before attempt n+1: min × 2^(n-1), at most max. */
    Duration backoff(int failedAttempts) {
        Duration min = config.minBackoff();
        Duration max = config.maxBackoff();
        int shift = Math.min(failedAttempts - 1, 30);
        long millis = min.toMillis() << shift;
        return millis <= 0 || millis >= max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** Compiles every event type's JSON Schema once, so the first event of a type does not wait for it. */
    void onStart(@Observes StartupEvent ignored) {
        // compiled off the start-up path (every service starts this bean); a record that arrives first compiles its own
        Thread compile = new Thread(() -> {
            for (Class<?> type : EventCatalog.ALL) {
                EventSchemas.schema(EventCatalog.typeOf(type).value());
            }
        }, "inbox-schema-compile");
        compile.setDaemon(true);
        compile.start();
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stopping.countDown(); // a waiting batch gives up now and is consumed again on the next start
        synchronized (this) {
            if (deadLetterProducer != null) {
                deadLetterProducer.close(Duration.ofSeconds(5));
                deadLetterProducer = null;
            }
        }
    }

    /** The attempts on one batch: the transaction, the dead letters, the waits. */
    private final class Attempts implements BatchBisector.Steps<Item> {
        final String channel;
        final Consumer<List<InboundEvent>> effect;
        Instant since;
        int applied;

        Attempts(String channel, Consumer<List<InboundEvent>> effect) {
            this.channel = channel;
            this.effect = effect;
        }

        @Override
        public void apply(List<Item> segment) {
            List<InboundEvent> fresh = QuarkusTransaction.requiringNew().call(() -> {
                Set<UUID> inserted = recordIds(segment);
                List<InboundEvent> events = new ArrayList<>(inserted.size());
                for (Item i : segment) {
                    if (inserted.remove(i.event().id())) { // the first of an id repeated inside the batch
                        events.add(i.event());
                    }
                }
                if (!events.isEmpty()) {
                    effect.accept(events);
                }
                return events;
            });
            applied += fresh.size();
            Map<String, Integer> byType = new HashMap<>();
            segment.forEach(i -> byType.merge(i.event().type(), 1, Integer::sum));
            fresh.forEach(e -> {
                byType.merge(e.type(), -1, Integer::sum);
                count(e.type(), "applied", 1);
            });
            byType.forEach((type, duplicates) -> count(type, "duplicate", duplicates));
            if (since != null) {
                LOG.infof("%s applied after waiting %s", label(segment), Duration.between(since, Instant.now()));
            }
        }

        @Override
        public void deadLetter(Item item, RuntimeException failure, FailureClassifier.Kind kind, int attempts) {
            BatchInbox.this.deadLetter(channel, item.record(), item.event(), failure, kind, attempts);
        }

        @Override
        public void awaitRetry(List<Item> segment, int failedAttempts, FailureClassifier.Kind kind, RuntimeException failure) {
            if (since == null) {
                since = Instant.now();
            }
            String label = label(segment);
            String described = FailureClassifier.describe(failure);
            waiting.put(channel, new Waiting(label, typeOf(segment), since, failedAttempts, kind, described));
            Map<String, Integer> byType = new HashMap<>();
            segment.forEach(i -> byType.merge(i.event().type(), 1, Integer::sum));
            String outcome = kind == FailureClassifier.Kind.TRANSIENT ? "transient-retry" : "unclassified-retry";
            byType.forEach((type, n) -> count(type, outcome, n));
            Duration pause = backoff(failedAttempts);
            if (kind == FailureClassifier.Kind.TRANSIENT) {
                // the first failure, then about once a minute at the maximum back-off: an outage is not a log flood
                if (failedAttempts == 1 || failedAttempts % 6 == 0) {
                    LOG.warnf("%s waits for a transient failure (attempt %d, next in %s): %s", label, failedAttempts, pause, described);
                }
            } else {
                LOG.warnf(failure, "%s failed unexpectedly (%d attempts, at most %d)", label, failedAttempts, config.maxAttempts());
            }
            pause(pause, label, failure);
        }

        @Override
        public void settled(List<Item> segment, int attempts) {
            since = null;
            waiting.remove(channel);
        }
    }

    /** Inserts the ids of the segment into inbox_event in one statement; returns those that were not there yet. */
    private Set<UUID> recordIds(List<Item> segment) {
        UUID[] ids = new UUID[segment.size()];
        String[] types = new String[segment.size()];
        String[] sources = new String[segment.size()];
        for (int i = 0; i < ids.length; i++) {
            InboundEvent e = segment.get(i).event();
            ids[i] = e.id();
            types[i] = e.type();
            sources[i] = e.source();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            // an id twice in the batch: the second row conflicts with the first and is skipped like any duplicate
            try (PreparedStatement ps = c.prepareStatement("insert into inbox_event (event_id, event_type, source)"
                    + " select * from unnest(?::uuid[], ?::varchar[], ?::varchar[])"
                    + " on conflict (event_id) do nothing returning event_id")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("varchar", types));
                ps.setArray(3, c.createArrayOf("varchar", sources));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }

    /** The record's headers, type and payload against the contracts; a record that fails them is poison. */
    static InboundEvent checked(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record); // PoisonEventException without its CloudEvents attributes
        if (EventCatalog.classOf(event.type()).isEmpty()) {
            throw new PoisonEventException("unknown event type " + event.type() + " of event " + label(record, event));
        }
        Set<String> violations = event.payload() == null ? Set.of("no payload") : EventSchemas.validate(event.type(), event.payload());
        if (!violations.isEmpty()) {
            // the validator's messages name a JSON path and the rule broken (events carry no personal data anyway)
            throw new PoisonEventException("payload of event " + label(record, event) + " is not valid against the schema of "
                    + event.type() + ": " + String.join("; ", violations.stream().sorted().limit(5).toList()));
        }
        return event;
    }

    /**
     * Sends the record to the channel's dead-letter topic, as the connector's dead-letter strategy would, and waits for
     * the acknowledgement. While the broker refuses it, retried with back-off (readiness DOWN), never skipped.
     */
    private void deadLetter(String channel, ConsumerRecord<String, String> record, InboundEvent event, RuntimeException failure,
                            FailureClassifier.Kind kind, int attempts) {
        String label = label(record, event);
        String type = event != null ? event.type() : typeOf(record);
        String why = kind == FailureClassifier.Kind.POISON ? "it can never succeed"
                : "an unexpected failure persisted over " + attempts + " attempts";
        LOG.errorf("event %s goes to the dead-letter topic, %s: %s", label, why, FailureClassifier.describe(failure));
        RuntimeException reason = failure instanceof PoisonEventException ? failure
                : new PoisonEventException(kind == FailureClassifier.Kind.POISON
                ? "event " + label + " violates its contract: " + FailureClassifier.describe(failure)
                : "event " + label + " failed " + attempts + " times: " + FailureClassifier.describe(failure), failure);
        ProducerRecord<String, String> dead = new ProducerRecord<>(deadLetterTopic(channel), null, record.key(), record.value());
        header(dead, "dead-letter-exception-class-name", reason.getClass().getName());
        header(dead, "dead-letter-reason", message(reason));
        if (reason.getCause() != null) {
            header(dead, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
            header(dead, "dead-letter-cause", message(reason.getCause()));
        }
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        record.headers().forEach(h -> dead.headers().add(h));
        Instant since = null;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    deadLetterProducer().send(dead).get(30, TimeUnit.SECONDS);
                    count(type, "dead-lettered", 1);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InboxStoppedException("interrupted while dead-lettering " + label + "; not committed", e);
                } catch (ExecutionException | java.util.concurrent.TimeoutException | org.apache.kafka.common.KafkaException e) {
                    resetDeadLetterProducer();
                    if (since == null) {
                        since = Instant.now();
                    }
                    String described = FailureClassifier.describe(e);
                    waiting.put(channel, new Waiting("dead letter " + label, type, since, attempt, FailureClassifier.Kind.TRANSIENT,
                            described));
                    Duration pause = backoff(attempt);
                    if (attempt == 1 || attempt % 6 == 0) {
                        LOG.warnf("dead letter %s waits for the broker (attempt %d, next in %s): %s", label, attempt, pause, described);
                    }
                    pause(pause, "dead letter " + label, new IllegalStateException(described, e));
                }
            }
        } finally {
            if (since != null) {
                waiting.remove(channel);
            }
        }
    }

    /** The channel's {@code dead-letter-queue.topic}, or the connector's default {@code dead-letter-topic-<channel>}. */
    String deadLetterTopic(String channel) {
        return channels.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse("dead-letter-topic-" + channel);
    }

    private synchronized KafkaProducer<String, String> deadLetterProducer() {
        if (deadLetterProducer == null) {
            Map<String, Object> props = new HashMap<>();
            kafkaConfig.forEach((k, v) -> {
                if (ProducerConfig.configNames().contains(k)) { // bootstrap servers, security: the defaults of every channel
                    props.put(k, v);
                }
            });
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "fupin-inbox-dead-letters-" + UUID.randomUUID().toString().substring(0, 8));
            deadLetterProducer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return deadLetterProducer;
    }

    private synchronized void resetDeadLetterProducer() {
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ZERO);
            deadLetterProducer = null;
        }
    }

    private void pause(Duration pause, String label, RuntimeException failure) {
        try {
            if (stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InboxStoppedException("stopping while " + label + " waits; not applied, not committed", failure);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InboxStoppedException("interrupted while " + label + " waits; not applied, not committed", failure);
        }
    }

    private static String label(List<Item> segment) {
        if (segment.size() == 1) {
            Item i = segment.get(0);
            return "event " + label(i.record(), i.event());
        }
        ConsumerRecord<?, ?> first = segment.get(0).record();
        ConsumerRecord<?, ?> last = segment.get(segment.size() - 1).record();
        return "batch of " + segment.size() + " events (" + first.topic() + "-" + first.partition() + "@" + first.offset()
                + " … " + last.topic() + "-" + last.partition() + "@" + last.offset() + ")";
    }

    private static String label(ConsumerRecord<?, ?> record, InboundEvent event) {
        String at = record.topic() + "-" + record.partition() + "@" + record.offset();
        return event == null ? at : event.id() + " (" + event.type() + ") at " + at;
    }

    private static String typeOf(List<Item> segment) {
        String type = segment.get(0).event().type();
        return segment.stream().allMatch(i -> i.event().type().equals(type)) ? type : "mixed";
    }

    /** The ce_type of a record that failed its checks, if it is a known one (metrics are tagged by known types only). */
    private static String typeOf(ConsumerRecord<String, String> record) {
        var h = record.headers().lastHeader(org.fupin.contracts.CloudEventHeaders.TYPE);
        String type = h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        return type != null && EventCatalog.classOf(type).isPresent() ? type : "unknown";
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private void count(String type, String outcome, int n) {
        if (n > 0) {
            metrics.counter(METRIC, "type", type, "outcome", outcome).increment(n);
        }
    }
}
