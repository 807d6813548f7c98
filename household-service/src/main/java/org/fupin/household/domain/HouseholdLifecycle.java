package org.fupin.household.domain;

import org.fupin.contracts.household.HouseholdCadreAssignedV1;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMonitoringEndedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdRemovedV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.contracts.household.HouseholdWorkflowStepTakenV1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A household's lifecycle as the rules see it (plain Java): where it stands in the workflow and the registry, its
 * monitoring and its responsible cadre. Each decision method checks the rules, moves this object to the new values and
 * returns the {@link Change} with the events to publish; a refused change throws ({@link Refusal},
 * {@link RegistrationWorkflow.Refused}) and leaves this object as it was. The service copies the new values onto the
 * stored household, saves, and hands the change to the platform's change recorder (outbox + audit).
 */
public final class HouseholdLifecycle {

    private final String id;
    private final String householdCode;
    private final String regionCode;
    private final HouseholdType householdType;
    private final int memberCount;
    private final List<String> personIds;
    private final Integer incomeYear;
    private final BigDecimal netIncome;

    private HouseholdState state;
    private Integer identificationYear;
    private Integer exitYear;
    private String removalReason;
    private LocalDate noticeStartedOn;
    private LocalDate lastStepOn;
    private boolean monitored;
    private LocalDate monitoredSince;
    private List<String> monitoringReasons;
    private Cadre cadre;

    /** The responsible cadre (帮扶责任人). */
    public record Cadre(String id, String name, String phone, LocalDate assignedOn) {
    }

    /** Registry data the lifecycle reads but never changes (members and income change through an update). */
    public record Facts(String id, String householdCode, String regionCode, HouseholdType householdType, int memberCount,
                        List<String> personIds, Integer incomeYear, BigDecimal netIncome) {
        public Facts {
            personIds = List.copyOf(personIds);
        }
    }

    /** The values the lifecycle changes. {@code state} is null for a household not yet entered. */
    public record Status(HouseholdState state, Integer identificationYear, Integer exitYear, String removalReason,
                         LocalDate noticeStartedOn, LocalDate lastStepOn, boolean monitored, LocalDate monitoredSince,
                         List<String> monitoringReasons, Cadre cadre) {
        public Status {
            monitoringReasons = monitoringReasons == null ? List.of() : List.copyOf(monitoringReasons);
        }

        /** A household about to be entered. */
        public static Status none() {
            return new Status(null, null, null, null, null, null, false, null, List.of(), null);
        }
    }

    public HouseholdLifecycle(Facts facts, Status status) {
        this.id = facts.id();
        this.householdCode = facts.householdCode();
        this.regionCode = facts.regionCode();
        this.householdType = facts.householdType();
        this.memberCount = facts.memberCount();
        this.personIds = facts.personIds();
        this.incomeYear = facts.incomeYear();
        this.netIncome = facts.netIncome();
        restore(status);
    }

    private void restore(Status s) {
        state = s.state();
        identificationYear = s.identificationYear();
        exitYear = s.exitYear();
        removalReason = s.removalReason();
        noticeStartedOn = s.noticeStartedOn();
        lastStepOn = s.lastStepOn();
        monitored = s.monitored();
        monitoredSince = s.monitoredSince();
        monitoringReasons = s.monitoringReasons();
        cadre = s.cadre();
    }

    /** The current values, to store. */
    public Status status() {
        return new Status(state, identificationYear, exitYear, removalReason, noticeStartedOn, lastStepOn, monitored,
                monitoredSince, monitoringReasons, cadre);
    }

    public HouseholdState state() {
        return state;
    }

    /** Members of a removed household (剔除) are free to be registered elsewhere. */
    public boolean membersActive() {
        return state != HouseholdState.REMOVED;
    }

    /** 人均纯收入 */
    public Optional<BigDecimal> perCapitaNetIncome() {
        return Income.perCapita(netIncome, memberCount);
    }

    // ---- entering the registry ----

    /** 农户申请 / 村推荐: a new household enters the workflow in APPLIED. */
    public Change apply(LocalDate date) {
        requireNew();
        state = HouseholdState.APPLIED;
        return new Change("applied", null, state, date, null, List.of(new HouseholdWorkflowStepTakenV1(id, regionCode,
                "APPLIED", null, state.name(), Instant.now(), date)));
    }

