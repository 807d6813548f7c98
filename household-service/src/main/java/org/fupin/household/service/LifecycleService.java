package org.fupin.household.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.household.HouseholdMeasureAddedV1;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.domain.Change;
import org.fupin.household.domain.HouseholdLifecycle;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.WorkflowStep;
import org.fupin.household.repository.AssistanceMeasure;
import org.fupin.household.repository.AssistanceMeasureRepository;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.VisitLog;
import org.fupin.household.repository.VisitLogRepository;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.security.Roles;
import org.fupin.platform.usecase.AggregateChange;
import org.fupin.platform.usecase.ChangeRecorder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The registration workflow and dynamic management (动态管理): exit, return, removal; and assistance records. Each use
 * case: load (locked, region-checked) → the domain decides ({@link HouseholdLifecycle}) → {@link HouseholdChanges#save}.
 */
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
    HouseholdLoader loader;
    @Inject
    HouseholdChanges changes;
    @Inject
    HouseholdViews views;
    @Inject
    MonitoringService monitoring;
    @Inject
    HouseholdConfig config;
    @Inject
    AssistanceMeasureRepository measures;
    @Inject
    VisitLogRepository visits;
    @Inject
    ChangeRecorder recorder;
    @Inject
    PovertyLines povertyLines;
    @Inject
    AuditTrail audit;
    @Inject
    SecurityIdentity identity;

    @Transactional
    public HouseholdDetails takeStep(UUID id, LifecycleCommands.Step request, String ifMatch) {
        String role = ROLE_FOR_STEP.get(request.step());
        if (!identity.hasRole(role)) {
            throw ApiProblem.forbidden("Step " + request.step() + " needs the role " + role + ".").withField("step");
        }
        Household h = loader.forChange(id, ifMatch);
        LocalDate date = Refusals.dateOrToday(request.date(), "date");
        HouseholdLifecycle lifecycle = h.lifecycle();
        Change step = Refusals.decide(() -> lifecycle.takeStep(request.step(), date, request.identificationYear(),
                config.noticeMinDays(), request.remarks()));
        changes.save(h, lifecycle, step);
        if (step.to() == HouseholdState.REGISTERED) {
            monitoring.evaluate(h, date);
        }
        return views.details(h);
    }

    /** 脱贫: income above the exit year's line and every required living condition, or 422 listing what is unmet. */
    @Transactional
    public HouseholdDetails exit(UUID id, LifecycleCommands.Exit request, String ifMatch) {
        Household h = loader.forChange(id, ifMatch);
        LocalDate date = Refusals.dateOrToday(request.date(), "date");
        HouseholdLifecycle lifecycle = h.lifecycle();
        Change exit = Refusals.decide(() -> lifecycle.exit(request.exitYear(), date, request.conditions(),
                povertyLines.lineFor(h.regionCode, request.exitYear()), config.exitConditions(), request.remarks()));
        changes.save(h, lifecycle, exit);
        return views.details(h);
    }

    /** 返贫 */
    @Transactional
    public HouseholdDetails returnToPoverty(UUID id, LifecycleCommands.Return request, String ifMatch) {
        Household h = loader.forChange(id, ifMatch);
        LocalDate date = Refusals.dateOrToday(request.date(), "date");
        HouseholdLifecycle lifecycle = h.lifecycle();
        changes.save(h, lifecycle, Refusals.decide(() -> lifecycle.returnToPoverty(request.year(), request.reason(), date)));
        return views.details(h);
    }

    /** 剔除 (错评): the record stays, its members are free to be registered elsewhere. */
    @Transactional
    public HouseholdDetails remove(UUID id, LifecycleCommands.Removal request, String ifMatch) {
        Household h = loader.forChange(id, ifMatch);
        LocalDate date = Refusals.dateOrToday(request.date(), "date");
        HouseholdLifecycle lifecycle = h.lifecycle();
        changes.save(h, lifecycle, Refusals.decide(() -> lifecycle.remove(request.reason(), date)));
        return views.details(h);
    }

    /** 帮扶责任人 */
    @Transactional
    public HouseholdDetails assignCadre(UUID id, LifecycleCommands.Cadre request, String ifMatch) {
        Household h = loader.forChange(id, ifMatch);
        LocalDate date = Refusals.dateOrToday(request.date(), "date");
        HouseholdLifecycle lifecycle = h.lifecycle();
        changes.save(h, lifecycle, Refusals.decide(() -> lifecycle.assignCadre(request.cadreId(), request.name(), request.phone(), date)));
        return views.details(h);
    }

    /** 帮扶措施: added to the household's file; the household itself (and its version) does not change. */
    @Transactional
    public AssistanceRecord.Measure addMeasure(UUID id, LifecycleCommands.Measure request) {
        Household h = loader.forAddition(id);
        AssistanceMeasure m = new AssistanceMeasure();
        m.id = UUID.randomUUID();
        m.householdId = h.id;
        m.kind = request.kind();
        m.description = request.description();
        m.startedOn = Refusals.dateOrToday(request.startedOn(), "startedOn");
        m.createdBy = audit.actor();
        m.createdAt = OffsetDateTime.now();
        measures.persist(m);
        // the household (and its version) does not change: the event carries its current version; consumers that keep
        // the latest measure date (rectification's system check, 帮扶措施未落实) take the maximum, so order does not matter
        recorder.record(new AggregateChange("household", h.id.toString(), h.version, h.regionCode, m.startedOn,
                "household.measure-added", m.kind, List.of(new HouseholdMeasureAddedV1(h.id.toString(), h.regionCode,
                m.id.toString(), m.startedOn, m.createdAt.toInstant(), m.startedOn))));
        return views.measure(m);
    }

    /** 民情日记 */
    @Transactional
    public AssistanceRecord.Visit addVisit(UUID id, LifecycleCommands.Visit request) {
        Household h = loader.forAddition(id);
        VisitLog v = new VisitLog();
        v.id = UUID.randomUUID();
        v.householdId = h.id;
        v.visitedOn = Refusals.dateOrToday(request.visitedOn(), "visitedOn");
        v.visitor = audit.actor();
        v.notes = request.notes();
        v.createdAt = OffsetDateTime.now();
        visits.persist(v);
        recorder.record(new AggregateChange("household", h.id.toString(), h.version, h.regionCode, v.visitedOn,
                "household.visit-logged", null, List.of()));
        return views.visit(v);
    }

    @Transactional
    public AssistanceRecord assistance(UUID id) {
        Household h = loader.forRead(id);
        return new AssistanceRecord(views.cadre(h), measures.of(h.id).stream().map(views::measure).toList(),
                visits.of(h.id).stream().map(views::visit).toList());
    }
}
