package org.fupin.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.reporting.repository.ConsumerFreshnessRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The freshness of the consumers and of the reports built on them. */
@ApplicationScoped
public class FreshnessService {

    /** The incoming channels (consumers), as in application.properties. */
    public static final String HOUSEHOLDS = "household-events";
    public static final String PROJECTS = "project-events";
    public static final String FUNDS = "fund-events";

    /** Which consumers each report's figures come from. */
    public enum Report {
        HOUSEHOLDS(List.of(FreshnessService.HOUSEHOLDS)),
        /** projects and their beneficiary households */
        PROJECTS(List.of(FreshnessService.PROJECTS, FreshnessService.HOUSEHOLDS)),
        /** ledger entries and the projects they are for */
        FUNDS(List.of(FreshnessService.FUNDS, FreshnessService.PROJECTS));

        final List<String> consumers;

        Report(List<String> consumers) {
            this.consumers = consumers;
        }
    }

    @Inject
    ConsumerFreshnessRepository repository;

    /** Called by a consumer as the last step of its transaction, with the latest event time of what it applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applied(String consumer, Instant latestEventAt) {
        if (latestEventAt != null) {
            repository.advance(consumer, latestEventAt);
        }
    }

    @Transactional
    public Freshness of(Report report) {
        return of(report.consumers);
    }

    @Transactional
    public Freshness of(List<String> consumers) {
        Map<String, Instant> latest = repository.latest(consumers);
        return new Freshness(latest.values().stream().max(Instant::compareTo).orElse(null), latest);
    }
}
