package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.http.ETags;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.rectification.domain.Actor;
import org.fupin.rectification.domain.IssueAccess;
import org.fupin.rectification.repository.ExtensionRepository;
import org.fupin.rectification.repository.HistoryRepository;
import org.fupin.rectification.repository.Issue;
import org.fupin.rectification.repository.IssueRepository;
import org.fupin.rectification.repository.LedgerEntryRepository;
import org.fupin.rectification.repository.MilestoneRepository;
import org.fupin.rectification.repository.SourceRepository;

import java.util.ArrayList;
import java.util.UUID;

/**
 * The first step of every use case: the issue inside the caller's region (404 outside) and readable by the caller (a
 * unit that is not responsible for it: 404 as well, worded the same), locked when it changes. Both checks come before
 * anything else (If-Match, idempotency, the step), so no answer tells another unit's issue from a missing one.
 */
@ApplicationScoped
public class IssueLoader {

    @Inject
    IssueRepository issues;
    @Inject
    SourceRepository sources;
    @Inject
    LedgerEntryRepository ledger;
    @Inject
    ExtensionRepository extensions;
    @Inject
    MilestoneRepository milestones;
    @Inject
    HistoryRepository history;
    @Inject
    RegionScope region;

    @Transactional(Transactional.TxType.MANDATORY)
    public LoadedIssue forChange(UUID id, Actor actor) {
        Issue i = issues.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("issue", id));
        visible(i, actor);
        return load(i);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public LoadedIssue forRead(UUID id, Actor actor) {
        Issue i = issues.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("issue", id));
        visible(i, actor);
        return load(i);
    }

    /** Only the access checks (evidence downloads need no rows). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issue readable(UUID id, Actor actor) {
        Issue i = issues.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("issue", id));
        visible(i, actor);
        return i;
    }

    private void visible(Issue i, Actor actor) {
        region.requireReadable(i.regionCode, "issue", i.id);
        Refusals.check(i.id, () -> IssueAccess.requireRead(actor, i.units()));
    }

    /** The issue of a system-check run: no caller, no scope. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LoadedIssue load(Issue i) {
        return new LoadedIssue(i, sources.findById(i.sourceId), new ArrayList<>(ledger.of(i.id)),
                new ArrayList<>(extensions.of(i.id)), new ArrayList<>(milestones.of(i.id)), new ArrayList<>(history.of(i.id)));
    }

    /** If-Match must name the current version: 428 when missing, 412 when stale. */
    public static void requireVersion(String ifMatch, Issue i) {
        ETags.requireMatch(ifMatch, i.version);
    }
}
