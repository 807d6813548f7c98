package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.rectification.domain.Change;
import org.fupin.rectification.domain.Finding;
import org.fupin.rectification.domain.IssueData;
import org.fupin.rectification.domain.IssueLifecycle;
import org.fupin.rectification.domain.Refusal;
import org.fupin.rectification.repository.Issue;
import org.fupin.rectification.repository.IssueRepository;
import org.fupin.rectification.repository.Source;
import org.fupin.rectification.repository.SourceRepository;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The issue side of the system check (系统核查), in the caller's transaction (a consumer's batch, the scheduled run):
 * raising takes a transaction-scoped advisory lock on the finding key first, so two runs (replicas, a replayed event)
 * never both raise — the second waits and then sees the first one's open issue; the unique partial index on
 * {@code finding_key where state <> 'CLOSED'} is the last guard. The issue is saved like any other ({@link IssueChanges}):
 * version, history, outbox event, audit (actor {@code system} outside a request).
 */
@ApplicationScoped
public class SystemFindingsService implements SystemFindings {

    private static final Logger LOG = Logger.getLogger(SystemFindingsService.class);

    @Inject
    IssueRepository issues;
    @Inject
    SourceRepository sources;
    @Inject
    IssueLoader loader;
    @Inject
    IssueChanges changes;
    @Inject
    RulesProvider rules;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> raiseIfNoneOpen(Finding finding, IssueData issue, LocalDate day) {
        issues.lockFindingKey(finding.key());
        if (issues.openWithKey(finding.key())) {
            return Optional.empty();
        }
        Source source = sources.forRule(finding.rule().code())
                .orElseThrow(() -> new IllegalStateException("no system-check source for rule " + finding.rule().code()));
        UUID id = UUID.randomUUID();
        IssueLifecycle l = IssueLifecycle.newFinding(id.toString(), source.domain(), finding.key());
        Change c;
        try {
            c = l.raiseFinding(issue, rules.rules(), day);
        } catch (Refusal r) {
            // a misconfiguration (e.g. a rule category not among the configured ones): never the event's fault
            throw new IllegalStateException("system-check issue for " + finding.key() + " refused: " + r.getMessage(), r);
        }
        changes.saveNew(l, source, c);
        LOG.debugf("system check raised issue %s for %s", id, finding.key());
        return Optional.of(id);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(String findingKey, String why, LocalDate day) {
        Optional<Issue> open = issues.openWithKeyForUpdate(findingKey);
        if (open.isEmpty()) {
            return;
        }
        LoadedIssue loaded = loader.load(open.get());
        IssueLifecycle l = loaded.lifecycle();
        Change c = l.systemClear(day, why);
        if (c == null) {
            return; // already REPORTED: a repeated run changes nothing
        }
        changes.save(loaded, l, c);
        LOG.debugf("system check cleared issue %s (%s)", loaded.issue().id, findingKey);
    }
}
