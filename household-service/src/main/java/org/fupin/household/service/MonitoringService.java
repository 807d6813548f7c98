package org.fupin.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.household.domain.HouseholdLifecycle;
import org.fupin.household.domain.MonitoringRules;
import org.fupin.household.repository.Household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Monitored households (防返贫监测): start on low income or a hardship; end after a stable period, with a reason. */
@ApplicationScoped
public class MonitoringService {

    @Inject
    HouseholdLoader loader;
    @Inject
    HouseholdChanges changes;
    @Inject
    HouseholdViews views;
    @Inject
    HouseholdConfig config;
    @Inject
    PovertyLines povertyLines;

    /** Starts monitoring when the income is under the configured multiple of the line (called after income changes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(Household h, LocalDate date) {
        evaluate(h, Set.of(), date);
    }

    /**
     * The same for a household of a bulk-import chunk: the change is kept in {@code pending}, and the poverty line of each
     * province and year is looked up once per chunk.
     */
    void evaluate(Household h, LocalDate date, HouseholdChanges.Pending pending) {
        evaluate(h, Set.of(), date, pending);
    }

    private void evaluate(Household h, Set<MonitoringRules.Hardship> hardships, LocalDate date) {
        evaluate(h, hardships, date, null);
    }

    private void evaluate(Household h, Set<MonitoringRules.Hardship> hardships, LocalDate date, HouseholdChanges.Pending pending) {
        HouseholdLifecycle lifecycle = h.lifecycle();
        Optional<BigDecimal> line = pending == null ? povertyLines.lineFor(h.regionCode, h.incomeYear)
                : pending.povertyLines.computeIfAbsent(h.regionCode.substring(0, 2) + "/" + h.incomeYear,
                k -> povertyLines.lineFor(h.regionCode, h.incomeYear));
        lifecycle.evaluateMonitoring(line, config.monitoringIncomeMultiple(), hardships, date)
                .ifPresent(started -> changes.save(h, lifecycle, started, pending));
    }

    @Transactional
    public HouseholdDetails recordHardship(UUID id, LifecycleCommands.Hardship request, String ifMatch) {
        Household h = loader.forChange(id, ifMatch);
        LocalDate date = Refusals.dateOrToday(request.date(), "date");
        HouseholdLifecycle lifecycle = h.lifecycle();
        changes.save(h, lifecycle, Refusals.decide(() -> lifecycle.recordHardship(request.kind(), request.remarks(), date)));
        evaluate(h, Set.of(request.kind()), date);
        return views.details(h);
    }

    @Transactional
    public HouseholdDetails end(UUID id, LifecycleCommands.EndMonitoring request, String ifMatch) {
        Household h = loader.forChange(id, ifMatch);
        LocalDate date = Refusals.dateOrToday(request.date(), "date");
        HouseholdLifecycle lifecycle = h.lifecycle();
        changes.save(h, lifecycle, Refusals.decide(() -> lifecycle.endMonitoring(request.reason(), date, config.monitoringStableMonths())));
        return views.details(h);
    }
}
