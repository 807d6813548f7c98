package org.fupin.reporting.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch of changes adds to the household roll-ups: for every changed household, its contributions after the
 * batch minus those before, at every region level of its code (national, province, city, county, township, village).
 * A household that moves to another village is thus taken out of the old prefixes and counted in the new ones.
 */
public final class RollupDelta {

    /** households and persons to add to one counter. */
    public record Change(RollupKey key, long households, long persons) {
    }

    private final Map<RollupKey, long[]> deltas = new TreeMap<>();

    /**
     * Adds the change of one household.
     *
     * @param before the fact before, null when it had none
     * @param after  the fact after, null when it has none
     */
    public RollupDelta add(HouseholdFact before, HouseholdFact after) {
        if (before != null) {
            count(before, -1);
        }
        if (after != null) {
            count(after, +1);
        }
        return this;
    }

    private void count(HouseholdFact fact, int sign) {
        List<HouseholdFact.Contribution> contributions = fact.contributions();
        for (String prefix : RegionLevels.prefixesOf(fact.regionCode())) {
            for (HouseholdFact.Contribution c : contributions) {
                long[] d = deltas.computeIfAbsent(new RollupKey(prefix, c.figure(), c.year()), k -> new long[2]);
                d[0] += sign * c.households();
                d[1] += sign * c.persons();
            }
        }
    }

    /** The counters that change, in key order; those whose changes cancel out are left out. */
    public List<Change> changes() {
        return deltas.entrySet().stream()
                .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                .map(e -> new Change(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
