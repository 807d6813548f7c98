package org.fupin.reporting.domain;

import org.fupin.platform.region.RegionCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The registered population of a region prefix, from the figures loaded per region:
 * <ol>
 *   <li>the figure loaded for the prefix itself, when there is one;</li>
 *   <li>otherwise the sum of the top-most loaded figures strictly inside it: a loaded region whose ancestor inside the
 *   prefix is also loaded is already part of that ancestor's figure and is not added again;</li>
 *   <li>no figure at all: unknown (null), so the incidence is undefined rather than a division by a made-up 0.</li>
 * </ol>
 */
public final class PopulationRollup {
    private PopulationRollup() {
    }

    /**
     * @param prefix a region prefix ({@code ""} = national)
     * @param loaded loaded figures, by the 12-digit zero-padded code of the region they are for; rows outside the prefix
     *               are ignored
     * @return the population, or null when nothing loaded applies
     */
    public static Long populationOf(String prefix, Map<String, Long> loaded) {
        Long own = loaded.get(PopulationBatch.padded(prefix));
        if (own != null) {
            return own;
        }
        List<String> inside = new ArrayList<>();
        for (String code : loaded.keySet()) {
            String p = RegionCode.prefixOf(code);
            if (p.length() > prefix.length() && p.startsWith(prefix)) {
                inside.add(p);
            }
        }
        inside.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        List<String> topMost = new ArrayList<>();
        long sum = 0;
        for (String p : inside) {
            if (topMost.stream().noneMatch(p::startsWith)) {
                topMost.add(p);
                sum = Math.addExact(sum, loaded.get(PopulationBatch.padded(p)));
            }
        }
        return topMost.isEmpty() ? null : sum;
    }
}
