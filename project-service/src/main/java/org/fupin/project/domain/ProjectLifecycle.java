package org.fupin.project.domain;

import org.fupin.contracts.project.ProjectAdjustedV1;
import org.fupin.contracts.project.ProjectBeneficiariesChangedV1;
import org.fupin.contracts.project.ProjectCancelledV1;
import org.fupin.contracts.project.ProjectProgressReportedV1;
import org.fupin.contracts.project.ProjectRegisteredV1;
import org.fupin.contracts.project.ProjectStageChangedV1;
import org.fupin.contracts.project.ProjectUpdatedV1;
import org.fupin.platform.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A project of the library as the rules see it (plain Java): its record, where it stands in the lifecycle
 * ({@link StageFlow}), its latest progress and its beneficiary households. Each decision method checks the rules, moves
 * this object to the new values and returns the {@link Change} with the events to publish; a refused change throws a
 * {@link Refusal} (400/409/422) and leaves this object as it was. The service copies the new values onto the stored
 * project, saves, and hands the change to the platform's change recorder (outbox + audit).
 * <p>
 * Dates: every change has a business date; the service passes the one given (never in the future, see
 * {@link BusinessDate}) or today. A step is never dated before the previous step, a progress report never before the
 * start of construction nor before the previous report, an update or adjustment never before the project's entry.
 */
public final class ProjectLifecycle {

    /** Stages in which the record may be updated or adjusted (项目调整: "until acceptance"). */
    public static final Set<ProjectStage> CHANGEABLE = Collections.unmodifiableSet(EnumSet.of(ProjectStage.PLANNED,
            ProjectStage.PRE_APPROVAL_DONE, ProjectStage.TENDERING, ProjectStage.UNDER_CONSTRUCTION, ProjectStage.COMPLETED));
    /** Stages in which progress is reported: under construction or further (not cancelled). */
    public static final Set<ProjectStage> REPORTING = Collections.unmodifiableSet(EnumSet.of(ProjectStage.UNDER_CONSTRUCTION,
            ProjectStage.COMPLETED, ProjectStage.ACCEPTED));

    private final String id;
    private final ProjectRules rules;

    private ProjectData data;
    private ProjectStage stage;
    private EnumMap<ProjectStage, LocalDate> stageDates;
    private String approvalDocument;
    private String acceptanceDocument;
    private ProjectStage cancelledFrom;
    private String cancellationReason;
    private Progress progress;
    private List<String> beneficiaryIds;

    /** The values the lifecycle keeps besides the record. {@code stage} is null for a project not yet entered. */
    public record Status(ProjectStage stage, Map<ProjectStage, LocalDate> stageDates, String approvalDocument,
                         String acceptanceDocument, ProjectStage cancelledFrom, String cancellationReason, Progress progress,
                         List<String> beneficiaryIds) {
        public Status {
            stageDates = stageDates == null || stageDates.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(stageDates));
            beneficiaryIds = beneficiaryIds == null ? List.of() : List.copyOf(beneficiaryIds);
        }

