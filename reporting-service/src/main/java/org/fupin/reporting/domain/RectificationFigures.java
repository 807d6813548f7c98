package org.fupin.reporting.domain;

import org.fupin.platform.money.Rate;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rectification figures (整改统计) of a set of issues as of a day (the end of {@code asOf}), the sentence every
 * report carries ("33 issues all closed, 5 long-term ones on schedule"). Copied from rectification-service's domain and
 * extended by the report's filters, the year grouping and the source label:
 * <ul>
 * <li>raised — issues raised by that day; each is in exactly one of open (OPEN), inProgress (IN_PROGRESS), reported
 * (REPORTED), returned (RETURNED now) and closed (CLOSED, 销号) on that day;</li>
 * <li>returnedAtLeastOnce — sent back at least once by that day;</li>
 * <li>overdue — past the deadline in force that day and not closed (any other state, REPORTED included);</li>
 * <li>longTermOpen — long-term (中长期) issues not closed;</li>
 * <li>closedOnTime — closed on or before the deadline in force on the closing day (extensions count);</li>
 * <li>closureRate (销号率) = closed ÷ raised;</li>
 * <li>onTimeClosureRate (按期销号率) = closedOnTime ÷ closed.</li>
 * </ul>
 * Rates carry numerator and denominator and are undefined (not 0) when the denominator is 0 (platform {@link Rate}).
 */
public final class RectificationFigures {
    private RectificationFigures() {
    }

    /** The source types (问题来源), as the events carry them. */
    public static final List<String> SOURCE_TYPES = List.of("inspection", "assessment", "audit", "supervision", "self-check",
            "system-check");

    public record Figures(long raised, long open, long inProgress, long reported, long closed, long returned,
                          long returnedAtLeastOnce, long overdue, long longTermOpen, long closedOnTime, Rate closureRate,
                          Rate onTimeClosureRate) {
    }

    /**
     * What to count: issues in the region prefix ("" = everything) and, when set, of the year (the source document's),
     * source type, source (id), category and lead unit.
     */
    public record Filter(String regionPrefix, Integer year, String sourceType, String sourceId, String category, String unit) {
        public static final Filter ALL = new Filter("", null, null, null, null, null);

        public boolean passes(IssueFact f) {
            return f.regionCode().startsWith(regionPrefix == null ? "" : regionPrefix)
                    && (year == null || year == f.year())
                    && (sourceType == null || sourceType.equals(f.sourceType()))
                    && (sourceId == null || sourceId.equals(f.sourceId()))
                    && (category == null || category.equals(f.category()))
                    && (unit == null || unit.equals(f.leadUnit()));
        }
    }

    /** What the report is grouped by ({@code groupBy}); {@code REGION} is one level below the region asked for. */
    public enum GroupBy {
        SOURCE("source"), SOURCE_TYPE("sourceType"), CATEGORY("category"), UNIT("unit"), REGION("region"), YEAR("year");

        private final String value;

        GroupBy(String value) {
            this.value = value;
        }

        /** The query parameter's value. */
        public String value() {
            return value;
        }

        /**
         * @param text the query parameter; absent or blank means no grouping (the total only)
         * @throws ApiProblem 400 naming the field for anything else than the values
         */
        public static GroupBy parse(String text, String field) {
            if (text == null || text.isBlank()) {
                return null;
            }
            for (GroupBy g : values()) {
                if (g.value.equals(text)) {
                    return g;
                }
            }
            throw ApiProblem.validation(field, "must be one of " + Arrays.stream(values()).map(GroupBy::value)
                    .collect(Collectors.joining(", ")));
        }
    }

    /** A row: the group's key, its label (the source's document number when grouped by source, else null), the figures. */
    public record Row(String group, String label, Figures figures) {
    }

    /** The rows in key order and the total over every issue that passed the filter. */
    public record Grouped(List<Row> rows, Figures total) {
    }

    /** The figures of the issues (all of them: filter before) as of the end of {@code asOf}. */
    public static Figures of(Collection<IssueFact> issues, LocalDate asOf) {
        long raised = 0, open = 0, inProgress = 0, reported = 0, returned = 0, closed = 0, returnedOnce = 0, overdue = 0,
                longTermOpen = 0, onTime = 0;
        for (IssueFact f : issues) {
            IssueFact.State s = f.stateOn(asOf);
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
            if (s != IssueFact.State.CLOSED && f.term() == IssueFact.Term.LONG_TERM) {
                longTermOpen++;
            }
            if (f.closedOnTimeBy(asOf)) {
                onTime++;
            }
        }
        return new Figures(raised, open, inProgress, reported, closed, returned, returnedOnce, overdue, longTermOpen, onTime,
                Rate.of(closed, raised), Rate.of(onTime, closed));
    }

    /**
     * The report: the issues passing the filter, raised by {@code asOf}, per group (keys ascending as text; only groups
     * with an issue raised by then) and in total.
     *
     * @param by null for the total only
     */
    public static Grouped report(Collection<IssueFact> issues, LocalDate asOf, Filter filter, GroupBy by) {
        List<IssueFact> counted = issues.stream().filter(f -> filter.passes(f) && f.raisedBy(asOf)).toList();
        List<Row> rows = new ArrayList<>();
        if (by != null) {
            String prefix = filter.regionPrefix() == null ? "" : filter.regionPrefix();
            Function<IssueFact, String> key = switch (by) {
                case SOURCE -> IssueFact::sourceId;
                case SOURCE_TYPE -> IssueFact::sourceType;
                case CATEGORY -> IssueFact::category;
                case UNIT -> IssueFact::leadUnit;
                case REGION -> f -> childRegion(f.regionCode(), prefix);
                case YEAR -> f -> String.valueOf(f.year());
            };
            Map<String, List<IssueFact>> groups = new TreeMap<>();
            for (IssueFact f : counted) {
                groups.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
            }
            groups.forEach((k, l) -> rows.add(new Row(k, by == GroupBy.SOURCE ? label(l) : null, of(l, asOf))));
        }
        return new Grouped(List.copyOf(rows), of(counted, asOf));
    }

    /** The document number of the source (the newest-raised issue's, should a source ever be renumbered). */
    private static String label(List<IssueFact> ofOneSource) {
        IssueFact newest = ofOneSource.get(0);
        for (IssueFact f : ofOneSource) {
            if (f.raisedOn().isAfter(newest.raisedOn())) {
                newest = f;
            }
        }
        return newest.sourceDocumentNumber();
    }

    /**
     * The region one level below the prefix that contains the code, as a region prefix like the other reports' region
     * groups (2 → 4 → 6 → 9 → 12 digits; an issue of the requested region itself, e.g. at county level, falls in the
     * requested region's own prefix: {@code 522428000000} under {@code 5224} → {@code 522428}, under {@code 522428} →
     * {@code 522428}).
     */
    public static String childRegion(String regionCode, String prefix) {
        int len = switch (prefix.length()) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            default -> 12;
        };
        return RegionCode.prefixOf(regionCode.substring(0, len));
    }
}
