package org.fupin.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.household.domain.Change;
import org.fupin.household.domain.HouseholdLifecycle;
import org.fupin.household.repository.Household;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.usecase.AggregateChange;
import org.fupin.platform.usecase.ChangeRecorder;

import java.time.OffsetDateTime;

/**
 * Saves a change the domain decided: stores the lifecycle's new values on the household, bumps its version (not for a
 * new household, which starts at 1), writes its history line, then hands the events and the audit to the platform's
 * {@link ChangeRecorder}. The household is managed by the persistence context, so the flush at commit writes it.
 */
@ApplicationScoped
public class HouseholdChanges {

    @Inject
    HouseholdHistoryWriter history;
    @Inject
    ChangeRecorder recorder;
    @Inject
    AuditTrail audit;

    /** A change of an existing household: version + 1. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Household h, HouseholdLifecycle lifecycle, Change change) {
        h.apply(lifecycle);
        h.version++;
        h.updatedAt = OffsetDateTime.now();
        h.updatedBy = audit.actor();
        recorded(h, change);
    }

    /** The change that entered a new household (already persisted at version 1). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveNew(Household h, HouseholdLifecycle lifecycle, Change change) {
        h.apply(lifecycle);
        recorded(h, change);
    }

    private void recorded(Household h, Change change) {
        history.write(h, change);
        recorder.record(new AggregateChange("household", h.id.toString(), h.version, h.regionCode, change.effectiveDate(),
                "household." + change.action(), change.auditDetail(), change.events()));
    }
}
