package org.fupin.reporting.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.BatchInbox;
import org.fupin.reporting.service.FreshnessService;
import org.fupin.reporting.service.HouseholdProjection;

/**
 * Household events → household facts, once per event id (the inbox), in partition order, a batch at a time.
 * <p>
 * The connector hands over what one poll returned (batch mode); the platform {@link BatchInbox} dedupes it against the
 * inbox in one statement and applies the new events set-based in one transaction, then the connector commits the
 * offsets. A poison record is dead-lettered alone (the batch is split to find it); a transient failure (the reporting
 * database down, a timeout, a deadlock) retries the batch, with back-off, until it succeeds, and readiness is DOWN
 * meanwhile. One batch at a time for the whole channel (ordered {@code @Blocking}): the per-household order the
 * projection's version guard relies on holds without further coordination.
 */
@ApplicationScoped
public class HouseholdEventsConsumer {

    static final String CHANNEL = "household-events";

    @Inject
    BatchInbox inbox;
    @Inject
    FreshnessService freshness;
    @Inject
    HouseholdProjection projection;

    @Incoming(CHANNEL)
    @Blocking // ordered: one batch at a time per channel, so a partition is applied in order
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, events -> {
            projection.applyAll(events);
            freshness.applied(CHANNEL, EventTimes.latest(records, events)); // last: its row lock is held only until the commit
        });
    }
}
