package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.rectification.domain.Actor;
import org.fupin.rectification.domain.ActorKind;
import org.fupin.rectification.domain.Change;
import org.fupin.rectification.domain.InspectedEvidence;
import org.fupin.rectification.domain.IssueAccess;
import org.fupin.rectification.domain.IssueData;
import org.fupin.rectification.domain.IssueLifecycle;
import org.fupin.rectification.domain.IssueLinks;
import org.fupin.rectification.domain.IssueState;
import org.fupin.rectification.domain.IssueStep;
import org.fupin.rectification.domain.IssueTerm;
import org.fupin.rectification.domain.IssueUnits;
import org.fupin.rectification.domain.LinkRules;
import org.fupin.rectification.domain.Milestone;
import org.fupin.rectification.domain.SourceType;
import org.fupin.rectification.domain.Workflow;
import org.fupin.rectification.repository.EvidenceFile;
import org.fupin.rectification.repository.EvidenceFileRepository;
import org.fupin.rectification.repository.Issue;
import org.fupin.rectification.repository.IssueRepository;
import org.fupin.rectification.repository.Source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rectification workflow's use cases. Each: load the issue (locked; 404 outside the caller's region or, for a unit,
 * outside its issues) → the domain decides ({@link IssueLifecycle}: 403 not the caller's step, 409 not now with the
 * allowed steps, 400 input, 422 rules; nothing written on a refusal) → save, history, outbox and audit in the same
 * transaction ({@link IssueChanges}). Writes on an issue take If-Match (428/412) and an optional Idempotency-Key (the
 * same key and request again answer the issue as it is now).
 */
@ApplicationScoped
public class IssueService {

    @Inject
    IssueRepository issues;
    @Inject
    EvidenceFileRepository evidenceFiles;
    @Inject
    IssueLoader loader;
    @Inject
    IssueChanges changes;
    @Inject
    IssueViews views;
    @Inject
    SourceService sources;
    @Inject
    RulesProvider rules;
    @Inject
    LinkedObjects linked;
    @Inject
    Actors actors;
    @Inject
    RegionScope region;
    @Inject
    Idempotency idempotency;
    @Inject
    AuditTrail audit;

    // ---- raising ----

    /** An inspector raises an issue from a source (问题清单): the record checked (400), the region (403), the links (422). */
    @Transactional
    public IssueViews.IssueDetails raise(IssueCommands.Raise r, String idempotencyKey) {
        Actor actor = actors.current();
        Refusals.check(null, () -> IssueAccess.requireRaise(actor));
        if (r.sourceId() == null || r.sourceId().isBlank()) {
            throw ApiProblem.validation("sourceId", "is required");
        }
        UUID sourceId = uuid(r.sourceId(), "sourceId");
        LocalDate date = Refusals.dateOrToday(r.date(), "date");
        IssueData data = data(r);
        Source source = sources.visible(sourceId);
        IssueLifecycle l = IssueLifecycle.newIssue(UUID.randomUUID().toString(), source.domain());
        Change c = Refusals.decide(null, () -> l.raise(data, rules.rules(), actor, date));
        region.requireWritable(l.data().regionCode(), "regionCode");
        if (!l.data().regionCode().startsWith(source.regionPrefix)) {
            throw ApiProblem.validation("regionCode", "must lie inside the source's region (" + source.regionCode + ")");
        }
        checkLinks(l.data());
        Optional<String> earlier = idempotency.reserve(idempotencyKey, "rectification-issue.raise", r);
        if (earlier.isPresent()) {
            return details(loader.forRead(UUID.fromString(earlier.get()), actor), actor, null);
        }
        LoadedIssue saved = changes.saveNew(l, source, c);
        idempotency.complete(idempotencyKey, "rectification-issue.raise", l.id());
        return details(saved, actor, null);
    }

    private static IssueData data(IssueCommands.Raise r) {
        IssueCommands.Links links = r.links();
        List<Milestone.Plan> plans = r.milestones() == null ? null : r.milestones().stream()
                .map(m -> m == null ? null : new Milestone.Plan(m.description(), m.dueDate())).toList();
        return new IssueData(r.description(), r.category(), r.regionCode(), links == null ? IssueLinks.NONE
                : new IssueLinks(links.householdIds(), links.projectIds(), links.fundDocumentIds()),
                new IssueUnits(r.leadUnit(), r.coUnits()), r.deadline(), r.term(), r.measures(), plans);
    }

