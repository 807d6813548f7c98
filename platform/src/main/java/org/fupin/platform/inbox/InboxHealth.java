package org.fupin.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the consumers: DOWN while the {@link Inbox} retries a record (a transient failure such as the database
 * refusing connections, or an unexpected one), UP again once it is applied. The data names each waiting record by
 * event id, type and topic-partition@offset, since when it waits, the attempts, and the last failure's exception
 * types and SQLStates. A service that consumes nothing is always UP.
 */
@Readiness
@ApplicationScoped
public class InboxHealth implements HealthCheck {

    @Inject
    Inbox inbox;

    @Override
    public HealthCheckResponse call() {
        var waiting = inbox.waiting();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("inbox").status(waiting.isEmpty());
        waiting.forEach((partition, w) -> r.withData(partition, "inbox waiting on " + w.kind().name().toLowerCase()
                + " failure since " + w.since() + ": event " + w.event() + ", " + w.attempts() + " attempts, last " + w.lastFailure()));
        return r.build();
    }
}
