package org.fupin.reporting.domain;

import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation and normalisation of a bulk load of region names (区划名称). Every wrong field is named with its row index
 * ({@code [3].name}); a batch with any error is refused as a whole.
 */
public final class RegionNameBatch {
    private RegionNameBatch() {
    }

    public static final int MAX_NAME_LENGTH = 100;

    /** A row as sent. */
    public record Candidate(String code, String name) {
    }

    /**
     * A valid row.
     *
     * @param code   the 12-digit zero-padded code of the region named
     * @param prefix its prefix ({@code 522428000000} → {@code 522428})
     * @param level  province, city, county, township or village
     * @param name   the name, trimmed
     */
    public record Entry(String code, String prefix, String level, String name) {
    }

    /** The level of a region by the length of its prefix; {@code national} for the empty prefix. */
    public static String levelOf(String prefix) {
        return switch (prefix.length()) {
            case 0 -> "national";
            case 2 -> "province";
            case 4 -> "city";
            case 6 -> "county";
            case 9 -> "township";
            case 12 -> "village";
            default -> throw new IllegalArgumentException("not a region prefix: " + prefix);
        };
    }

    /** The prefix length one level below, or -1 below a village. */
    public static int childLength(String prefix) {
        return switch (prefix.length()) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            case 9 -> 12;
            default -> -1;
        };
    }

    /** @throws ApiProblem 400 naming every wrong field, with its index */
    public static List<Entry> validate(List<Candidate> rows, int maxRows) {
        if (rows == null) {
            throw ApiProblem.validation("body", "must be a JSON array of {code, name}");
        }
        if (rows.isEmpty()) {
            throw ApiProblem.validation("body", "must contain at least one region name");
        }
        if (rows.size() > maxRows) {
            throw ApiProblem.validation("body", "at most " + maxRows + " names per request; split the load");
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<Entry> entries = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = "[" + i + "]";
            Candidate row = rows.get(i);
            if (row == null) {
                errors.add(new ApiProblem.FieldError(at, "must be an object with code and name"));
                continue;
            }
            String prefix = null;
            if (row.code() == null || row.code().isBlank()) {
                errors.add(new ApiProblem.FieldError(at + ".code", "is required"));
            } else if (!RegionCode.isValidPrefix(row.code()) || RegionCode.prefixOf(row.code()).isEmpty()) {
                errors.add(new ApiProblem.FieldError(at + ".code",
                        "must be a 12-digit region code or a prefix of 2, 4, 6, 9 or 12 digits (not the whole country)"));
            } else {
                prefix = RegionCode.prefixOf(row.code());
                Integer earlier = seen.putIfAbsent(prefix, i);
                if (earlier != null) {
                    errors.add(new ApiProblem.FieldError(at + ".code",
                            "names the same region as [" + earlier + "].code; send one name per region"));
                }
            }
            String name = row.name() == null ? null : row.name().strip();
            if (name == null || name.isEmpty()) {
                errors.add(new ApiProblem.FieldError(at + ".name", "is required"));
                name = null;
            } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
                errors.add(new ApiProblem.FieldError(at + ".name", "must be at most " + MAX_NAME_LENGTH + " characters"));
                name = null;
            } else if (name.codePoints().anyMatch(Character::isISOControl)) {
                errors.add(new ApiProblem.FieldError(at + ".name", "must not contain control characters"));
                name = null;
            }
            if (prefix != null && name != null) {
                entries.add(new Entry(PopulationBatch.padded(prefix), prefix, levelOf(prefix), name));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return entries;
    }
}