    private void checkLinks(IssueData d) {
        IssueLinks links = d.links();
        if (links.isEmpty()) {
            return;
        }
        Refusals.check(null, () -> LinkRules.check(links, d.regionCode(),
                linked.households(links.householdIds(), d.regionCode()),
                linked.projects(links.projectIds(), d.regionCode()),
                linked.fundDocuments(links.fundDocumentIds(), d.regionCode())));
    }

    // ---- the workflow ----

    /** The lead unit accepts (OPEN/RETURNED → IN_PROGRESS). */
    @Transactional
    public IssueViews.IssueDetails accept(UUID id, IssueCommands.Acceptance a, String ifMatch, String key) {
        return step(id, "accept", a, ifMatch, key, (l, actor) -> l.accept(actor, Refusals.dateOrToday(a.date(), "date"), a.remark()));
    }

    /** 销号: an inspector verifies and closes with a closing remark (REPORTED → CLOSED). */
    @Transactional
    public IssueViews.IssueDetails close(UUID id, IssueCommands.Closure c, String ifMatch, String key) {
        return step(id, "close", c, ifMatch, key,
                (l, actor) -> l.close(actor, Refusals.dateOrToday(c.date(), "date"), c.closingRemark()));
    }

    /** An inspector sends the report back with the reason (REPORTED → RETURNED). */
    @Transactional
    public IssueViews.IssueDetails returnIssue(UUID id, IssueCommands.Return r, String ifMatch, String key) {
        return step(id, "return", r, ifMatch, key,
                (l, actor) -> l.returnIssue(actor, Refusals.dateOrToday(r.date(), "date"), r.reason()));
    }

    /** 整改延期: an inspector extends the deadline with reason and approver; every extension kept. */
    @Transactional
    public IssueViews.IssueDetails extend(UUID id, IssueCommands.Extension x, String ifMatch, String key) {
        return step(id, "extend", x, ifMatch, key, (l, actor) -> l.extendDeadline(actor, x.deadline(), x.reason(),
                x.approver(), Refusals.dateOrToday(x.date(), "date")));
    }

    /**
     * A ledger entry (整改台账) by a responsible unit while IN_PROGRESS, or the lead unit's report (IN_PROGRESS → REPORTED,
     * evidence required); files sent with it are checked, stored and named after the given evidence ids.
     */
    @Transactional
    public IssueViews.IssueDetails entry(UUID id, IssueCommands.Entry e, boolean report, String ifMatch, String key) {
        Actor actor = actors.current();
        LoadedIssue loaded = loader.forChange(id, actor);
        IssueLifecycle l = loaded.lifecycle();
        IssueStep step = report ? IssueStep.REPORT : IssueStep.RECORD_PROGRESS;
        // who and when before the files are even read: another unit learns nothing, a wrong step costs no upload
        Refusals.check(id, () -> IssueAccess.requireStep(actor, l.units(), step));
        Refusals.check(id, () -> Workflow.next(l.state(), step, l.allowedSteps()));
        List<Inspected> files = inspect(id, e.files());
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("date", e.date() == null ? null : e.date().toString());
        fingerprint.put("text", e.text());
        fingerprint.put("evidenceIds", e.evidenceIds());
        fingerprint.put("milestoneNumber", e.milestoneNumber());
        fingerprint.put("files", files.stream().map(f -> f.meta().fileName() + ":" + f.meta().sha256()).toList());
        Optional<IssueViews.IssueDetails> replay = replay(key, report ? "report" : "ledger-entry", loaded, fingerprint, actor);
        if (replay.isPresent()) {
            return replay.get();
        }
        IssueLoader.requireVersion(ifMatch, loaded.issue());
        LocalDate date = Refusals.dateOrToday(e.date(), "date");
        List<String> evidenceIds = new ArrayList<>(e.evidenceIds());
        List<UUID> named = new ArrayList<>();
        for (int n = 0; n < evidenceIds.size(); n++) {
            named.add(uuid(evidenceIds.get(n), "evidenceIds[" + n + "]"));
        }
        Set<UUID> known = evidenceFiles.existing(loaded.issue().id, named);
        List<ApiProblem.FieldError> unknown = new ArrayList<>();
        for (int n = 0; n < named.size(); n++) {
            if (!known.contains(named.get(n))) {
                unknown.add(new ApiProblem.FieldError("evidenceIds[" + n + "]", "not an evidence file of this issue"));
            }
        }
        if (!unknown.isEmpty()) {
            ApiProblem p = ApiProblem.unprocessable("unknown-evidence", "Unknown evidence files",
                    "Name evidence files uploaded to this issue.");
            unknown.forEach(u -> p.withField(u.field(), u.message()));
            throw p;
        }
        List<EvidenceFile> stored = files.stream().map(f -> file(loaded.issue(), f, actor)).toList();
        stored.forEach(f -> evidenceIds.add(f.id.toString()));
        IssueLifecycle.Entry entry = new IssueLifecycle.Entry(date, e.text(), evidenceIds, e.milestoneNumber());
        Change c = Refusals.decide(id, () -> report ? l.report(actor, entry) : l.recordProgress(actor, entry));
        stored.forEach(evidenceFiles::persist);
        return saved(loaded, l, c, key, report ? "report" : "ledger-entry", actor);
    }

