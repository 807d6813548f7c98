package org.fupin.reporting.domain;

import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the project report is grouped by ({@code groupBy}): one row per year, category, stage, batch, or region one
 * level below the region asked for. Group keys are texts; a project without a category or batch falls in the group
 * {@code null}, listed last. Rows are ordered: years ascending, stages in lifecycle order (CANCELLED last), the other
 * keys as text.
 */
public enum ProjectGrouping {
    YEAR, CATEGORY, STAGE, BATCH, REGION;

    /** The query parameter's value. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text the query parameter; absent or blank means no grouping (the total only)
     * @throws ApiProblem 400 naming the field for anything but year, category, stage, batch or region
     */
    public static ProjectGrouping parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (ProjectGrouping g : values()) {
            if (g.value().equals(text.trim())) {
                return g;
            }
        }
        throw ApiProblem.validation(field, "must be one of " + Arrays.stream(values()).map(ProjectGrouping::value)
                .collect(Collectors.joining(", ")));
    }

    /**
     * The length of the region codes' prefix that makes the groups one level below {@code prefix}: province (2) below
     * the country, city (4), county (6), township (9), village (12).
     *
     * @throws ApiProblem 400 naming the field when the prefix is a village (nothing below it)
     */
    public static int childLength(String prefix, String field) {
        return switch (prefix.length()) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            case 9 -> 12;
            default -> throw ApiProblem.validation(field, "region " + prefix + " is a village: there is no region below it to group by");
        };
    }

    /**
     * The group of a region code cut to {@code left(code, childLength)}, as a region prefix: a project built at the
     * requested region itself (a county-level project, when a county is grouped by township) falls in the group of the
     * requested region ({@code 522428000} → {@code 522428}).
     */
    public static String regionGroup(String cut) {
        return RegionCode.prefixOf(cut);
    }

    /** The row order of this grouping's keys, null last. */
    public Comparator<String> order() {
        Comparator<String> c = switch (this) {
            case YEAR -> Comparator.comparingInt(Integer::parseInt);
            case STAGE -> Comparator.comparingInt((String s) -> {
                int i = ProjectSnapshot.STAGES.indexOf(s);
                return i < 0 ? Integer.MAX_VALUE : i;
            }).thenComparing(Comparator.naturalOrder());
            default -> Comparator.naturalOrder();
        };
        return Comparator.nullsLast(c);
    }
}
