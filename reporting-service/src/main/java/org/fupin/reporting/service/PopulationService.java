package org.fupin.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.region.RegionCode;
import org.fupin.platform.region.RegionScope;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.domain.PopulationBatch;
import org.fupin.reporting.repository.RegionPopulationRepository;

import java.util.List;

/** Registered population per region (户籍人口), the denominator of poverty incidence. */
@ApplicationScoped
public class PopulationService {

    @Inject
    RegionPopulationRepository populations;
    @Inject
    RegionScope region;
    @Inject
    AuditTrail audit;
    @Inject
    ReportingConfig config;

    /**
     * Loads a batch in one transaction: every row valid and inside the caller's region, or nothing is stored.
     */
    @Transactional
    /** @return the number of figures inserted or replaced */
    public int load(List<PopulationRow> rows) {
        List<PopulationBatch.Figure> figures = PopulationBatch.validate(
                rows == null ? null : rows.stream()
                        .map(r -> r == null ? null : new PopulationBatch.Candidate(r.regionCode(), r.population(), r.year()))
                        .toList(),
                config.population().maxBatchSize());
        for (int i = 0; i < figures.size(); i++) {
            region.requireWritable(figures.get(i).regionCode(), "[" + i + "].regionCode");
        }
        String actor = audit.actor();
        for (PopulationBatch.Figure f : figures) {
            populations.upsert(f.regionCode(), f.population(), f.year(), actor);
            audit.record("population.loaded", "region_population", f.regionCode(), f.regionCode(),
                    "population=" + f.population() + (f.year() == null ? "" : " year=" + f.year()));
        }
        return figures.size();
    }

    @Transactional
    /** The figures loaded inside the region prefix asked for (the caller's own when none is). */
    public PopulationList list(String requestedRegion) {
        String prefix = region.queryPrefix(requestedRegion, "region");
        return new PopulationList(prefix, populations.inside(prefix).stream()
                .map(r -> new PopulationFigure(r.regionCode(), RegionCode.prefixOf(r.regionCode()), r.population(), r.year(),
                        r.updatedAt(), r.updatedBy()))
                .toList());
    }
}
