package org.fupin.reporting.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * 数据比对 (one person, one household), kept incrementally: a person counts for a region prefix when at least two of
 * their non-removed households lie inside it. For each person a batch touches, the prefixes they count for before and
 * after the batch give the change of "persons in several households" per prefix.
 */
public final class PersonDuplication {

    private final Map<String, Long> deltas = new TreeMap<>();

    /**
     * Adds the change of one person.
     *
     * @param before the person's non-removed households before the batch: household id → region code
     * @param after  the same after the batch
     */
    public PersonDuplication add(Map<UUID, String> before, Map<UUID, String> after) {
        Set<String> was = prefixesWithSeveral(before);
        Set<String> is = prefixesWithSeveral(after);
        for (String p : is) {
            if (!was.contains(p)) {
                deltas.merge(p, 1L, Long::sum);
            }
        }
        for (String p : was) {
            if (!is.contains(p)) {
                deltas.merge(p, -1L, Long::sum);
            }
        }
        return this;
    }

    /** The prefixes in which the households lie at least twice. */
    static Set<String> prefixesWithSeveral(Map<UUID, String> households) {
        if (households.size() < 2) {
            return Set.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String code : households.values()) {
            for (String prefix : RegionLevels.prefixesOf(code)) {
                counts.merge(prefix, 1, Integer::sum);
            }
        }
        Set<String> several = new HashSet<>();
        counts.forEach((prefix, n) -> {
            if (n > 1) {
                several.add(prefix);
            }
        });
        return several;
    }

    /** Change of persons in several households per prefix, in prefix order; zero changes left out. */
    public Map<String, Long> changes() {
        Map<String, Long> out = new TreeMap<>();
        deltas.forEach((p, d) -> {
            if (d != 0) {
                out.put(p, d);
            }
        });
        return out;
    }
}
