package org.fupin.reporting.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.BatchInbox;
import org.fupin.reporting.service.ProjectProjection;

/**
 * Project events ({@code fupin.project.v1}) → the newest snapshot per project, once per event id (the inbox), a batch
 * at a time, like {@link HouseholdEventsConsumer}: poison records are dead-lettered alone
 * ({@code fupin.project.v1.reporting-service.dlq}), transient failures retry the batch until it succeeds.
 */
@ApplicationScoped
public class ProjectEventsConsumer {

    static final String CHANNEL = "project-events";

    @Inject
    BatchInbox inbox;
    @Inject
    ProjectProjection projection;

    @Incoming(CHANNEL)
    @Blocking // ordered: one batch at a time per channel
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, projection::applyAll);
    }
}
