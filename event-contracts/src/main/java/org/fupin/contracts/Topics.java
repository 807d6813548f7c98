package org.fupin.contracts;

/** One topic per aggregate type, versioned in its name. Keys are aggregate ids, so one aggregate stays in order. */
public final class Topics {
    private Topics() {
    }

    public static final String HOUSEHOLD = "fupin.household.v1";
    public static final String PROJECT = "fupin.project.v1";
    public static final String FUND = "fupin.fund.v1";
    public static final String RECTIFICATION = "fupin.rectification.v1";
}
