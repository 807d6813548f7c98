package org.fupin.household.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.household.HouseholdCadreAssignedV1;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdRemovedV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdWorkflowStepTakenV1;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.domain.ExitRules;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.RegistrationWorkflow;
import org.fupin.household.domain.WorkflowStep;
import org.fupin.household.repository.AssistanceMeasure;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.VisitLog;
import org.fupin.household.rest.HouseholdView;
import org.fupin.household.rest.LifecycleRequests;
import org.fupin.household.rest.StepRequest;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.security.Roles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The registration workflow and dynamic management (动态管理): exit, return, removal; and assistance records. */
@ApplicationScoped
public class LifecycleService {

    /** Who may take each step: village staff, the township, the county (roles per action). */
    static final Map<WorkflowStep, String> ROLE_FOR_STEP = Map.of(
            WorkflowStep.INVESTIGATED, Roles.HOUSEHOLD_CLERK,
            WorkflowStep.DEMOCRATICALLY_REVIEWED, Roles.HOUSEHOLD_CLERK,
            WorkflowStep.VILLAGE_NOTICE_STARTED, Roles.HOUSEHOLD_CLERK,
            WorkflowStep.OBJECTION_RAISED, Roles.HOUSEHOLD_CLERK,
            WorkflowStep.TOWNSHIP_REVIEWED, Roles.HOUSEHOLD_TOWNSHIP_REVIEWER,
            WorkflowStep.TOWNSHIP_NOTICE_STARTED, Roles.HOUSEHOLD_TOWNSHIP_REVIEWER,
            WorkflowStep.COUNTY_ANNOUNCED, Roles.HOUSEHOLD_COUNTY_APPROVER);

    @Inject
    HouseholdRecords records;
    @Inject
    HouseholdService households;
    @Inject
    MonitoringService monitoring;
    @Inject
    HouseholdConfig config;
    @Inject
    PovertyLines povertyLines;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    SecurityIdentity identity;

