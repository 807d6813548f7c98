package org.fupin.project.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.BatchInbox;

/**
 * Household events → project-service's replica of the registry ({@code household_replica}), once per event id (the
 * inbox), a batch at a time; project-service never calls household-service.
 * <p>
 * The connector hands over what one poll returned (batch mode); the platform {@link BatchInbox} dedupes it against the
 * inbox in one statement and applies the new events set-based in one transaction ({@link HouseholdReplicaProjection}),
 * then the connector commits the offsets. A poison record is dead-lettered alone to
 * {@code fupin.household.v1.project.dlq}; a transient failure (the project database down, a timeout) retries
 * the batch with back-off until it succeeds, readiness DOWN meanwhile. The replica keeps the newest version per field,
 * so it does not even depend on the order the events arrive in.
 */
@ApplicationScoped
public class HouseholdEventsConsumer {

    static final String CHANNEL = "household-events";

    @Inject
    BatchInbox inbox;
    @Inject
    HouseholdReplicaProjection projection;

    @Incoming(CHANNEL)
    @Blocking // ordered: one batch at a time per channel
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, projection::applyAll);
    }
}
