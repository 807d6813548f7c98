package org.fupin.reporting.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.Inbox;
import org.fupin.reporting.service.HouseholdProjection;

/**
 * Household events → household facts, once per event id (the inbox), in partition order.
 * <p>
 * Failures are classified by the platform {@link Inbox}: a poison record is dead-lettered at once; a transient one
 * (the reporting database down, a timeout, a deadlock) is retried here, with back-off, until it succeeds, and readiness
 * is DOWN meanwhile. One record at a time for the whole channel (ordered {@code @Blocking}): the per-household order
 * the projection's version guard relies on holds without further coordination, and during a database outage the
 * other partitions could not be applied anyway. Concurrency per partition ({@code @Blocking(ordered = false)} with the
 * connector's experimental {@code throttled.ordered=partition}) is the lever if throughput ever needs it.
 */
@ApplicationScoped
public class HouseholdEventsConsumer {

    @Inject
    Inbox inbox;
    @Inject
    HouseholdProjection projection;

    @Incoming("household-events")
    @Blocking // ordered: one record at a time per channel, so a partition is applied in order
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(record, projection::apply);
    }
}
