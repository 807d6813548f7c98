package org.fupin.reporting.domain;

import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation and normalisation of a bulk load of population figures. Every wrong field is named with its row index
 * ({@code [3].population}); a batch with any error is refused as a whole.
 */
public final class PopulationBatch {
    private PopulationBatch() {
    }

    /** Larger than any region's population (the whole country is about 1.4 billion): a typo, not a figure. */
    public static final long MAX_POPULATION = 2_000_000_000L;
    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = ReportYear.MAX;

    /** A row as sent: numbers are kept exact so a fractional or huge value is refused, not truncated. */
    public record Candidate(String regionCode, BigDecimal population, BigDecimal year) {
    }

    /** A valid row, its region in the 12-digit zero-padded form. */
    public record Figure(String regionCode, long population, Integer year) {
        /** The prefix of the region the figure is for ({@code 522428000000} → {@code 522428}). */
        public String prefix() {
            return RegionCode.prefixOf(regionCode);
        }
    }

    /** {@code 5224} → {@code 522400000000}; {@code ""} (national) → {@code 000000000000}. */
    public static String padded(String prefix) {
        return (prefix + "000000000000").substring(0, 12);
    }

    /**
     * @param codeOrPrefix a 12-digit code or a prefix of 2, 4, 6, 9 or 12 digits
     * @return the 12-digit zero-padded code of the region named
     * @throws IllegalArgumentException when the text is neither
     */
    public static String normalise(String codeOrPrefix) {
        if (codeOrPrefix == null || codeOrPrefix.isEmpty()) {
            throw new IllegalArgumentException("no region code");
        }
        return padded(RegionCode.prefixOf(codeOrPrefix));
    }

    /**
     * @throws ApiProblem 400 naming every wrong field, with its index
     */
    public static List<Figure> validate(List<Candidate> rows, int maxRows) {
        if (rows == null) {
            throw ApiProblem.validation("body", "must be a JSON array of population figures");
        }
        if (rows.isEmpty()) {
            throw ApiProblem.validation("body", "must contain at least one population figure");
        }
        if (rows.size() > maxRows) {
            throw ApiProblem.validation("body", "at most " + maxRows + " figures per request; split the load");
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        List<Figure> figures = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = "[" + i + "]";
            Candidate row = rows.get(i);
            if (row == null) {
                errors.add(new ApiProblem.FieldError(at, "must be an object with regionCode, population and year"));
                continue;
            }
            String code = null;
            if (row.regionCode() == null || row.regionCode().isBlank()) {
                errors.add(new ApiProblem.FieldError(at + ".regionCode", "is required"));
            } else if (!RegionCode.isValidPrefix(row.regionCode())) {
                errors.add(new ApiProblem.FieldError(at + ".regionCode",
                        "must be a 12-digit region code or a prefix of 2, 4, 6, 9 or 12 digits"));
            } else {
                code = normalise(row.regionCode());
                Integer earlier = seen.putIfAbsent(code, i);
                if (earlier != null) {
                    errors.add(new ApiProblem.FieldError(at + ".regionCode",
                            "names the same region as [" + earlier + "].regionCode; send one figure per region"));
                }
            }
            Long population = null;
            if (row.population() == null) {
                errors.add(new ApiProblem.FieldError(at + ".population", "is required"));
            } else if (!isWhole(row.population())) {
                errors.add(new ApiProblem.FieldError(at + ".population", "must be a whole number"));
            } else if (row.population().signum() < 0) {
                errors.add(new ApiProblem.FieldError(at + ".population", "must be 0 or more"));
            } else if (row.population().compareTo(BigDecimal.valueOf(MAX_POPULATION)) > 0) {
                errors.add(new ApiProblem.FieldError(at + ".population", "must be at most " + MAX_POPULATION));
            } else {
                population = row.population().longValueExact();
            }
            Integer year = null;
            boolean yearOk = true;
            if (row.year() != null) {
                if (!isWhole(row.year()) || row.year().compareTo(BigDecimal.valueOf(MIN_YEAR)) < 0
                        || row.year().compareTo(BigDecimal.valueOf(MAX_YEAR)) > 0) {
                    errors.add(new ApiProblem.FieldError(at + ".year", "must be a year between " + MIN_YEAR + " and " + MAX_YEAR));
                    yearOk = false;
                } else {
                    year = row.year().intValueExact();
                }
            }
            if (code != null && population != null && yearOk) {
                figures.add(new Figure(code, population, year));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return figures;
    }

    private static boolean isWhole(BigDecimal n) {
        return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
    }
}
