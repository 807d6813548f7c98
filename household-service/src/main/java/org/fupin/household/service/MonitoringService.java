package org.fupin.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.household.HouseholdMonitoringEndedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.MonitoringRules;
import org.fupin.household.repository.Household;
import org.fupin.household.rest.HouseholdView;
import org.fupin.household.rest.LifecycleRequests;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Monitored households (防返贫监测): start on low income or a hardship; end after a stable period, with a reason. */
@ApplicationScoped
public class MonitoringService {

    @Inject
    HouseholdRecords records;
    @Inject
    HouseholdConfig config;
    @Inject
    PovertyLines povertyLines;
    @Inject
    Outbox outbox;

    /** Starts monitoring when the income is under the configured multiple of the line (called after income changes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(Household h, LocalDate today) {
        start(h, MonitoringRules.reasons(records.perCapita(h), povertyLines.lineFor(h.regionCode, h.incomeYear), config.monitoringIncomeMultiple(), Set.of()), today);
    }

    @Transactional
    public HouseholdView recordHardship(UUID id, LifecycleRequests.Hardship request, String ifMatch) {
        Household h = records.loadForChange(id, ifMatch);
        requireInRegistry(h, "record a hardship for");
        LocalDate date = records.dateOrToday(request.date(), "date");
        records.changed(h, "hardship-recorded", h.state, date, request.kind() + (request.remarks() == null ? "" : ": " + request.remarks()));
        List<String> reasons = MonitoringRules.reasons(records.perCapita(h), povertyLines.lineFor(h.regionCode, h.incomeYear),
                config.monitoringIncomeMultiple(), Set.of(request.kind()));
        start(h, reasons, date);
        return records.view(h);
    }

    @Transactional
    public HouseholdView end(UUID id, LifecycleRequests.EndMonitoring request, String ifMatch) {
        Household h = records.loadForChange(id, ifMatch);
        if (!h.monitored) {
            throw ApiProblem.conflict("Household " + h.householdCode + " is not monitored.").with("monitored", false);
        }
        LocalDate date = records.dateOrToday(request.date(), "date");
        Period stable = Period.ofMonths(config.monitoringStableMonths());
        if (!MonitoringRules.mayEnd(h.monitoredSince, date, stable)) {
            throw ApiProblem.unprocessable("monitoring-too-recent", "Monitoring cannot end yet",
                    "Monitored since " + h.monitoredSince + "; it may end after a stable period of " + config.monitoringStableMonths()
                            + " months, on or after " + h.monitoredSince.plus(stable) + ".").withField("date");
        }
        h.monitored = false;
        h.monitoredSince = null;
        h.monitoringReasons = null;
        records.changed(h, "monitoring-ended", h.state, date, request.reason());
        outbox.append(h.id.toString(), h.version, h.regionCode,
                new HouseholdMonitoringEndedV1(h.id.toString(), h.regionCode, request.reason(), OffsetDateTime.now().toInstant()));
        return records.view(h);
    }

    private void start(Household h, List<String> reasons, LocalDate date) {
        if (reasons.isEmpty() || h.monitored || !h.state.isInRegistry()) {
            return;
        }
        h.monitored = true;
        h.monitoredSince = date;
        h.monitoringReasons = String.join(",", reasons);
        records.changed(h, "monitoring-started", h.state, date, h.monitoringReasons);
        outbox.append(h.id.toString(), h.version, h.regionCode, new HouseholdMonitoringStartedV1(h.id.toString(), h.regionCode,
                h.memberCount, reasons, OffsetDateTime.now().toInstant()));
    }

    void requireInRegistry(Household h, String action) {
        if (!h.state.isInRegistry()) {
            throw records.notInState(h, action, HouseholdState.REGISTERED, HouseholdState.EXITED);
        }
    }
}