    /** A household already registered in a provincial system enters the registry directly, on {@code date}. */
    public Change importRegistered(int identificationYear, LocalDate date) {
        requireNew();
        state = HouseholdState.REGISTERED;
        this.identificationYear = identificationYear;
        lastStepOn = date; // paper records: later steps may not be dated before it
        return new Change("imported", null, state, date, null, List.of(registered(date)));
    }

    private void requireNew() {
        if (state != null) {
            throw new IllegalStateException("household " + id + " was already entered");
        }
    }

    // ---- the registration workflow ----

    /**
     * A registration step on {@code date} (not before the previous step). The county announcement registers the household
     * for {@code identificationYear} (default: the date's year).
     */
    public Change takeStep(WorkflowStep step, LocalDate date, Integer identificationYear, int minNoticeDays, String remarks) {
        if (lastStepOn != null && date.isBefore(lastStepOn)) {
            throw Refusal.invalid("date", "must not be before the previous step (" + lastStepOn + ")");
        }
        HouseholdState from = state;
        HouseholdState next = RegistrationWorkflow.take(from, step, noticeStartedOn, date, minNoticeDays);
        state = next;
        if (RegistrationWorkflow.startsANotice(step)) {
            noticeStartedOn = date;
        } else if (step == WorkflowStep.TOWNSHIP_REVIEWED || step == WorkflowStep.COUNTY_ANNOUNCED || step == WorkflowStep.OBJECTION_RAISED) {
            noticeStartedOn = null;
        }
        lastStepOn = date;
        List<Object> events = new ArrayList<>();
        events.add(new HouseholdWorkflowStepTakenV1(id, regionCode, step.name(), from.name(), next.name(), Instant.now(), date));
        if (next == HouseholdState.REGISTERED) {
            this.identificationYear = identificationYear != null ? identificationYear : date.getYear();
            events.add(registered(date));
        }
        return new Change("step:" + step, from, next, date, remarks, events);
    }

    private HouseholdRegisteredV1 registered(LocalDate date) {
        return new HouseholdRegisteredV1(id, householdCode, regionCode, memberCount, identificationYear, householdType.name(),
                personIds, Instant.now(), date);
    }

    // ---- registry data ----

    /** Registry data may change until the household is removed. */
    public void requireUpdatable() {
        if (state == HouseholdState.REMOVED) {
            throw Refusal.notInState(state, "update", HouseholdState.values());
        }
    }

    /** The registry data (members, type, income) changed on {@code date}: the event carries the new figures. */
    public Change updated(LocalDate date) {
        requireUpdatable();
        return new Change("updated", state, state, date, null,
                List.of(new HouseholdUpdatedV1(id, regionCode, memberCount, householdType.name(), personIds, date)));
    }

    // ---- dynamic management (动态管理) ----

    /** 脱贫: per-capita income above the exit year's line and every required living condition, else 422 listing the unmet. */
    public Change exit(int exitYear, LocalDate date, Map<LivingCondition, Boolean> conditions, Optional<BigDecimal> povertyLine,
                       Set<LivingCondition> required, String remarks) {
        if (state != HouseholdState.REGISTERED) {
            throw Refusal.notInState(state, "exit", HouseholdState.REGISTERED);
        }
        List<String> unmet = ExitRules.unmet(perCapitaNetIncome(), povertyLine, conditions, required);
        if (!unmet.isEmpty()) {
            throw Refusal.unprocessable("exit-conditions-unmet", "Exit conditions not met",
                            "The household cannot exit in " + exitYear + "; unmet: " + unmet + ".", "conditions")
                    .with("unmet", unmet)
                    .with("perCapitaNetIncome", perCapitaNetIncome().map(BigDecimal::toPlainString).orElse(null))
                    .with("povertyLine", povertyLine.map(BigDecimal::toPlainString).orElse(null));
        }
        HouseholdState from = state;
        state = HouseholdState.EXITED;
        this.exitYear = exitYear;
        return new Change("exited", from, state, date, remarks,
                List.of(new HouseholdExitedV1(id, regionCode, memberCount, exitYear, Instant.now(), date)));
    }

