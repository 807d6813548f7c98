package org.fupin.platform.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.outbox.Outbox;

import java.util.ArrayList;
import java.util.List;

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
        audit.record(change.action(), change.aggregateType(), change.aggregateId(), change.regionCode(), auditDetail(change));
    }

    /**
     * The same as {@link #record} for many changes at once (a bulk import): all their events in one batch, then all
     * their audit lines in one batch. The changes of one aggregate must be listed in the order of their versions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<AggregateChange> changes) {
        List<Outbox.Pending> events = new ArrayList<>();
        List<AuditTrail.Entry> lines = new ArrayList<>(changes.size());
        for (AggregateChange change : changes) {
            for (Object event : change.events()) {
                events.add(new Outbox.Pending(change.aggregateId(), change.version(), change.regionCode(), event));
            }
            lines.add(new AuditTrail.Entry(change.action(), change.aggregateType(), change.aggregateId(), change.regionCode(),
                    auditDetail(change)));
        }
        outbox.appendAll(events);
        audit.recordAll(lines);
    }

    private static String auditDetail(AggregateChange change) {
        String detail = change.detail() == null || change.detail().isBlank() ? "" : change.detail() + "; ";
        return detail + "effective " + change.effectiveDate();
    }
}