    /**
     * Evidence files uploaded on their own (佐证材料), to be named by later entries or the report: by a responsible unit
     * (lead or co-unit) or an inspector, while the issue is not closed. Audited; the issue's version does not change.
     */
    @Transactional
    public List<IssueViews.EvidenceView> upload(UUID id, List<IssueCommands.Upload> uploads) {
        Actor actor = actors.current();
        LoadedIssue loaded = loader.forChange(id, actor);
        Issue i = loaded.issue();
        if (!(actor.is(ActorKind.INSPECTOR) || (actor.is(ActorKind.UNIT) && i.units().isResponsible(actor.unit())))) {
            throw ApiProblem.forbidden("Evidence is uploaded by a responsible unit or an inspector.");
        }
        if (i.state == IssueState.CLOSED) {
            throw ApiProblem.conflict("The issue is closed (销号); nothing is added to it.").with("currentState", i.state)
                    .withField("file");
        }
        if (uploads.isEmpty()) {
            throw ApiProblem.validation("file", "send at least one file (multipart part 'file')");
        }
        List<EvidenceFile> stored = inspect(id, uploads).stream().map(f -> file(i, f, actor)).toList();
        stored.forEach(evidenceFiles::persist);
        for (EvidenceFile f : stored) {
            audit.record("rectification-issue.evidence-uploaded", IssueChanges.AGGREGATE, i.id.toString(), i.regionCode,
                    "evidence " + f.id + " " + f.contentType + " " + f.sizeBytes + " bytes sha256 " + f.sha256);
        }
        return stored.stream().map(f -> new IssueViews.EvidenceView(f.id, f.fileName, f.contentType, f.sizeBytes, f.sha256,
                f.uploadedAt, f.uploadedBy, f.uploadedUnit)).toList();
    }

    private record Inspected(InspectedEvidence meta, byte[] bytes) {
    }

    /** Each file checked from its bytes: size (413), name (400), type (415); the client's Content-Type is ignored. */
    private List<Inspected> inspect(UUID id, List<IssueCommands.Upload> uploads) {
        if (uploads.size() > org.fupin.rectification.domain.LedgerEntry.MAX_EVIDENCE) {
            throw ApiProblem.validation("file", "at most " + org.fupin.rectification.domain.LedgerEntry.MAX_EVIDENCE
                    + " files at once");
        }
        long max = rules.evidenceRules().maxBytes();
        List<Inspected> l = new ArrayList<>();
        for (IssueCommands.Upload u : uploads) {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(u.file())) {
                bytes = in.readNBytes((int) max + 1); // never more than the limit + 1 in memory
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            InspectedEvidence meta = Refusals.decide(id, () -> rules.inspector().inspect(u.fileName(), bytes));
            l.add(new Inspected(meta, bytes));
        }
        return l;
    }

    private EvidenceFile file(Issue i, Inspected f, Actor actor) {
        EvidenceFile e = new EvidenceFile();
        e.id = UUID.randomUUID();
        e.issueId = i.id;
        e.fileName = f.meta().fileName();
        e.contentType = f.meta().contentType();
        e.sizeBytes = f.meta().size();
        e.sha256 = f.meta().sha256();
        e.content = f.bytes();
        e.uploadedAt = OffsetDateTime.now();
        e.uploadedBy = actor.name();
        e.uploadedUnit = actor.unit();
        return e;
    }

    @FunctionalInterface
    private interface Decision {
        Change decide(IssueLifecycle l, Actor actor);
    }

    private IssueViews.IssueDetails step(UUID id, String operation, Object request, String ifMatch, String key, Decision d) {
        Actor actor = actors.current();
        LoadedIssue loaded = loader.forChange(id, actor);
        Optional<IssueViews.IssueDetails> replay = replay(key, operation, loaded, request, actor);
        if (replay.isPresent()) {
            return replay.get();
        }
        IssueLoader.requireVersion(ifMatch, loaded.issue());
        IssueLifecycle l = loaded.lifecycle();
        Change c = Refusals.decide(id, () -> d.decide(l, actor));
        return saved(loaded, l, c, key, operation, actor);
    }