    /** 返贫: an exited household falls back in {@code year}. */
    public Change returnToPoverty(int year, String reason, LocalDate date) {
        if (state != HouseholdState.EXITED) {
            throw Refusal.notInState(state, "return to poverty", HouseholdState.EXITED);
        }
        HouseholdState from = state;
        state = HouseholdState.REGISTERED;
        exitYear = null;
        return new Change("returned", from, state, date, reason,
                List.of(new HouseholdReturnedV1(id, regionCode, memberCount, year, reason, Instant.now(), date)));
    }

    /** 剔除 (错评): the record stays, monitoring ends, the members are free to be registered elsewhere. */
    public Change remove(String reason, LocalDate date) {
        if (state == HouseholdState.REMOVED) {
            throw Refusal.notInState(state, "remove", HouseholdState.REGISTERED, HouseholdState.EXITED);
        }
        HouseholdState from = state;
        state = HouseholdState.REMOVED;
        removalReason = reason;
        monitored = false;
        return new Change("removed", from, state, date, reason,
                List.of(new HouseholdRemovedV1(id, regionCode, memberCount, reason, Instant.now(), date)));
    }

    /** 帮扶责任人, named in the event by staff id only. */
    public Change assignCadre(String cadreId, String name, String phone, LocalDate date) {
        if (state == HouseholdState.REMOVED) {
            throw Refusal.notInState(state, "assign a cadre to", HouseholdState.REGISTERED, HouseholdState.EXITED);
        }
        cadre = new Cadre(cadreId, name, phone, date);
        return new Change("cadre-assigned", state, state, date, cadreId,
                List.of(new HouseholdCadreAssignedV1(id, regionCode, cadreId, Instant.now(), date)));
    }

    // ---- monitoring (防返贫监测) ----

    /** A hardship is recorded (no event of its own); whether it starts monitoring is {@link #evaluateMonitoring}'s call. */
    public Change recordHardship(MonitoringRules.Hardship kind, String remarks, LocalDate date) {
        if (state == null || !state.isInRegistry()) {
            throw Refusal.notInState(state, "record a hardship for", HouseholdState.REGISTERED, HouseholdState.EXITED);
        }
        return new Change("hardship-recorded", state, state, date, kind + (remarks == null ? "" : ": " + remarks), List.of());
    }

    /**
     * Starts monitoring when the per-capita income is under {@code multiple} × the line of the income year, or on a
     * hardship; nothing when there is no reason, the household is monitored already or not in the registry.
     */
    public Optional<Change> evaluateMonitoring(Optional<BigDecimal> lineOfIncomeYear, BigDecimal multiple,
                                               Set<MonitoringRules.Hardship> hardships, LocalDate date) {
        List<String> reasons = MonitoringRules.reasons(perCapitaNetIncome(), lineOfIncomeYear, multiple, hardships);
        if (reasons.isEmpty() || monitored || state == null || !state.isInRegistry()) {
            return Optional.empty();
        }
        monitored = true;
        monitoredSince = date;
        monitoringReasons = reasons;
        return Optional.of(new Change("monitoring-started", state, state, date, String.join(",", reasons),
                List.of(new HouseholdMonitoringStartedV1(id, regionCode, memberCount, reasons, Instant.now(), date))));
    }

    /** Monitoring ends on {@code date}, only after the stable period, with a reason. */
    public Change endMonitoring(String reason, LocalDate date, int stableMonths) {
        if (!monitored) {
            throw Refusal.conflict("Household " + householdCode + " is not monitored.").with("monitored", false);
        }
        Period stable = Period.ofMonths(stableMonths);
        if (!MonitoringRules.mayEnd(monitoredSince, date, stable)) {
            throw Refusal.unprocessable("monitoring-too-recent", "Monitoring cannot end yet",
                    "Monitored since " + monitoredSince + "; it may end after a stable period of " + stableMonths
                            + " months, on or after " + monitoredSince.plus(stable) + ".", "date");
        }
        monitored = false;
        monitoredSince = null;
        monitoringReasons = List.of();
        return new Change("monitoring-ended", state, state, date, reason,
                List.of(new HouseholdMonitoringEndedV1(id, regionCode, reason, Instant.now(), date)));
    }
}
