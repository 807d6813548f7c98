package org.fupin.platform.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.outbox.Outbox;

/**
 * The last two steps of every use case, in the use case's transaction: append the events the domain method returned to
 * the outbox, then audit the change. A use case is
 * <pre>
 *   load the aggregate (locked, region-checked) → call a domain method → save → {@code changes.record(…)}
 * </pre>
 * so no service repeats the outbox/audit sequence by hand, and a change can never be saved without its events.
 */
@ApplicationScoped
public class ChangeRecorder {

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AggregateChange change) {
        for (Object event : change.events()) {
            outbox.append(change.aggregateId(), change.version(), change.regionCode(), event);
        }
        String detail = change.detail() == null || change.detail().isBlank() ? "" : change.detail() + "; ";
        audit.record(change.action(), change.aggregateType(), change.aggregateId(), change.regionCode(),
                detail + "effective " + change.effectiveDate());
    }
}
