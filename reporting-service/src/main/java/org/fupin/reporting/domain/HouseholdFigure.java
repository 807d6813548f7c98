package org.fupin.reporting.domain;

/**
 * The household figures of a region (建档立卡、脱贫、返贫、剔除、剩余贫困、监测), as kept in the roll-ups.
 * Year-bound figures count a household under "all years" and under its year; the others only under "all years".
 */
public enum HouseholdFigure {
    /** REGISTERED or EXITED, by identification year. */
    REGISTERED("registered", true),
    /** EXITED now, by exit year. */
    EXITED("exited", true),
    /** returned at least once, by the year of the latest return. */
    RETURNED("returned", true),
    /** REMOVED, by the year of removal (China time). */
    REMOVED("removed", true),
    /** REGISTERED now, whatever the year. */
    REMAINING("remaining", false),
    /** monitored now and not removed, whatever the year. */
    MONITORED("monitored", false);

    private final String key;
    private final boolean yearBound;

    HouseholdFigure(String key, boolean yearBound) {
        this.key = key;
        this.yearBound = yearBound;
    }

    /** The name in the roll-up table and in the report. */
    public String key() {
        return key;
    }

    public boolean yearBound() {
        return yearBound;
    }

    public static HouseholdFigure ofKey(String key) {
        for (HouseholdFigure f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown household figure " + key);
    }
}
