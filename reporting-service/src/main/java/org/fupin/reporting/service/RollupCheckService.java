package org.fupin.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.region.RegionScope;
import org.fupin.reporting.domain.RollupMismatch;
import org.fupin.reporting.repository.HouseholdRollupRepository;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Recomputes the roll-ups from the facts and compares (tests, the chaos verifier, an operator after an incident).
 * A full recomputation of the region: seconds at a million households, so an administrative check, not a report.
 */
@ApplicationScoped
public class RollupCheckService {

    private static final Logger LOG = Logger.getLogger(RollupCheckService.class);
    static final int MAX_LISTED = 1000;

    @Inject
    HouseholdRollupRepository rollups;
    @Inject
    RegionScope region;

    /** The caller's region, or a prefix inside it. */
    @Transactional
    public RollupCheck check(String requestedRegion) {
        return check(region.queryPrefix(requestedRegion, "region"), true);
    }

    /** Without a caller (tests): the given prefix. */
    @Transactional
    public RollupCheck checkPrefix(String prefix) {
        return check(prefix, false);
    }

    private RollupCheck check(String prefix, boolean log) {
        List<RollupMismatch> mismatches = rollups.check(prefix);
        if (!mismatches.isEmpty() && log) {
            LOG.warnf("roll-up check of region '%s': %d counters differ from the facts, first %s", prefix, mismatches.size(),
                    mismatches.get(0));
        }
        return new RollupCheck(prefix, mismatches.isEmpty(), mismatches.size(),
                mismatches.size() > MAX_LISTED ? List.copyOf(mismatches.subList(0, MAX_LISTED)) : mismatches);
    }
}
