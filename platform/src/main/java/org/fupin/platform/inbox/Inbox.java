package org.fupin.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Idempotent consumption with classified failures.
 * <ul>
 *   <li><b>Once</b>: the event id is inserted into {@code inbox_event} in the same transaction as the effect, so an
 *   event delivered twice (a rebalance, a reset offset, a relay retry) has its effect once.</li>
 *   <li><b>Poison</b> (unparseable, unknown type, not valid against its JSON Schema, CloudEvents headers missing, or a
 *   {@link PoisonEventException} / contract violation from the effect; see {@link FailureClassifier}): a
 *   {@link PoisonEventException} is thrown at once, no retries, and the channel's failure strategy
 *   ({@link InboxFailureStrategy}) moves the record to the dead-letter topic, so it never stalls its partition.</li>
 *   <li><b>Transient</b> (the database refuses connections, a timeout, a serialization failure, a deadlock…): retried
 *   in place with exponential back-off ({@code fupin.inbox.min-backoff} doubling to {@code fupin.inbox.max-backoff})
 *   <b>until it succeeds</b>; never dead-lettered, and the offset is not committed before the effect is (the
 *   consumer's {@code throttled} commit strategy only commits acknowledged offsets). Readiness is DOWN while a record
 *   waits ({@link InboxHealth}).</li>
 *   <li><b>Unclassified</b> (a bug in the effect): retried {@code fupin.inbox.max-attempts} times, then dead-lettered.</li>
 *   <li>The service stopping while a record waits: {@link InboxStoppedException}, which the failure strategy neither
 *   dead-letters nor commits; the record is consumed again on the next start.</li>
 * </ul>
 * The wait blocks the calling worker thread only. SmallRye's Kafka connector polls on its own thread and pauses the
 * partitions when its queue is full, so a wait of any length neither exceeds {@code max.poll.interval.ms} nor drops the
 * consumer from its group, and consumption resumes where it stopped. A channel consumed with {@code @Blocking}
 * (ordered) applies one record at a time, so while one record waits the other partitions of that channel wait too:
 * that keeps every aggregate's events in order, and a database outage stops all of them anyway.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    static final String METRIC = "fupin.inbox.events";

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry metrics;
    @Inject
    InboxConfig config;

    /** Records waiting for a failure to pass, by topic-partition; read by the readiness check. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    /** A record being retried: what, since when, how often, and the last failure (types and SQLStates only). */
    public record Waiting(String event, String type, Instant since, int attempts, FailureClassifier.Kind kind, String lastFailure) {
    }

    /**
     * Applies the effect once per event id.
     *
     * @return true when the effect ran, false for a duplicate
     * @throws PoisonEventException  when the record can never succeed (the channel dead-letters it)
     * @throws InboxStoppedException when the service stops while the record waits for a transient failure to pass
     */
    public boolean consume(ConsumerRecord<String, String> record, Consumer<InboundEvent> effect) {
        InboundEvent event = checked(record);
        String where = record.topic() + "-" + record.partition();
        String label = event.id() + " (" + event.type() + ") at " + where + "@" + record.offset();
        Instant since = null;
        int unexpected = 0; // counted apart: failures during an outage do not use up the attempts of a bug
        try {
            for (int attempt = 1; ; attempt++) {
                RuntimeException failure;
                try {
                    boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                        int inserted = em.createNativeQuery("insert into inbox_event (event_id, event_type, source) values (?1, ?2, ?3)"
                                        + " on conflict (event_id) do nothing")
                                .setParameter(1, event.id()).setParameter(2, event.type()).setParameter(3, event.source())
                                .executeUpdate();
                        if (inserted == 0) {
                            return false;
                        }
                        effect.accept(event);
                        return true;
                    });
                    count(event.type(), applied ? "applied" : "duplicate");
                    if (since != null) {
                        LOG.infof("event %s applied after %d attempts (%s)", label, attempt,
                                Duration.between(since, Instant.now()));
                    }
                    return applied;
                } catch (RuntimeException e) {
                    failure = e;
                }
                FailureClassifier.Kind kind = FailureClassifier.classify(failure);
                if (kind == FailureClassifier.Kind.UNCLASSIFIED) {
                    unexpected++;
                }
                if (kind == FailureClassifier.Kind.POISON
                        || kind == FailureClassifier.Kind.UNCLASSIFIED && unexpected >= config.maxAttempts()) {
                    throw deadLetter(event.type(), label, failure, kind, attempt);
                }
                if (since == null) {
                    since = Instant.now();
                }
                String described = FailureClassifier.describe(failure);
                waiting.put(where, new Waiting(label, event.type(), since, attempt, kind, described));
                count(event.type(), kind == FailureClassifier.Kind.TRANSIENT ? "transient-retry" : "unclassified-retry");
                Duration pause = backoff(attempt);
                if (kind == FailureClassifier.Kind.TRANSIENT) {
                    // the first failure, then about once a minute at the maximum back-off: an outage is not a log flood
                    if (attempt == 1 || attempt % 6 == 0) {
                        LOG.warnf("event %s waits for a transient failure (attempt %d, next in %s): %s", label, attempt, pause, described);
                    }
                } else {
                    LOG.warnf(failure, "event %s failed unexpectedly (%d of %d attempts)", label, unexpected, config.maxAttempts());
                }
                pause(pause, label, failure);
            }
        } finally {
            if (since != null) {
                waiting.remove(where);
            }
        }
    }

    /** The records waiting now; empty when the inbox is not held up. */
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
        for (Class<?> type : EventCatalog.ALL) {
            EventSchemas.schema(EventCatalog.typeOf(type).value());
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stopping.countDown(); // a waiting record gives up now and is consumed again on the next start
    }

    private void pause(Duration pause, String label, RuntimeException failure) {
        try {
            if (stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InboxStoppedException("stopping while event " + label + " waits; not applied, not committed", failure);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InboxStoppedException("interrupted while event " + label + " waits; not applied, not committed", failure);
        }
    }

    /** The record's headers, type and payload against the contracts; a record that fails them is poison. */
    private InboundEvent checked(ConsumerRecord<String, String> record) {
        InboundEvent event;
        try {
            event = InboundEvent.from(record);
        } catch (IllegalArgumentException e) {
            throw deadLetter("unknown", record.topic() + "-" + record.partition() + "@" + record.offset(), e,
                    FailureClassifier.Kind.POISON, 0);
        }
        String label = event.id() + " (" + event.type() + ") at " + record.topic() + "-" + record.partition() + "@" + record.offset();
        if (EventCatalog.classOf(event.type()).isEmpty()) {
            throw deadLetter("unknown", label, new PoisonEventException("unknown event type " + event.type()),
                    FailureClassifier.Kind.POISON, 0);
        }
        Set<String> violations = event.payload() == null ? Set.of("no payload") : EventSchemas.validate(event.type(), event.payload());
        if (!violations.isEmpty()) {
            // the validator's messages name a JSON path and the rule broken (events carry no personal data anyway)
            throw deadLetter(event.type(), label, new PoisonEventException("payload is not valid against the schema of "
                    + event.type() + ": " + String.join("; ", violations.stream().sorted().limit(5).toList())),
                    FailureClassifier.Kind.POISON, 0);
        }
        return event;
    }

    private PoisonEventException deadLetter(String type, String label, RuntimeException failure, FailureClassifier.Kind kind, int attempts) {
        count(type, "dead-lettered");
        String why = kind == FailureClassifier.Kind.POISON ? "it can never succeed"
                : "an unexpected failure persisted over " + attempts + " attempts";
        LOG.errorf("event %s goes to the dead-letter topic, %s: %s", label, why, FailureClassifier.describe(failure));
        if (failure instanceof PoisonEventException poison) {
            return poison;
        }
        return new PoisonEventException(kind == FailureClassifier.Kind.POISON
                ? "event " + label + " violates its contract: " + FailureClassifier.describe(failure)
                : "event " + label + " failed " + attempts + " times: " + FailureClassifier.describe(failure), failure);
    }

    private void count(String type, String outcome) {
        metrics.counter(METRIC, "type", type, "outcome", outcome).increment();
    }
}