        /** A project about to be entered. */
        public static Status none() {
            return new Status(null, Map.of(), null, null, null, null, null, List.of());
        }
    }

    /** What an imported project brings besides its record: the stage it reached, its stage dates and latest progress. */
    public record ImportedState(ProjectStage stage, Map<ProjectStage, LocalDate> stageDates, String approvalDocument,
                                String acceptanceDocument, String cancellationReason, Progress progress) {
    }

    /** 项目调整: the new values; null means unchanged. */
    public record Adjustment(BudgetSplit budget, String constructionContent, String constructionScale,
                             LocalDate plannedStartDate, LocalDate plannedEndDate) {
    }

    /** @param data null for a project not yet entered */
    public ProjectLifecycle(String id, ProjectRules rules, ProjectData data, Status status) {
        this.id = Objects.requireNonNull(id, "id");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.data = data;
        restore(status);
    }

    /** A project about to be entered. */
    public static ProjectLifecycle newProject(String id, ProjectRules rules) {
        return new ProjectLifecycle(id, rules, null, Status.none());
    }

    private void restore(Status s) {
        stage = s.stage();
        stageDates = s.stageDates().isEmpty() ? new EnumMap<>(ProjectStage.class) : new EnumMap<>(s.stageDates());
        approvalDocument = s.approvalDocument();
        acceptanceDocument = s.acceptanceDocument();
        cancelledFrom = s.cancelledFrom();
        cancellationReason = s.cancellationReason();
        progress = s.progress();
        beneficiaryIds = s.beneficiaryIds();
    }

    /** The current values, to store. */
    public Status status() {
        return new Status(stage, stageDates, approvalDocument, acceptanceDocument, cancelledFrom, cancellationReason,
                progress, beneficiaryIds);
    }

    public ProjectData data() {
        return data;
    }

    public ProjectStage stage() {
        return stage;
    }

    /** The date the current stage was reached. */
    public LocalDate stageDate() {
        return stageDates.get(stage);
    }

    /** The lifecycle of the project's category. */
    public StageFlow flow() {
        return rules.flow(data == null ? null : data.category());
    }

    /** The steps allowed now (for the 409 answer and the project view). */
    public List<StageStep> allowedSteps() {
        return stage == null ? List.of() : flow().allowedSteps(stage);
    }

    /** 项目信息不完整: the required fields the record lacks. */
    public List<String> missingFields() {
        return MissingFields.of(data, beneficiaryIds.size(), rules);
    }

    // ---- entering the library ----

    /** 入库: a new project enters the library in PLANNED on {@code date}. */
    public Change register(ProjectData newData, LocalDate date) {
        requireNew();
        ProjectDataRules.validate(newData, rules, date);
        data = newData;
        stage = ProjectStage.PLANNED;
        stageDates.put(ProjectStage.PLANNED, date);
        return new Change("registered", null, stage, date, null, List.of(), List.of(registered("NEW", date)));
    }

    /**
     * A project from another library (paper records back to 2014) enters in the stage it had reached, with the dates
     * of its stages and its latest progress. Rules: the stage is one its category passes through; dates are given
     * only for stages up to that one (and not skipped ones), never after {@code date}, never decreasing along the
     * lifecycle; the stage's own date is required (PLANNED: defaults to {@code date}); a cancelled project names its
     * reason and was cancelled before completion (the stage it was cancelled in is the latest one dated); progress only
     * from construction on, not before its start, ≤ the budget; a completed or accepted project is at 100 % (assumed
     * when no progress is given, with the investment completed then 0.00, "not reported").
     */
    public Change importInStage(ProjectData newData, ImportedState imported, LocalDate date) {
        requireNew();
        ProjectDataRules.validate(newData, rules, date);
        if (imported == null || imported.stage() == null) {
            throw Refusal.invalid("stage", "is required");
        }
        StageFlow flow = rules.flow(newData.category());
        ProjectStage target = imported.stage();
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (!flow.passesThrough(target)) {
            throw Refusal.invalid("stage", "the category " + newData.category() + " skips stage " + target);
        }
        Set<ProjectStage> datable = EnumSet.noneOf(ProjectStage.class);
        if (target == ProjectStage.CANCELLED) {
            for (ProjectStage s : flow.stagesBefore(ProjectStage.COMPLETED)) {
                datable.add(s);
            }
        } else {
            datable.addAll(flow.stagesBefore(target));
        }
        datable.add(target);
        EnumMap<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        Map<ProjectStage, LocalDate> given = imported.stageDates() == null ? Map.of() : imported.stageDates();
        given.forEach((s, d) -> {
            if (d == null) {
                return;
            }
            if (!datable.contains(s)) {
                errors.add(new Refusal.FieldError("stageDates." + s, flow.passesThrough(s)
                        ? "the project has not reached this stage" : "the category skips this stage"));
            } else if (d.isAfter(date)) {
                errors.add(new Refusal.FieldError("stageDates." + s, "must not be after " + date));
            } else {
                dates.put(s, d);
            }
        });
        if (!dates.containsKey(target)) {
            if (target == ProjectStage.PLANNED) {
                dates.put(ProjectStage.PLANNED, date);
            } else {
                errors.add(new Refusal.FieldError("stageDates." + target, "is required: the date the project reached its stage"));
            }
        }
        LocalDate previous = null;
        ProjectStage previousStage = null;
        for (Map.Entry<ProjectStage, LocalDate> e : dates.entrySet()) { // EnumMap: lifecycle order, CANCELLED last
            if (previous != null && e.getValue().isBefore(previous)) {
                errors.add(new Refusal.FieldError("stageDates." + e.getKey(), "must not be before the date of " + previousStage
                        + " (" + previous + ")"));
            }
            previous = e.getValue();
            previousStage = e.getKey();
        }
        ProjectStage from = null;
        if (target == ProjectStage.CANCELLED) {
            if (blank(imported.cancellationReason())) {
                errors.add(new Refusal.FieldError("cancellationReason", "is required for a cancelled project"));
            }
            from = ProjectStage.PLANNED;
            for (ProjectStage s : dates.keySet()) {
                if (s != ProjectStage.CANCELLED) {
                    from = s;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        boolean reporting = REPORTING.contains(target) || from == ProjectStage.UNDER_CONSTRUCTION;
        Progress p = imported.progress();
        if (p != null) {
            if (!reporting) {
                throw Refusal.invalid("progress", "only projects under construction or further report progress");
            }
            LocalDate started = dates.get(ProjectStage.UNDER_CONSTRUCTION);
            if (p.reportDate().isAfter(date) || (started != null && p.reportDate().isBefore(started))) {
                throw Refusal.invalid("progress.reportDate", "must lie between the start of construction ("
                        + started + ") and " + date);
            }
            requireWithinBudget(p, newData.budget());
            if (target.isCompleted() && !p.isComplete()) {
                throw Refusal.unprocessable("progress-not-complete", "Progress not complete", "A " + target
                        + " project is at 100 % physical progress; the import says " + p.percentText() + ".",
                        "progress.physicalProgress");
            }
        } else if (target.isCompleted()) {
            LocalDate completed = dates.getOrDefault(ProjectStage.COMPLETED, dates.get(target));
            p = new Progress(completed, Progress.HUNDRED, Money.ZERO);
        }
        data = newData;
        stage = target;
        stageDates = dates;
        approvalDocument = imported.approvalDocument();
        acceptanceDocument = imported.acceptanceDocument();
        cancelledFrom = from;
        cancellationReason = target == ProjectStage.CANCELLED ? imported.cancellationReason() : null;
        progress = p;
        return new Change("imported", null, stage, date, null, List.of(), List.of(registered("IMPORTED", date)));
    }

    private void requireNew() {
        if (stage != null) {
            throw new IllegalStateException("project " + id + " was already entered");
        }
    }

    private ProjectRegisteredV1 registered(String entry, LocalDate date) {
        return new ProjectRegisteredV1(id, data.projectCode(), data.regionCode(), data.category(), data.projectYear(),
                data.batch(), entry, stage.name(), stageDate(), budgetCodes(), budgetTotal(), percent(), investment(),
                missingFields(), Instant.now(), data.plannedStartDate(), data.plannedEndDate(), date);
    }

    // ---- the record: corrections and adjustments ----

    /** Fields fixed once the project has left PLANNED (they decide where and what it is, and its flow). */
    private static final List<String> FIXED_AFTER_PLANNING = List.of("projectCode", "projectYear", "category", "regionCode");
    /** Fields that change only through an adjustment (项目调整) once the project has left PLANNED. */
    public static final List<String> ADJUSTABLE = List.of("budget", "constructionContent", "constructionScale",
            "plannedStartDate", "plannedEndDate");

    /**
     * The record is corrected or completed on {@code date}. While PLANNED anything may change; later the code, year,
     * category and region are fixed and the budget, scope and planned dates change only through an
     * {@link #adjust adjustment} (422 naming each such field). Not after acceptance or cancellation (409). An update that
     * changes nothing returns a change without events.
     */
    public Change update(ProjectData newData, LocalDate date) {
        requireChangeable("update");
        requireNotBeforeEntry(date);
        ProjectDataRules.validate(newData, rules, date);
        List<Change.FieldChange> changes = diff(data, newData);
        if (stage != ProjectStage.PLANNED) {
            List<Refusal.FieldError> errors = new ArrayList<>();
            for (Change.FieldChange c : changes) {
                String top = c.field().contains(".") ? c.field().substring(0, c.field().indexOf('.')) : c.field();
                if (FIXED_AFTER_PLANNING.contains(top)) {
                    errors.add(new Refusal.FieldError(c.field(), "is fixed once the project has left PLANNED"));
                } else if (ADJUSTABLE.contains(top)) {
                    errors.add(new Refusal.FieldError(c.field(), "changes only through an adjustment (项目调整) once the project has left PLANNED"));
                }
            }
            if (!errors.isEmpty()) {
                throw Refusal.unprocessable("not-updatable", "Fields not updatable", "In stage " + stage + " these fields cannot be updated: "
                        + errors.stream().map(Refusal.FieldError::field).toList() + ".", errors).with("currentStage", stage);
            }
        }
        if (newData.projectCode() == null && data.projectCode() != null) {
            newData = newData.withCode(data.projectCode()); // the code is kept when none is given
        }
        requireWithinBudget(progress, newData.budget());
        data = newData;
        if (changes.isEmpty()) {
            return new Change("updated", stage, stage, date, null, List.of(), List.of());
        }
        return new Change("updated", stage, stage, date, null, changes, List.of(new ProjectUpdatedV1(id, data.projectCode(),
                data.regionCode(), data.category(), data.projectYear(), data.batch(), stage.name(), stageDate(),
                budgetCodes(), budgetTotal(), percent(), investment(), missingFields(), fieldNames(changes),
                data.plannedStartDate(), data.plannedEndDate(), date)));
    }

    /**
     * 项目调整: budget split, construction content/scale or planned dates change on {@code date}, with a reason and the
     * approving document; allowed until acceptance (not after acceptance or cancellation: 409). The budget may not fall
     * below the investment completed (422). The change keeps every field's value before and after.
     */
    public Change adjust(Adjustment a, String reason, String approvalDocument, LocalDate date) {
        requireChangeable("adjust");
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (blank(reason)) {
            errors.add(new Refusal.FieldError("reason", "is required"));
        }
        if (blank(approvalDocument)) {
            errors.add(new Refusal.FieldError("approvalDocument", "is required: the document approving the adjustment"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        requireNotBeforeEntry(date);
        ProjectData d = data;
        ProjectData adjusted = new ProjectData(d.projectCode(), d.name(), d.projectYear(), d.category(), d.regionCode(),
                d.batch(), d.unit(), or(a.constructionContent(), d.constructionContent()),
                or(a.constructionScale(), d.constructionScale()), or(a.plannedStartDate(), d.plannedStartDate()),
                or(a.plannedEndDate(), d.plannedEndDate()), d.targets(), or(a.budget(), d.budget()));
        ProjectDataRules.validate(adjusted, rules, date.getYear() >= d.projectYear() ? date : LocalDate.of(d.projectYear(), 1, 1));
        List<Change.FieldChange> changes = diff(d, adjusted);
        if (changes.isEmpty()) {
            throw Refusal.invalid("adjustment", "changes nothing");
        }
        if (progress != null && adjusted.budget().total().compareTo(progress.investmentCompleted()) < 0) {
            throw Refusal.unprocessable("budget-below-investment", "Budget below investment completed", "The adjusted budget "
                    + adjusted.budget().total() + " is below the investment completed to date ("
                    + progress.investmentCompleted() + ").", "budget");
        }
        Map<String, String> before = budgetCodes();
        String totalBefore = budgetTotal();
        data = adjusted;
        return new Change("adjusted", stage, stage, date, reason + " (" + approvalDocument + ")", changes,
                List.of(new ProjectAdjustedV1(id, data.projectCode(), data.regionCode(), data.category(), data.projectYear(),
                        data.batch(), stage.name(), stageDate(), budgetCodes(), budgetTotal(), percent(), investment(),
                        missingFields(), before, totalBefore, data.plannedStartDate(), data.plannedEndDate(),
                        fieldNames(changes), reason, approvalDocument, date)));
    }

    private void requireChangeable(String action) {
        requireEntered();
        if (!CHANGEABLE.contains(stage)) {
            throw Refusal.onlyInStages(stage, action, CHANGEABLE);
        }
    }

    private void requireNotBeforeEntry(LocalDate date) {
        LocalDate entered = stageDates.get(ProjectStage.PLANNED);
        if (entered != null && date.isBefore(entered)) {
            throw Refusal.invalid("date", "must not be before the project's entry into the library (" + entered + ")");
        }
    }

    // ---- the lifecycle ----

    /**
     * A step of the lifecycle on {@code date} (not before the current stage's date). 前期审批 and 验收 need their document
     * number; 完工 needs the physical progress at 100 (422); 终止 ({@link StageStep#CANCELLATION}) needs a reason (the
     * remarks). A step not allowed now is 409 with the current stage and the allowed steps.
     */
    public Change takeStep(StageStep step, LocalDate date, String documentNumber, String remarks) {
        requireEntered();
        Objects.requireNonNull(step, "step");
        if (step == StageStep.CANCELLATION) {
            return cancel(remarks, date, documentNumber);
        }
        ProjectStage next = flow().next(stage, step);
        requireNotBeforeStage(date);
        if (step.requiresDocument() && blank(documentNumber)) {
            throw Refusal.invalid("documentNumber", "is required for " + step
                    + (step == StageStep.PRE_APPROVAL ? " (the approval document number)" : " (the acceptance document)"));
        }
        if (step == StageStep.COMPLETION && (progress == null || !progress.isComplete())) {
            String current = progress == null ? "none reported" : progress.percentText();
            throw Refusal.unprocessable("progress-not-complete", "Progress not complete",
                    "A project is completed (完工) only at 100 % physical progress; its latest report says " + current + ".",
                    "physicalProgress").with("physicalProgress", progress == null ? null : progress.percentText());
        }
        ProjectStage from = stage;
        stage = next;
        stageDates.put(next, date);
        if (step == StageStep.PRE_APPROVAL) {
            approvalDocument = documentNumber;
        } else if (step == StageStep.ACCEPTANCE) {
            acceptanceDocument = documentNumber;
        }
        return new Change("step:" + step, from, next, date, remarks, List.of(),
                List.of(new ProjectStageChangedV1(id, data.projectCode(), data.regionCode(), data.category(),
                        data.projectYear(), data.batch(), stage.name(), date, budgetCodes(), budgetTotal(), percent(),
                        investment(), missingFields(), step.name(), from.name(), blank(documentNumber) ? null : documentNumber,
                        data.plannedStartDate(), data.plannedEndDate(), date)));
    }

    /** 终止 on {@code date} with a reason, before completion (409 after). Nothing is deleted. */
    public Change cancel(String reason, LocalDate date, String documentNumber) {
        requireEntered();
        flow().next(stage, StageStep.CANCELLATION);
        if (blank(reason)) {
            throw Refusal.invalid("reason", "is required to cancel a project");
        }
        requireNotBeforeStage(date);
        ProjectStage from = stage;
        stage = ProjectStage.CANCELLED;
        stageDates.put(stage, date);
        cancelledFrom = from;
        cancellationReason = reason;
        return new Change("cancelled", from, stage, date, reason + (blank(documentNumber) ? "" : " (" + documentNumber + ")"),
                List.of(), List.of(new ProjectCancelledV1(id, data.projectCode(), data.regionCode(), data.category(),
                data.projectYear(), data.batch(), stage.name(), date, budgetCodes(), budgetTotal(), percent(), investment(),
                missingFields(), from.name(), reason, data.plannedStartDate(), data.plannedEndDate(), date)));
    }

    private void requireNotBeforeStage(LocalDate date) {
        LocalDate last = latestStageDate();
        if (last != null && date.isBefore(last)) {
            throw Refusal.invalid("date", "must not be before the previous step (" + last + ")");
        }
    }

    private LocalDate latestStageDate() {
        LocalDate last = null;
        for (LocalDate d : stageDates.values()) {
            if (last == null || d.isAfter(last)) {
                last = d;
            }
        }
        return last;
    }

    // ---- progress (进度) ----

    /**
     * A progress report, effective on its report date. Only under construction or further (409). The report date is not
     * before the start of construction nor before the previous report (400); the investment completed is not above the
     * budget (422). Figures never go down (physical progress, investment completed) except as an explicit correction
     * with a reason (422 naming the fields otherwise). A completed or accepted project stays at 100 %.
     */
    public Change reportProgress(Progress report, String correctionReason) {
        requireEntered();
        if (!REPORTING.contains(stage)) {
            throw Refusal.onlyInStages(stage, "report progress for", REPORTING);
        }
        LocalDate started = stageDates.get(ProjectStage.UNDER_CONSTRUCTION);
        if (started != null && report.reportDate().isBefore(started)) {
            throw Refusal.invalid("reportDate", "must not be before the start of construction (" + started + ")");
        }
        if (progress != null && report.reportDate().isBefore(progress.reportDate())) {
            throw Refusal.invalid("reportDate", "must not be before the previous report (" + progress.reportDate() + ")");
        }
        requireWithinBudget(report, data.budget());
        boolean correction = !blank(correctionReason);
        if (progress != null && !correction) {
            List<Refusal.FieldError> down = new ArrayList<>();
            if (report.physicalProgress().compareTo(progress.physicalProgress()) < 0) {
                down.add(new Refusal.FieldError("physicalProgress", "is below the previous report (" + progress.percentText()
                        + "); a correction needs a correctionReason"));
            }
            if (report.investmentCompleted().compareTo(progress.investmentCompleted()) < 0) {
                down.add(new Refusal.FieldError("investmentCompleted", "is below the previous report ("
                        + progress.investmentCompleted() + "); a correction needs a correctionReason"));
            }
            if (!down.isEmpty()) {
                throw Refusal.unprocessable("progress-backwards", "Progress goes backwards",
                        "Progress never goes backwards except as a correction with a reason.", down);
            }
        }
        if (stage.isCompleted() && !report.isComplete()) {
            throw Refusal.unprocessable("completed-progress", "A completed project is at 100 %", "The project is " + stage
                    + "; its physical progress stays at 100.", "physicalProgress");
        }
        progress = report;
        LocalDate date = report.reportDate();
        return new Change(correction ? "progress-corrected" : "progress-reported", stage, stage, date,
                correction ? correctionReason : null, List.of(),
                List.of(new ProjectProgressReportedV1(id, data.projectCode(), data.regionCode(), data.category(),
                        data.projectYear(), data.batch(), stage.name(), stageDate(), budgetCodes(), budgetTotal(), percent(),
                        investment(), missingFields(), correction, correction ? correctionReason : null,
                        data.plannedStartDate(), data.plannedEndDate(), date)));
    }

    private static void requireWithinBudget(Progress p, BudgetSplit budget) {
        if (p != null && p.investmentCompleted().compareTo(budget.total()) > 0) {
            throw Refusal.unprocessable("investment-exceeds-budget", "Investment above budget", "The investment completed ("
                    + p.investmentCompleted() + ") must not exceed the budget (" + budget.total() + ").", "investmentCompleted");
        }
    }

    // ---- beneficiaries (带贫户) ----

    /**
     * The households the project benefits become the ones the codes name (the whole list), on {@code date}. New ones
     * must be registered or exited households inside the project's county ({@link BeneficiaryRules}, 422 naming each
     * offending code); ones already linked stay eligible even when removed since. Not for a cancelled project (409).
     */
    public Change changeBeneficiaries(List<String> householdCodes, Map<String, ReplicaHousehold> replicaByCode, LocalDate date) {
        requireEntered();
        if (stage == ProjectStage.CANCELLED) {
            throw Refusal.onlyInStages(stage, "change the beneficiaries of", EnumSet.complementOf(EnumSet.of(ProjectStage.CANCELLED)));
        }
        requireNotBeforeEntry(date);
        List<ReplicaHousehold> households = BeneficiaryRules.resolve(householdCodes == null ? List.of() : householdCodes,
                replicaByCode, data.countyPrefix(), Set.copyOf(beneficiaryIds));
        List<String> ids = households.stream().map(ReplicaHousehold::id).distinct().toList();
        Set<String> before = new LinkedHashSet<>(beneficiaryIds);
        List<String> added = ids.stream().filter(h -> !before.contains(h)).toList();
        List<String> removed = beneficiaryIds.stream().filter(h -> !ids.contains(h)).toList();
        beneficiaryIds = ids;
        return new Change("beneficiaries-changed", stage, stage, date, "+" + added.size() + " -" + removed.size(),
                List.of(new Change.FieldChange("beneficiaries", String.valueOf(before.size()), String.valueOf(ids.size()))),
                List.of(new ProjectBeneficiariesChangedV1(id, data.projectCode(), data.regionCode(), data.category(),
                        data.projectYear(), data.batch(), stage.name(), stageDate(), budgetCodes(), budgetTotal(), percent(),
                        investment(), missingFields(), ids, added, removed, data.plannedStartDate(), data.plannedEndDate(),
                        date)));
    }

    // ---- helpers ----

    private void requireEntered() {
        if (stage == null) {
            throw new IllegalStateException("project " + id + " was not entered");
        }
    }

    private Map<String, String> budgetCodes() {
        return data.budget().byCode();
    }

    private String budgetTotal() {
        return data.budget().total().toString();
    }

    private String percent() {
        return progress == null ? null : progress.percentText();
    }

    private String investment() {
        return progress == null ? Money.ZERO.toString() : progress.investmentCompleted().toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static List<String> fieldNames(List<Change.FieldChange> changes) {
        return changes.stream().map(Change.FieldChange::field).toList();
    }

    /** The fields that differ, by API name, with their values before and after as text. */
    static List<Change.FieldChange> diff(ProjectData a, ProjectData b) {
        List<Change.FieldChange> l = new ArrayList<>();
        add(l, "projectCode", a, b, ProjectData::projectCode);
        add(l, "name", a, b, ProjectData::name);
        add(l, "projectYear", a, b, ProjectData::projectYear);
        add(l, "category", a, b, ProjectData::category);
        add(l, "regionCode", a, b, ProjectData::regionCode);
        add(l, "batch", a, b, ProjectData::batch);
        add(l, "implementingUnit.name", a, b, d -> d.unit() == null ? null : d.unit().name());
        add(l, "implementingUnit.creditCode", a, b, d -> d.unit() == null ? null : d.unit().creditCode());
        add(l, "constructionContent", a, b, ProjectData::constructionContent);
        add(l, "constructionScale", a, b, ProjectData::constructionScale);
        add(l, "plannedStartDate", a, b, ProjectData::plannedStartDate);
        add(l, "plannedEndDate", a, b, ProjectData::plannedEndDate);
        add(l, "performanceTargets", a, b, ProjectData::targets);
        add(l, "budget", a, b, ProjectData::budget);
        return l;
    }

    private static void add(List<Change.FieldChange> l, String field, ProjectData a, ProjectData b,
                            Function<ProjectData, Object> get) {
        Object x = get.apply(a);
        Object y = get.apply(b);
        if ("projectCode".equals(field) && y == null) {
            return; // no code given: the current one is kept
        }
        if (!Objects.equals(x, y)) {
            l.add(new Change.FieldChange(field, x == null ? null : x.toString(), y == null ? null : y.toString()));
        }
    }
}