    private Optional<IssueViews.IssueDetails> replay(String key, String operation, LoadedIssue loaded, Object request,
                                                     Actor actor) {
        return idempotency.reserve(key, "rectification-issue." + operation + ":" + loaded.issue().id, request)
                .map(earlier -> details(loaded, actor, null));
    }

    private IssueViews.IssueDetails saved(LoadedIssue loaded, IssueLifecycle l, Change c, String key, String operation,
                                          Actor actor) {
        changes.save(loaded, l, c);
        idempotency.complete(key, "rectification-issue." + operation + ":" + loaded.issue().id, loaded.issue().id.toString());
        return details(loaded, actor, null);
    }

    // ---- reads ----

    @Transactional
    public IssueViews.IssueDetails get(UUID id, LocalDate day) {
        Actor actor = actors.current();
        return details(loader.forRead(id, actor), actor, day);
    }

    /** An evidence file's bytes, to whoever may read its issue (else 404, as for the issue). */
    @Transactional
    public EvidenceContent evidence(UUID issueId, UUID evidenceId) {
        Actor actor = actors.current();
        Issue i = loader.readable(issueId, actor);
        Refusals.check(issueId, () -> IssueAccess.requireEvidenceRead(actor, i.units()));
        EvidenceFile f = evidenceFiles.ofIssue(i.id, evidenceId)
                .orElseThrow(() -> ApiProblem.notFound("evidence", evidenceId));
        return new EvidenceContent(f.fileName, f.contentType, f.sizeBytes, f.sha256, f.content);
    }

    /** The bytes of an evidence file and what to serve them as (the type detected at upload). */
    public record EvidenceContent(String fileName, String contentType, long size, String sha256, byte[] bytes) {
    }

    @Transactional
    public List<IssueViews.EvidenceView> evidenceList(UUID issueId) {
        Issue i = loader.readable(issueId, actors.current());
        return evidenceFiles.metaOf(i.id).stream().map(IssueViews::evidence).toList();
    }

    /** The list filters as the API received them. */
    public record ListQuery(String region, String sourceId, String sourceType, String category, IssueState state,
                            String unit, IssueTerm term, Boolean overdue, LocalDate day) {
    }

    /**
     * The issues inside the caller's region (a requested prefix outside it: 403) — for a unit only those it is responsible
     * for — filtered by source, source type, category, state, unit, term and overdue on {@code day} (default today).
     */
    @Transactional
    public ResultPage<IssueViews.IssueSummary> list(ListQuery q, int page, int size) {
        Actor actor = actors.current();
        String prefix = region.queryPrefix(q.region(), "region");
        String unitScope = null;
        if (!actor.is(ActorKind.INSPECTOR) && !actor.is(ActorKind.VIEWER)) {
            if (actor.unit() == null) {
                throw ApiProblem.forbidden("A rectification-unit token must carry a unit claim.");
            }
            unitScope = actor.unit();
        }
        if (q.category() != null && !rules.rules().isKnownCategory(q.category())) {
            throw ApiProblem.validation("category", "unknown category; one of " + rules.rules().categoryCodes());
        }
        if (q.sourceType() != null && SourceType.fromCode(q.sourceType()).isEmpty()) {
            throw ApiProblem.validation("sourceType", "unknown source type");
        }
        LocalDate day = q.day() == null ? Refusals.today() : q.day();
        UUID source = q.sourceId() == null ? null : uuid(q.sourceId(), "source");
        var result = issues.search(new IssueRepository.Filter(prefix, source, q.sourceType(), q.category(), q.state(),
                q.unit(), unitScope, q.term(), q.overdue(), day), page, size);
        Map<UUID, Boolean> overdue = issues.overdueOn(result.items().stream().map(i -> i.id).toList(), day);
        return new ResultPage<>(result.items().stream().map(i -> views.summary(i, overdue.getOrDefault(i.id, false))).toList(),
                page, size, result.total());
    }

    private IssueViews.IssueDetails details(LoadedIssue loaded, Actor actor, LocalDate day) {
        return views.details(loaded, actor, day == null ? Refusals.today() : day);
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value.trim());
        } catch (RuntimeException e) {
            throw ApiProblem.validation(field, "must be an id (UUID)");
        }
    }
}
