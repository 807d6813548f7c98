package org.fupin.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.household.domain.Change;
import org.fupin.household.domain.HouseholdLifecycle;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdHistory;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.usecase.AggregateChange;
import org.fupin.platform.usecase.ChangeRecorder;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Changes decided for new households that are stored later, all at once (a chunk of a bulk import): history lines
     * and recorded changes in decision order, and the poverty lines looked up for them.
     */
    public static final class Pending {
        private final List<Household> households = new ArrayList<>();
        private final List<HouseholdHistory> lines = new ArrayList<>();
        private final List<AggregateChange> changes = new ArrayList<>();
        final Map<String, Optional<BigDecimal>> povertyLines = new HashMap<>();

        /** The households decided, in decision order. */
        public List<Household> households() {
            return households;
        }

        public List<HouseholdHistory> lines() {
            return lines;
        }

        public List<AggregateChange> changes() {
            return changes;
        }

        void add(Household h) {
            households.add(h);
        }
    }

    /** A change of an existing household: version + 1. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Household h, HouseholdLifecycle lifecycle, Change change) {
        save(h, lifecycle, change, null);
    }

    /** The same, kept in {@code pending} (when not null) instead of being written now. */
    void save(Household h, HouseholdLifecycle lifecycle, Change change, Pending pending) {
        h.apply(lifecycle);
        h.version++;
        h.updatedAt = OffsetDateTime.now();
        h.updatedBy = audit.actor();
        recorded(h, change, pending);
    }

    /** The change that entered a new household (already persisted at version 1). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveNew(Household h, HouseholdLifecycle lifecycle, Change change) {
        saveNew(h, lifecycle, change, null);
    }

    /** The same for a household not stored yet, kept in {@code pending} (when not null) instead of being written now. */
    void saveNew(Household h, HouseholdLifecycle lifecycle, Change change, Pending pending) {
        h.apply(lifecycle);
        recorded(h, change, pending);
    }

    private void recorded(Household h, Change change, Pending pending) {
        HouseholdHistory line = history.line(h, change);
        AggregateChange recorded = new AggregateChange("household", h.id.toString(), h.version, h.regionCode, change.effectiveDate(),
                "household." + change.action(), change.auditDetail(), change.events());
        if (pending == null) {
            history.write(line);
            recorder.record(recorded);
        } else {
            pending.lines.add(line);
            pending.changes.add(recorded);
        }
    }
}
