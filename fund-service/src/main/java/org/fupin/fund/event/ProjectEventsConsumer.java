package org.fupin.fund.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fupin.platform.inbox.BatchInbox;

/**
 * Project events → fund-service's replica of the project library ({@code project_replica}), once per event id (the
 * inbox), a batch at a time; fund-service never calls project-service.
 * <p>
 * The connector hands over what one poll returned (batch mode); the platform {@link BatchInbox} dedupes it against the
 * inbox in one statement and applies the new events set-based in one transaction ({@link ProjectReplicaProjection}),
 * then the connector commits the offsets. A poison record is dead-lettered alone to {@code fupin.project.v1.fund.dlq};
 * a transient failure (the fund database down, a timeout, a row held by an allocation) retries the batch with back-off
 * until it succeeds, readiness DOWN meanwhile. Every event carries the project's full snapshot and the replica keeps the
 * newest version, so it does not depend on the order the events arrive in.
 */
@ApplicationScoped
public class ProjectEventsConsumer {

    static final String CHANNEL = "project-events";

    @Inject
    BatchInbox inbox;
    @Inject
    ProjectReplicaProjection projection;

    @Incoming(CHANNEL)
    @Blocking // ordered: one batch at a time per channel
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(CHANNEL, records, projection::applyAll);
    }
}
