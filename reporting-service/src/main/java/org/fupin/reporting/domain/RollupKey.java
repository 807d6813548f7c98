package org.fupin.reporting.domain;

import java.util.Comparator;

/**
 * A roll-up counter's key: region prefix ({@code ""} = national), figure, year ({@link HouseholdFact#ALL_YEARS} = all
 * years). Ordered, so that every transaction updates counters in the same order (no deadlocks between replicas).
 */
public record RollupKey(String regionPrefix, HouseholdFigure figure, int year) implements Comparable<RollupKey> {

    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::regionPrefix)
            .thenComparing(k -> k.figure().key()).thenComparingInt(RollupKey::year);

    @Override
    public int compareTo(RollupKey o) {
        return ORDER.compare(this, o);
    }
}
