package org.fupin.reporting.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.BatchInbox;
import org.fupin.reporting.service.FreshnessService;
import org.fupin.reporting.service.FundProjection;

/**
 * Fund events ({@code fupin.fund.v1}) → the fund facts, once per event id (the inbox) and once per entry id (the facts'
 * key), a batch at a time, like {@link ProjectEventsConsumer}: poison records are dead-lettered alone
 * ({@code fupin.fund.v1.reporting.dlq}), transient failures retry the batch until it succeeds.
 */
@ApplicationScoped
public class FundEventsConsumer {

    static final String CHANNEL = "fund-events";

    @Inject
    BatchInbox inbox;
    @Inject
    FreshnessService freshness;
    @Inject
    FundProjection projection;

    @Incoming(CHANNEL)
    @Blocking // ordered: one batch at a time per channel
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, events -> {
            projection.applyAll(events);
            freshness.applied(CHANNEL, EventTimes.latest(records, events)); // last: its row lock is held only until the commit
        });
    }
}
