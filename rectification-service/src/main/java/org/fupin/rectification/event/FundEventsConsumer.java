package org.fupin.rectification.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.BatchInbox;
import org.fupin.rectification.service.SystemCheckRun;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * {@code fupin.fund.v1} → rectification-service's replica ({@link FundEntriesProjection}), once per event id (the platform
 * {@link BatchInbox}: one transaction per batch, poison records to {@code fupin.fund.v1.rectification.dlq} alone,
 * transient failures retried until they succeed), then the system check of the objects the batch touched
 * ({@link SystemCheckRun#checkProjects}) in a transaction of its own: the replica rows
 * stay check-pending until it succeeds, so what a failed check leaves is taken up by the scheduled run, and a check
 * never makes an event poison.
 */
@ApplicationScoped
public class FundEventsConsumer {

    static final String CHANNEL = "fund-events";

    @Inject
    BatchInbox inbox;
    @Inject
    FundEntriesProjection projection;
    @Inject
    SystemCheckRun checks;

    @Incoming(CHANNEL)
    @Blocking // ordered: one batch at a time per channel
    public void consume(ConsumerRecords<String, String> records) {
        Set<UUID> touched = new LinkedHashSet<>();
        inbox.consume(CHANNEL, records, events -> touched.addAll(projection.applyAll(events)));
        if (!touched.isEmpty()) {
            checks.checkProjects(touched);
        }
    }
}
