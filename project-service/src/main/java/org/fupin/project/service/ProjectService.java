package org.fupin.project.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.project.domain.BusinessDate;
import org.fupin.project.domain.Change;
import org.fupin.project.domain.Progress;
import org.fupin.project.domain.ProjectData;
import org.fupin.project.domain.ProjectDataRules;
import org.fupin.project.domain.ProjectLifecycle;
import org.fupin.project.domain.ProjectRules;
import org.fupin.project.domain.ProjectStage;
import org.fupin.project.domain.ReplicaHousehold;
import org.fupin.project.repository.HouseholdReplicaRepository;
import org.fupin.project.repository.Project;
import org.fupin.project.domain.ProjectFilter;
import org.fupin.project.repository.ProjectHistoryRepository;
import org.fupin.project.repository.ProjectRepository;
import org.hibernate.exception.ConstraintViolationException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The project library's use cases. Each: load the project (locked, region-checked; 404 outside the caller's region) →
 * the domain decides ({@link ProjectLifecycle}; its refusal is the 400/409/422 answer, nothing written) → save, history,
 * outbox and audit in the same transaction ({@link ProjectChanges}).
 */
@ApplicationScoped
public class ProjectService {

    @Inject
    ProjectRepository projects;
    @Inject
    ProjectHistoryRepository history;
    @Inject
    ProjectLoader loader;
    @Inject
    ProjectChanges changes;
    @Inject
    ProjectViews views;
    @Inject
    ProjectRulesProvider rulesProvider;
    @Inject
    HouseholdReplicaRepository replica;
    @Inject
    Idempotency idempotency;
    @Inject
    RegionScope region;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;

    // ---- entering the library ----

    /** 入库: a new project in PLANNED; the code is generated when none is given; a taken code is 409. */
    @Transactional
    public ProjectDetails enter(ProjectCommands.Entry e, String idempotencyKey) {
        ProjectRules rules = rulesProvider.rules();
        LocalDate date = Refusals.dateOrToday(e.date(), "date");
        check(e.data(), rules, date);
        Optional<String> earlier = idempotency.reserve(idempotencyKey, "project.enter", fingerprint(e.data(), e.date()));
        if (earlier.isPresent()) {
            // a replay answers with the project only if the caller may read it now (else 404, as for any unreadable one)
            return views.details(loader.forRead(UUID.fromString(earlier.get())));
        }
        Project p = create(e.data(), date, null, List.of(), rules);
        idempotency.complete(idempotencyKey, "project.enter", p.id.toString());
        return views.details(p);
    }