    @Transactional
    public HouseholdView takeStep(UUID id, StepRequest request, String ifMatch) {
        String role = ROLE_FOR_STEP.get(request.step());
        if (!identity.hasRole(role)) {
            throw ApiProblem.forbidden("Step " + request.step() + " needs the role " + role + ".").withField("step");
        }
        Household h = records.loadForChange(id, ifMatch);
        LocalDate date = records.dateOrToday(request.date(), "date");
        if (h.lastStepOn != null && date.isBefore(h.lastStepOn)) {
            throw ApiProblem.validation("date", "must not be before the previous step (" + h.lastStepOn + ")");
        }
        HouseholdState from = h.state;
        try {
            h.state = RegistrationWorkflow.take(from, request.step(), h.noticeStartedOn, date, config.noticeMinDays());
        } catch (RegistrationWorkflow.Refused r) {
            throw records.refused(r);
        }
        if (RegistrationWorkflow.startsANotice(request.step())) {
            h.noticeStartedOn = date;
        } else if (request.step() == WorkflowStep.TOWNSHIP_REVIEWED || request.step() == WorkflowStep.COUNTY_ANNOUNCED
                || request.step() == WorkflowStep.OBJECTION_RAISED) {
            h.noticeStartedOn = null;
        }
        h.lastStepOn = date;
        if (h.state == HouseholdState.REGISTERED) {
            h.identificationYear = request.identificationYear() != null ? request.identificationYear() : date.getYear();
        }
        records.changed(h, "step:" + request.step(), from, date, request.remarks());
        outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdWorkflowStepTakenV1(h.id.toString(), h.regionCode,
                request.step().name(), from.name(), h.state.name(), OffsetDateTime.now().toInstant()));
        if (h.state == HouseholdState.REGISTERED) {
            outbox.append(h.id.toString(), h.version, h.regionCode, households.registeredEvent(h));
            monitoring.evaluate(h, date);
        }
        return records.view(h);
    }

    /** 脱贫: income above the exit year's line and every required living condition, or 422 listing what is unmet. */
    @Transactional
    public HouseholdView exit(UUID id, LifecycleRequests.Exit request, String ifMatch) {
        Household h = records.loadForChange(id, ifMatch);
        if (h.state != HouseholdState.REGISTERED) {
            throw records.notInState(h, "exit", HouseholdState.REGISTERED);
        }
        LocalDate date = records.dateOrToday(request.date(), "date");
        List<String> unmet = ExitRules.unmet(records.perCapita(h), povertyLines.lineFor(h.regionCode, request.exitYear()), request.conditions(),
                config.exitConditions());
        if (!unmet.isEmpty()) {
            throw ApiProblem.unprocessable("exit-conditions-unmet", "Exit conditions not met",
                            "The household cannot exit in " + request.exitYear() + "; unmet: " + unmet + ".")
                    .with("unmet", unmet)
                    .with("perCapitaNetIncome", records.perCapita(h).map(java.math.BigDecimal::toPlainString).orElse(null))
                    .with("povertyLine", povertyLines.lineFor(h.regionCode, request.exitYear()).map(java.math.BigDecimal::toPlainString).orElse(null))
                    .withField("conditions");
        }
        HouseholdState from = h.state;
        h.state = HouseholdState.EXITED;
        h.exitYear = request.exitYear();
        records.changed(h, "exited", from, date, request.remarks());
        outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdExitedV1(h.id.toString(), h.regionCode, h.memberCount,
                h.exitYear, OffsetDateTime.now().toInstant()));
        return records.view(h);
    }

    /** 返贫 */
    @Transactional
    public HouseholdView returnToPoverty(UUID id, LifecycleRequests.Return request, String ifMatch) {
        Household h = records.loadForChange(id, ifMatch);
        if (h.state != HouseholdState.EXITED) {
            throw records.notInState(h, "return to poverty", HouseholdState.EXITED);
        }
        LocalDate date = records.dateOrToday(request.date(), "date");
        HouseholdState from = h.state;
        h.state = HouseholdState.REGISTERED;
        h.exitYear = null;
        records.changed(h, "returned", from, date, request.reason());
        outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdReturnedV1(h.id.toString(), h.regionCode, h.memberCount,
                request.year(), request.reason(), OffsetDateTime.now().toInstant()));
        return records.view(h);
    }

    /** 剔除 (错评): the record stays, its members are free to be registered elsewhere. */
    @Transactional
    public HouseholdView remove(UUID id, LifecycleRequests.Removal request, String ifMatch) {
        Household h = records.loadForChange(id, ifMatch);
        if (h.state == HouseholdState.REMOVED) {
            throw records.notInState(h, "remove", HouseholdState.REGISTERED, HouseholdState.EXITED);
        }
        LocalDate date = records.dateOrToday(request.date(), "date");
        HouseholdState from = h.state;
        h.state = HouseholdState.REMOVED;
        h.removalReason = request.reason();
        h.monitored = false;
        h.members.forEach(m -> m.active = false);
        records.changed(h, "removed", from, date, request.reason());
        outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdRemovedV1(h.id.toString(), h.regionCode, h.memberCount,
                request.reason(), OffsetDateTime.now().toInstant()));
        return records.view(h);
    }

    /** 帮扶责任人 */
    @Transactional
    public HouseholdView assignCadre(UUID id, LifecycleRequests.Cadre request, String ifMatch) {
        Household h = records.loadForChange(id, ifMatch);
        if (h.state == HouseholdState.REMOVED) {
            throw records.notInState(h, "assign a cadre to", HouseholdState.REGISTERED, HouseholdState.EXITED);
        }
        LocalDate date = records.dateOrToday(request.date(), "date");
        h.cadreId = request.cadreId();
        h.cadreName = request.name();
        h.cadrePhone = request.phone();
        h.cadreAssignedOn = date;
        records.changed(h, "cadre-assigned", h.state, date, request.cadreId());
        outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdCadreAssignedV1(h.id.toString(), h.regionCode,
                request.cadreId(), OffsetDateTime.now().toInstant()));
        return records.view(h);
    }

    public record MeasureView(UUID id, String kind, String description, LocalDate startedOn, String createdBy) {
    }

    public record VisitView(UUID id, LocalDate visitedOn, String visitor, String notes) {
    }

    public record Assistance(HouseholdView.Cadre cadre, List<MeasureView> measures, List<VisitView> visits) {
    }

    @Transactional
    public MeasureView addMeasure(UUID id, LifecycleRequests.Measure request) {
        Household h = records.loadForRead(id);
        records.requireWritable(h);
        AssistanceMeasure m = new AssistanceMeasure();
        m.id = UUID.randomUUID();
        m.householdId = h.id;
        m.kind = request.kind();
        m.description = request.description();
        m.startedOn = records.dateOrToday(request.startedOn(), "startedOn");
        m.createdBy = audit.actor();
        m.createdAt = OffsetDateTime.now();
        m.persist();
        audit.record("household.measure-added", "household", h.id.toString(), h.regionCode, m.kind);
        return new MeasureView(m.id, m.kind, m.description, m.startedOn, m.createdBy);
    }

    @Transactional
    public VisitView addVisit(UUID id, LifecycleRequests.Visit request) {
        Household h = records.loadForRead(id);
        records.requireWritable(h);
        VisitLog v = new VisitLog();
        v.id = UUID.randomUUID();
        v.householdId = h.id;
        v.visitedOn = records.dateOrToday(request.visitedOn(), "visitedOn");
        v.visitor = audit.actor();
        v.notes = request.notes();
        v.createdAt = OffsetDateTime.now();
        v.persist();
        audit.record("household.visit-logged", "household", h.id.toString(), h.regionCode, v.visitedOn.toString());
        return new VisitView(v.id, v.visitedOn, v.visitor, v.notes);
    }

    @Transactional
    public Assistance assistance(UUID id) {
        Household h = records.loadForRead(id);
        List<MeasureView> measures = AssistanceMeasure.<AssistanceMeasure>list("householdId = ?1 order by startedOn, createdAt", h.id).stream()
                .map(m -> new MeasureView(m.id, m.kind, m.description, m.startedOn, m.createdBy)).toList();
        List<VisitView> visits = VisitLog.<VisitLog>list("householdId = ?1 order by visitedOn, createdAt", h.id).stream()
                .map(v -> new VisitView(v.id, v.visitedOn, v.visitor, v.notes)).toList();
        return new Assistance(h.cadreId == null ? null : new HouseholdView.Cadre(h.cadreId, h.cadreName, h.cadrePhone, h.cadreAssignedOn),
                measures, visits);
    }

}
