package org.fupin.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.region.RegionScope;
import org.fupin.reporting.repository.HouseholdFactRepository;
import org.fupin.reporting.rest.HouseholdFigures;

import java.time.OffsetDateTime;

@ApplicationScoped
public class HouseholdReportService {

    @Inject
    HouseholdFactRepository facts;
    @Inject
    RegionScope region;

    @Transactional
    public HouseholdFigures figures(String requestedRegion) {
        String prefix = region.queryPrefix(requestedRegion, "region");
        var counts = facts.registered(prefix);
        return new HouseholdFigures(prefix, counts.households(), counts.persons(), OffsetDateTime.now());
    }
}