    /**
     * One project of a bulk import (any stage, with its stage dates, documents, latest progress and beneficiaries),
     * with the checks of the API: the caller's (the submitter's) region, the record's fields, a taken code (409), the
     * stage rules ({@link ProjectLifecycle#importInStage}) and the beneficiaries (422 naming each code). Stores it,
     * appends its events (project.registered.v1 with entry IMPORTED, then project.beneficiaries-changed.v1 when it has
     * beneficiaries) to the outbox and audits, in the caller's transaction or its own (REQUIRED).
     * <p>
     * A refused row throws {@link ApiProblem} (status 400/403/409/422, the fields named as in the API) BEFORE anything
     * is written, and does not mark the caller's transaction for rollback (so one bad row of a chunk does not spoil the
     * others). A lost race at the unique code index surfaces as a PersistenceException that does.
     *
     * @return the new project's id
     */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiProblem.class)
    public UUID importProject(ImportedProject row) {
        ProjectRules rules = rulesProvider.rules();
        LocalDate today = BusinessDate.today();
        check(row.data(), rules, today);
        ProjectLifecycle.ImportedState state = row.state() != null ? row.state()
                : new ProjectLifecycle.ImportedState(ProjectStage.PLANNED, Map.of(), null, null, null, null);
        return create(row.data(), today, state, row.beneficiaryCodes(), rules).id;
    }

    /** The record's shape (400 naming each field), then the caller's region (403 outside it). */
    private void check(ProjectData d, ProjectRules rules, LocalDate date) {
        Refusals.decide(() -> {
            ProjectDataRules.validate(d, rules, date);
            return null;
        });
        region.requireWritable(d.regionCode(), "regionCode");
    }

    private Project create(ProjectData d, LocalDate date, ProjectLifecycle.ImportedState imported, List<String> beneficiaryCodes,
                           ProjectRules rules) {
        if (d.projectCode() != null && projects.codeTaken(d.projectCode())) {
            throw codeTaken(d.projectCode());
        }
        ProjectData data = d.projectCode() != null ? d : d.withCode(projects.nextProjectCode(d.regionCode(), d.projectYear()));
        UUID id = UUID.randomUUID();
        ProjectLifecycle lifecycle = ProjectLifecycle.newProject(id.toString(), rules);
        Change entered = Refusals.decide(() -> imported == null ? lifecycle.register(data, date)
                : lifecycle.importInStage(data, imported, date));
        Change linked = null;
        Map<String, String> codesById = new HashMap<>();
        if (!beneficiaryCodes.isEmpty()) {
            Map<String, ReplicaHousehold> found = replica.byCodes(beneficiaryCodes);
            linked = Refusals.decide(() -> lifecycle.changeBeneficiaries(beneficiaryCodes, found, date));
            found.values().forEach(h -> codesById.put(h.id(), h.householdCode()));
        }
        // every rule passed: only now is anything written
        Project p = new Project();
        p.id = id;
        p.version = 1;
        p.createdAt = p.updatedAt = OffsetDateTime.now();
        p.createdBy = p.updatedBy = audit.actor();
        p.apply(lifecycle, codesById);
        try {
            projects.persistAndFlush(p);
        } catch (PersistenceException e) {
            throw translate(e, p.projectCode);
        }
        changes.saveNew(p, entered);
        if (linked != null) {
            p.version++;
            changes.saveNew(p, linked);
        }
        return p;
    }

    // ---- the record ----

    /** Corrects or completes the record (anything while PLANNED; later only what is not fixed or adjusted). */
    @Transactional
    public ProjectDetails update(UUID id, ProjectCommands.Entry e, String ifMatch) {
        Project p = loader.forChange(id);
        ProjectLoader.requireVersion(ifMatch, p);
        LocalDate date = Refusals.dateOrToday(e.date(), "date");
        ProjectData d = e.data();
        if (d.regionCode() != null && !d.regionCode().equals(p.regionCode)) {
            region.requireWritable(d.regionCode(), "regionCode");
        }
        if (d.projectCode() != null && !d.projectCode().equals(p.projectCode) && projects.codeTaken(d.projectCode())) {
            throw codeTaken(d.projectCode());
        }
        ProjectLifecycle lifecycle = p.lifecycle(rulesProvider.rules());
        Change c = Refusals.decide(() -> lifecycle.update(d, date));
        if (c.events().isEmpty()) {
            return views.details(p); // nothing changed: no new version, no event
        }
        changes.save(p, lifecycle, c, Map.of());
        try {
            projects.flush();
        } catch (PersistenceException x) {
            throw translate(x, p.projectCode);
        }
        return views.details(p);
    }

    /** 项目调整: budget split, scope, dates with reason and approving document, until acceptance. */
    @Transactional
    public ProjectDetails adjust(UUID id, ProjectCommands.Adjustment a, String ifMatch, String idempotencyKey) {
        Project p = loader.forChange(id);
        Map<String, Object> fingerprint = new LinkedHashMap<>(json.convertValue(a, Map.class));
        fingerprint.put("budget", a.budget() == null ? null : a.budget().byCode());
        Optional<ProjectDetails> replay = replay(idempotencyKey, "project.adjust", p, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        ProjectLoader.requireVersion(ifMatch, p);
        LocalDate date = Refusals.dateOrToday(a.date(), "date");
        ProjectLifecycle lifecycle = p.lifecycle(rulesProvider.rules());
        Change c = Refusals.decide(() -> lifecycle.adjust(new ProjectLifecycle.Adjustment(a.budget(), a.constructionContent(),
                a.constructionScale(), a.plannedStartDate(), a.plannedEndDate()), a.reason(), a.approvalDocument(), date));
        return saved(p, lifecycle, c, Map.of(), idempotencyKey, "project.adjust");
    }

    // ---- the lifecycle ----

    /** A step of the lifecycle (前期审批, 招投标, 开工, 完工, 验收; 终止 through {@link #cancel} or CANCELLATION here). */
    @Transactional
    public ProjectDetails takeStep(UUID id, ProjectCommands.Step s, String ifMatch, String idempotencyKey) {
        Project p = loader.forChange(id);
        Optional<ProjectDetails> replay = replay(idempotencyKey, "project.step", p, s);
        if (replay.isPresent()) {
            return replay.get();
        }
        ProjectLoader.requireVersion(ifMatch, p);
        if (s.step() == null) {
            throw ApiProblem.validation("step", "is required");
        }
        LocalDate date = Refusals.dateOrToday(s.date(), "date");
        ProjectLifecycle lifecycle = p.lifecycle(rulesProvider.rules());
        Change c = Refusals.decide(() -> lifecycle.takeStep(s.step(), date, s.documentNumber(), s.remarks()));
        return saved(p, lifecycle, c, Map.of(), idempotencyKey, "project.step");
    }

    /** 终止 with a reason, before completion. */
    @Transactional
    public ProjectDetails cancel(UUID id, ProjectCommands.Cancellation k, String ifMatch, String idempotencyKey) {
        Project p = loader.forChange(id);
        Optional<ProjectDetails> replay = replay(idempotencyKey, "project.cancel", p, k);
        if (replay.isPresent()) {
            return replay.get();
        }
        ProjectLoader.requireVersion(ifMatch, p);
        LocalDate date = Refusals.dateOrToday(k.date(), "date");
        ProjectLifecycle lifecycle = p.lifecycle(rulesProvider.rules());
        Change c = Refusals.decide(() -> lifecycle.cancel(k.reason(), date, k.documentNumber()));
        return saved(p, lifecycle, c, Map.of(), idempotencyKey, "project.cancel");
    }

    /** 进度: physical progress and investment completed as of the report date. */
    @Transactional
    public ProjectDetails reportProgress(UUID id, ProjectCommands.ProgressReport r, String ifMatch, String idempotencyKey) {
        Project p = loader.forChange(id);
        Optional<ProjectDetails> replay = replay(idempotencyKey, "project.progress", p, r);
        if (replay.isPresent()) {
            return replay.get();
        }
        ProjectLoader.requireVersion(ifMatch, p);
        Progress report = Refusals.decide(() -> Progress.of(r.reportDate(), r.physicalProgress(), r.investmentCompleted()));
        Refusals.dateOrToday(report.reportDate(), "reportDate");
        ProjectLifecycle lifecycle = p.lifecycle(rulesProvider.rules());
        Change c = Refusals.decide(() -> lifecycle.reportProgress(report, r.correctionReason()));
        return saved(p, lifecycle, c, Map.of(), idempotencyKey, "project.progress");
    }

    /** 带贫户: the linked households become the ones the codes name (422 naming each code that may not be linked). */
    @Transactional
    public ProjectDetails replaceBeneficiaries(UUID id, ProjectCommands.Beneficiaries b, String ifMatch) {
        Project p = loader.forChange(id);
        ProjectLoader.requireVersion(ifMatch, p);
        if (b.householdCodes() == null) {
            throw ApiProblem.validation("householdCodes", "is required (an empty list unlinks every household)");
        }
        LocalDate date = Refusals.dateOrToday(b.date(), "date");
        Map<String, ReplicaHousehold> found = replica.byCodes(b.householdCodes());
        ProjectLifecycle lifecycle = p.lifecycle(rulesProvider.rules());
        Change c = Refusals.decide(() -> lifecycle.changeBeneficiaries(b.householdCodes(), found, date));
        Map<String, String> codesById = new HashMap<>();
        found.values().forEach(h -> codesById.put(h.id(), h.householdCode()));
        changes.save(p, lifecycle, c, codesById);
        return views.details(p);
    }

    // ---- reads ----

    @Transactional
    public ProjectDetails get(UUID id) {
        return views.details(loader.forRead(id));
    }

    @Transactional
    public ProjectDetails getByCode(String code) {
        return views.details(loader.byCode(code));
    }

    @Transactional
    public List<HistoryLine> history(UUID id) {
        Project p = loader.forRead(id);
        return history.of(p.id).stream().map(views::historyLine).toList();
    }

    private static final Map<String, String> SORTABLE = Map.of("projectCode", "projectCode", "name", "name",
            "projectYear", "projectYear", "regionCode", "regionCode", "category", "category", "stage", "stage",
            "stageDate", "stageDate", "budgetTotal", "budgetTotal", "createdAt", "createdAt", "updatedAt", "updatedAt");

    /** The list inside the caller's region (a requested prefix outside it is 403), filtered, paged, sorted. */
    @Transactional
    public ResultPage<ProjectDetails.Summary> list(ProjectFilter requested, String sort, int page, int size) {
        String prefix = region.queryPrefix(requested.regionPrefix(), "region");
        if (requested.category() != null && !rulesProvider.rules().isKnownCategory(requested.category())) {
            throw ApiProblem.validation("category", "unknown category; one of " + rulesProvider.rules().categories());
        }
        ProjectFilter f = new ProjectFilter(prefix, requested.year(), requested.category(), requested.stage(),
                requested.fundSource(), requested.batch(), requested.unit(), requested.incomplete(), requested.cancelled());
        var query = projects.search(f, sortOf(sort)).page(page, size);
        return new ResultPage<>(query.list().stream().map(views::summary).toList(), page, size, query.count());
    }

    private static Sort sortOf(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("regionCode").and("projectCode");
        }
        boolean desc = sort.startsWith("-");
        String field = SORTABLE.get(desc ? sort.substring(1) : sort);
        if (field == null) {
            throw ApiProblem.validation("sort", "one of " + new TreeSet<>(SORTABLE.keySet()) + ", '-' in front for descending");
        }
        return Sort.by(field, desc ? Sort.Direction.Descending : Sort.Direction.Ascending).and("projectCode");
    }

    // ---- helpers ----

    /**
     * Idempotency-Key of a POST on an existing project: the same key and request again answer the project as it is now,
     * without a second change (the key is reserved per caller, operation and project).
     */
    private Optional<ProjectDetails> replay(String key, String operation, Project p, Object request) {
        return idempotency.reserve(key, operation + ":" + p.id, idempotency.canonicalJson(request))
                .map(earlier -> views.details(p));
    }

    private ProjectDetails saved(Project p, ProjectLifecycle lifecycle, Change c, Map<String, String> codesById,
                                 String idempotencyKey, String operation) {
        changes.save(p, lifecycle, c, codesById);
        idempotency.complete(idempotencyKey, operation + ":" + p.id, p.id.toString());
        return views.details(p);
    }

    /** The entry request without its personal-free budget object: canonical JSON of every field and the date. */
    private String fingerprint(ProjectData d, LocalDate date) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new LinkedHashMap<>(json.convertValue(d, Map.class));
        m.put("budget", d.budget().byCode());
        m.put("date", date == null ? null : date.toString());
        return idempotency.canonicalJson(m);
    }

    private static ApiProblem codeTaken(String code) {
        return ApiProblem.conflict("Project code " + code + " is already taken.").withField("projectCode");
    }

    /** A concurrent entry lost the race at the unique code index: answer as if the check before had caught it. */
    private static RuntimeException translate(PersistenceException e, String code) {
        Throwable c = e;
        while (c != null && !(c instanceof ConstraintViolationException)) {
            c = c.getCause();
        }
        if (c instanceof ConstraintViolationException cve && String.valueOf(cve.getConstraintName()).contains("project_code")) {
            return codeTaken(code);
        }
        return e;
    }
}
