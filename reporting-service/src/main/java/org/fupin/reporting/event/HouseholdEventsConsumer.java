package org.fupin.reporting.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.Inbox;
import org.fupin.reporting.service.HouseholdProjection;

/** Household events → household facts, once per event id (the inbox), in partition order. */
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
