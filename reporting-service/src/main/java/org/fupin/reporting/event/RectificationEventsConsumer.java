package org.fupin.reporting.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.BatchInbox;
import org.fupin.reporting.service.RectificationProjection;

/**
 * Rectification events ({@code fupin.rectification.v1}) → the issue facts, once per event id (the inbox) and once per
 * issue version (the steps' key), a batch at a time, like {@link FundEventsConsumer}: poison records are dead-lettered
 * alone ({@code fupin.rectification.v1.reporting.dlq}), transient failures retry the batch until it succeeds.
 */
@ApplicationScoped
public class RectificationEventsConsumer {

    static final String CHANNEL = "rectification-events";

    @Inject
    BatchInbox inbox;
    @Inject
    RectificationProjection projection;

    @Incoming(CHANNEL)
    @Blocking // ordered: one batch at a time per channel
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, projection::applyAll);
    }
}
