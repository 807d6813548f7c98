package org.fupin.fund.service;

import org.fupin.fund.domain.EntryKind;
import org.fupin.fund.domain.FundSource;
import org.fupin.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The query parameters of the fund reads, parsed so that every wrong value is named at once in one 400 (JAX-RS would
 * answer 404 for a typed parameter it cannot convert). Blank means absent.
 */
final class FundQueryParams {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** Years a query may name: the library's range (as the domain's documents). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    /** Throws the 400 naming every wrong parameter, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(List.copyOf(errors));
        }
    }

    void error(String field, String message) {
        errors.add(new ApiProblem.FieldError(field, message));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    LocalDate date(String value, String field) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            error(field, "must be a date as yyyy-MM-dd");
            return null;
        }
    }

    Integer year(String value, String field) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{4}") || Integer.parseInt(v) < FIRST_YEAR || Integer.parseInt(v) > LAST_YEAR) {
            error(field, "must be a year between " + FIRST_YEAR + " and " + LAST_YEAR);
            return null;
        }
        return Integer.parseInt(v);
    }

    UUID uuid(String value, String field) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(v);
            if (!id.toString().equalsIgnoreCase(v)) {
                throw new IllegalArgumentException(v);
            }
            return id;
        } catch (IllegalArgumentException e) {
            error(field, "must be a UUID");
            return null;
        }
    }

    /** A fund source's kebab code (central-budget …). */
    String source(String value, String field) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        if (FundSource.ofCode(v).isEmpty()) {
            error(field, "unknown fund source; one of " + Arrays.stream(FundSource.values()).map(FundSource::code).toList());
            return null;
        }
        return v;
    }

    /** An entry kind, as its name, case-insensitive (ALLOCATION, disbursement …). */
    String kind(String value, String field) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT).replace('-', '_');
        if (Arrays.stream(EntryKind.values()).noneMatch(k -> k.name().equals(upper))) {
            error(field, "must be one of " + Arrays.toString(EntryKind.values()));
            return null;
        }
        return upper;
    }

    /** A text filter, at most {@code max} characters. */
    String text(String value, String field, int max) {
        String v = blank(value);
        if (v != null && v.length() > max) {
            error(field, "must be at most " + max + " characters");
            return null;
        }
        return v;
    }

    int page(String value) {
        String v = blank(value);
        if (v == null) {
            return 0;
        }
        if (!v.matches("[0-9]{1,6}")) {
            error("page", "must be a whole number from 0 to 999999");
            return 0;
        }
        return Integer.parseInt(v);
    }

    int size(String value) {
        String v = blank(value);
        if (v == null) {
            return DEFAULT_SIZE;
        }
        if (!v.matches("[0-9]{1,3}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > MAX_SIZE) {
            error("size", "must be a whole number from 1 to " + MAX_SIZE);
            return DEFAULT_SIZE;
        }
        return Integer.parseInt(v);
    }

    /** A date range: from after to is refused, naming {@code from}. */
    void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            error("from", "must not be after to");
        }
    }
}
