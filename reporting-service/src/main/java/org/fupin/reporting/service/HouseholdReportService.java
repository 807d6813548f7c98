package org.fupin.reporting.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.money.Rate;
import org.fupin.platform.region.RegionScope;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.domain.PoorCountyRule;
import org.fupin.reporting.domain.PopulationBatch;
import org.fupin.reporting.domain.PopulationRollup;
import org.fupin.reporting.domain.RegionNameBatch;
import org.fupin.reporting.domain.ReportYear;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.reporting.repository.HouseholdRollupRepository;
import org.fupin.reporting.repository.RegionPopulationRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class HouseholdReportService {

    @Inject
    HouseholdRollupRepository rollups;
    @Inject
    RegionPopulationRepository populations;
    @Inject
    RegionScope region;
    @Inject
    ReportingConfig config;

    @Transactional
    public HouseholdReport figures(String requestedRegion, String requestedYear) {
        return figures(requestedRegion, requestedYear, null);
    }

    /**
     * @param requestedGroupBy {@code region}: a row per region one level below that has (had) households;
     *                         {@code year}: a row per year with a year-bound figure (the year filter keeps that year);
     *                         absent: the region's figures only
     */
    @Transactional
    public HouseholdReport figures(String requestedRegion, String requestedYear, String requestedGroupBy) {
        String prefix = region.queryPrefix(requestedRegion, "region");
        Integer year = ReportYear.parse(requestedYear, "year");
        String groupBy = requestedGroupBy == null || requestedGroupBy.isBlank() ? null : requestedGroupBy.trim();
        if (groupBy != null && !GROUPINGS.contains(groupBy)) {
            throw ApiProblem.validation("groupBy", "must be one of " + String.join(", ", GROUPINGS));
        }
        List<HouseholdReport.Row> rows = new ArrayList<>();
        if ("region".equals(groupBy)) {
            int childLength = RegionNameBatch.childLength(prefix);
            if (childLength > 0) {
                for (String child : rollups.knownChildren(prefix, childLength)) { // a handful of rows per child, by key
                    rows.add(new HouseholdReport.Row(child, compute(child, year, null, List.of())));
                }
            }
        } else if ("year".equals(groupBy)) {
            for (int y : rollups.years(prefix)) {
                if (year == null || year == y) {
                    rows.add(new HouseholdReport.Row(Integer.toString(y), compute(prefix, y, null, List.of())));
                }
            }
        }
        return compute(prefix, year, groupBy, rows);
    }

    static final List<String> GROUPINGS = List.of("region", "year");

    private HouseholdReport compute(String prefix, Integer year, String groupBy, List<HouseholdReport.Row> rows) {
        var f = rollups.figures(prefix, year); // a handful of rows by primary key (roll-ups, V3)
        Long population = population(prefix);
        Rate incidence = Rate.of(f.remaining().persons(), population == null ? 0 : population);
        PoorCountyRule rule = poorCountyRule();
        BigDecimal threshold = rule.thresholdFor(prefix);
        return new HouseholdReport(prefix, year,
                count(f.registered()), count(f.exited()), count(f.returned()), count(f.removed()),
                count(f.remaining()), count(f.monitored()),
                population, incidence, rule.mayLeavePoorCountyList(prefix, incidence),
                threshold == null ? null : threshold.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                rollups.personsInSeveralHouseholds(prefix), OffsetDateTime.now(), groupBy, rows);
    }

    /** The prefix's own loaded figure, else the sum of the top-most figures inside it, else null. */
    private Long population(String prefix) {
        Long own = populations.population(PopulationBatch.padded(prefix));
        return own != null ? own : PopulationRollup.populationOf(prefix, populations.populationsInside(prefix));
    }

    /** A wrong threshold setting (e.g. a province that is not 2 digits) stops the start, not a later request. */
    void checkConfiguration(@Observes StartupEvent start) {
        poorCountyRule();
    }

    PoorCountyRule poorCountyRule() {
        var c = config.poorCounty();
        return new PoorCountyRule(c.incidenceThresholdPercent(), c.westernIncidenceThresholdPercent(), c.westernProvinces());
    }

    private static HouseholdReport.Count count(HouseholdRollupRepository.Counts c) {
        return new HouseholdReport.Count(c.households(), c.persons());
    }
}
