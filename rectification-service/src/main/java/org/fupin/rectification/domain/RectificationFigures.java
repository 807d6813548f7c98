package org.fupin.rectification.domain;

import org.fupin.platform.money.Rate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rectification figures of a set of issues as of a day (the end of {@code asOf}), the sentence every report carries
 * ("33 issues all closed, 5 long-term ones on schedule"):
 * <ul>
 * <li>raised — issues raised by that day; each is in exactly one of open (OPEN), inProgress (IN_PROGRESS), reported
 * (REPORTED), returned (RETURNED now) and closed (CLOSED) on that day;</li>
 * <li>returnedAtLeastOnce — sent back at least once by that day;</li>
 * <li>overdue — past the deadline in force that day and not closed (any other state, REPORTED included);</li>
 * <li>longTermOpen — long-term (中长期) issues not closed;</li>
 * <li>closureRate (销号率) = closed ÷ raised;</li>
 * <li>onTimeClosureRate (按期销号率) = issues closed on or before the deadline in force when closed ÷ (closed +
 * overdue): of the issues that are done or should be, how many were done in time; open issues not yet due do not
 * count either way.</li>
 * </ul>
 * Rates carry numerator and denominator and are undefined (not 0) when the denominator is 0 (platform {@link Rate}).
 */
public final class RectificationFigures {
    private RectificationFigures() {
    }

    public record Figures(long raised, long open, long inProgress, long reported, long returned, long closed,
                          long returnedAtLeastOnce, long overdue, long longTermOpen, long closedOnTime, Rate closureRate,
                          Rate onTimeClosureRate) {
    }

    public static Figures of(Collection<IssueFact> issues, LocalDate asOf) {
        long raised = 0, open = 0, inProgress = 0, reported = 0, returned = 0, closed = 0, returnedOnce = 0, overdue = 0,
                longTermOpen = 0, onTime = 0;
        for (IssueFact f : issues) {
            IssueState s = f.stateOn(asOf);
            if (s == null) {
                continue;
            }
            raised++;
            switch (s) {
                case OPEN -> open++;
                case IN_PROGRESS -> inProgress++;
                case REPORTED -> reported++;
                case RETURNED -> returned++;
                case CLOSED -> closed++;
            }
            if (f.returnedBy(asOf)) {
                returnedOnce++;
            }
            if (f.overdueOn(asOf)) {
                overdue++;
            }
            if (s != IssueState.CLOSED && f.term() == IssueTerm.LONG_TERM) {
                longTermOpen++;
            }
            if (f.closedOnTimeBy(asOf)) {
                onTime++;
            }
        }
        return new Figures(raised, open, inProgress, reported, returned, closed, returnedOnce, overdue, longTermOpen, onTime,
                Rate.of(closed, raised), Rate.of(onTime, closed + overdue));
    }

    /** How a report groups its rows. */
    public enum GroupBy { SOURCE, SOURCE_TYPE, CATEGORY, UNIT, REGION }

    /**
     * The figures per group (in key order), grouped by source id, source type, category, lead unit, or region one level
     * below {@code regionPrefix} (the requested region's significant prefix; "" for the whole country).
     */
    public static Map<String, Figures> grouped(Collection<IssueFact> issues, LocalDate asOf, GroupBy by, String regionPrefix) {
        Function<IssueFact, String> key = switch (by) {
            case SOURCE -> IssueFact::sourceId;
            case SOURCE_TYPE -> IssueFact::sourceType;
            case CATEGORY -> IssueFact::category;
            case UNIT -> IssueFact::leadUnit;
            case REGION -> f -> childRegion(f.regionCode(), regionPrefix);
        };
        Map<String, java.util.List<IssueFact>> groups = new TreeMap<>();
        for (IssueFact f : issues) {
            if (f.raisedBy(asOf)) {
                groups.computeIfAbsent(key.apply(f), k -> new java.util.ArrayList<>()).add(f);
            }
        }
        Map<String, Figures> result = new TreeMap<>();
        groups.forEach((k, l) -> result.put(k, of(l, asOf)));
        return result;
    }

    /** The region one level below the prefix that contains the code, as a 12-digit code (2 → 4 → 6 → 9 → 12 digits). */
    public static String childRegion(String regionCode, String prefix) {
        int len = switch (prefix.length()) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            default -> 12;
        };
        String p = regionCode.substring(0, len);
        return p + "0".repeat(12 - len);
    }
}
