package org.fupin.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Idempotent consumption: the event id is inserted into {@code inbox_event} in the same transaction as the effect, so
 * an event delivered twice (a rebalance, a reset offset, a relay retry) has its effect once. A failing event is
 * retried a bounded number of times and then rethrown, and the channel's dead-letter strategy moves it aside, so one
 * poison event never stalls its partition.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "fupin.inbox.max-attempts", defaultValue = "3")
    int maxAttempts;
    @ConfigProperty(name = "fupin.inbox.retry-backoff-ms", defaultValue = "200")
    long backoffMs;

    /**
     * Applies the effect once per event id.
     *
     * @return true when the effect ran, false for a duplicate
     */
    public boolean consume(ConsumerRecord<String, String> record, Consumer<InboundEvent> effect) {
        InboundEvent event = InboundEvent.from(record);
        for (int attempt = 1; ; attempt++) {
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
                metrics.counter("fupin.inbox.events", "type", event.type(), "outcome", applied ? "applied" : "duplicate").increment();
                return applied;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    metrics.counter("fupin.inbox.events", "type", event.type(), "outcome", "dead-lettered").increment();
                    LOG.errorf(e, "event %s (%s) failed %d times; sending it to the dead-letter topic", event.id(), event.type(), attempt);
                    throw e;
                }
                LOG.warnf("event %s (%s) failed (attempt %d of %d): %s", event.id(), event.type(), attempt, maxAttempts, e);
                try {
                    Thread.sleep(backoffMs * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
