package org.fupin.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the consumers: DOWN while the {@link BatchInbox} retries a batch or a record (a transient failure such
 * as the database refusing connections, an unexpected one, or the dead-letter topic not writable), UP again once it is
 * applied. The data names, per channel, what waits (a batch by its first and last topic-partition@offset, a record by
 * event id, type and topic-partition@offset), since when, the attempts, and the last failure's exception types and
 * SQLStates. A service that consumes nothing is always UP.
 */
@Readiness
@ApplicationScoped
public class InboxHealth implements HealthCheck {

    @Inject
    BatchInbox inbox;

    @Override
    public HealthCheckResponse call() {
        var waiting = inbox.waiting();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("inbox").status(waiting.isEmpty());
        waiting.forEach((channel, w) -> r.withData(channel, "inbox waiting on " + w.kind().name().toLowerCase()
                + " failure since " + w.since() + ": " + w.event() + ", " + w.attempts() + " attempts, last " + w.lastFailure()));
        return r.build();
    }
}
