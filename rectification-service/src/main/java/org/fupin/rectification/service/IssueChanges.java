package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.usecase.AggregateChange;
import org.fupin.platform.usecase.ChangeRecorder;
import org.fupin.rectification.domain.Change;
import org.fupin.rectification.domain.IssueLifecycle;
import org.fupin.rectification.domain.LedgerEntry;
import org.fupin.rectification.domain.Milestone;
import org.fupin.rectification.domain.Transition;
import org.fupin.rectification.repository.ExtensionRepository;
import org.fupin.rectification.repository.ExtensionRow;
import org.fupin.rectification.repository.HistoryRepository;
import org.fupin.rectification.repository.HistoryRow;
import org.fupin.rectification.repository.Issue;
import org.fupin.rectification.repository.IssueRepository;
import org.fupin.rectification.repository.LedgerEntryRepository;
import org.fupin.rectification.repository.LedgerEntryRow;
import org.fupin.rectification.repository.MilestoneRepository;
import org.fupin.rectification.repository.MilestoneRow;
import org.fupin.rectification.repository.Source;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Saves a change the domain decided: copies the lifecycle's values onto the issue, inserts the ledger entries,
 * extensions and history lines it added (nothing is updated but a milestone reached, nothing deleted), bumps the version
 * (a new issue starts at 1), then hands the events (one outbox row each: topic {@code fupin.rectification.v1}, key =
 * issue id, the version, the business date) and the audit line to the platform's {@link ChangeRecorder} — all in the use
 * case's transaction.
 */
@ApplicationScoped
public class IssueChanges {

    /** The aggregate type of audit lines and outbox rows. */
    public static final String AGGREGATE = "rectification-issue";

    @Inject
    IssueRepository issues;
    @Inject
    LedgerEntryRepository ledger;
    @Inject
    ExtensionRepository extensions;
    @Inject
    MilestoneRepository milestones;
    @Inject
    HistoryRepository history;
    @Inject
    ChangeRecorder recorder;
    @Inject
    AuditTrail audit;

    /** A newly raised issue: stored at version 1 with its milestones and first history line. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LoadedIssue saveNew(IssueLifecycle l, Source source, Change change) {
        Issue i = new Issue();
        i.id = UUID.fromString(l.id());
        i.sourceId = source.id;
        i.findingKey = l.findingKey();
        i.version = 1;
        i.createdAt = i.updatedAt = OffsetDateTime.now();
        i.createdBy = i.updatedBy = audit.actor();
        i.apply(l);
        issues.persist(i);
        issues.flush(); // a lost race at the unique finding-key index surfaces here, before anything else is written
        LoadedIssue loaded = new LoadedIssue(i, source, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        rows(loaded, l);
        record(i, change);
        return loaded;
    }

    /** A change of a stored issue: version + 1. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(LoadedIssue loaded, IssueLifecycle l, Change change) {
        Issue i = loaded.issue();
        i.apply(l);
        i.version++;
        i.updatedAt = OffsetDateTime.now();
        i.updatedBy = audit.actor();
        rows(loaded, l);
        record(i, change);
    }

    private void rows(LoadedIssue loaded, IssueLifecycle l) {
        UUID id = loaded.issue().id;
        List<LedgerEntry> entries = l.ledger();
        for (int n = loaded.ledger().size(); n < entries.size(); n++) {
            LedgerEntryRow r = LedgerEntryRow.of(id, entries.get(n));
            ledger.persist(r);
            loaded.ledger().add(r);
        }
        var xs = l.extensions();
        for (int n = loaded.extensions().size(); n < xs.size(); n++) {
            ExtensionRow r = ExtensionRow.of(id, xs.get(n));
            extensions.persist(r);
            loaded.extensions().add(r);
        }
        List<Milestone> ms = l.milestones();
        for (int n = 0; n < ms.size(); n++) {
            Milestone m = ms.get(n);
            if (n < loaded.milestones().size()) {
                MilestoneRow r = loaded.milestones().get(n);
                if (r.reachedOn == null && m.reachedOn() != null) {
                    r.reachedOn = m.reachedOn();
                    r.entryNumber = m.entryNumber();
                }
            } else {
                MilestoneRow r = MilestoneRow.of(id, m);
                milestones.persist(r);
                loaded.milestones().add(r);
            }
        }
        List<Transition> ts = l.history();
        for (int n = loaded.history().size(); n < ts.size(); n++) {
            HistoryRow r = HistoryRow.of(id, n + 1, ts.get(n));
            history.persist(r);
            loaded.history().add(r);
        }
    }

    private void record(Issue i, Change change) {
        recorder.record(new AggregateChange(AGGREGATE, i.id.toString(), i.version, i.regionCode, change.effectiveDate(),
                AGGREGATE + "." + change.action(), change.auditDetail(), change.events()));
    }
}
