package org.fupin.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.household.domain.Change;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdHistory;
import org.fupin.household.repository.HouseholdHistoryRepository;
import org.fupin.platform.audit.AuditTrail;

import java.time.OffsetDateTime;

/** Writes the household's own history line (GET …/history) for a change: who, when, from which state to which. */
@ApplicationScoped
public class HouseholdHistoryWriter {

    @Inject
    HouseholdHistoryRepository history;
    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Household h, Change change) {
        write(line(h, change));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(HouseholdHistory line) {
        history.persist(line);
    }

    /** The line, not yet stored (a bulk import stores many at once). */
    public HouseholdHistory line(Household h, Change change) {
        HouseholdHistory e = new HouseholdHistory();
        e.householdId = h.id;
        e.at = OffsetDateTime.now();
        e.actor = audit.actor();
        e.action = change.action();
        e.fromState = change.from() == null ? null : change.from().name();
        e.toState = change.to().name();
        e.stepDate = change.effectiveDate();
        e.remarks = change.remarks();
        return e;
    }
}
