package org.fupin.fund.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A domain rule refused a change. Plain Java: the service layer turns it into a problem response (400 for
 * {@link Kind#INVALID}, 409 for {@link Kind#CONFLICT}, 422 for {@link Kind#UNPROCESSABLE}), with one
 * {@code errors[]} entry per {@link FieldError}.
 */
public final class Refusal extends RuntimeException {

    public enum Kind { INVALID, CONFLICT, UNPROCESSABLE }

    /** A wrong field and what is wrong with it (field names as in the API, e.g. {@code lines[0].amount}). */
    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private Refusal(Kind kind, String code, String title, String message, List<FieldError> errors) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A wrong value in the request (400), naming the field. */
    public static Refusal invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** Wrong values in the request (400), naming each field. */
    public static Refusal invalid(Collection<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation refusal names at least one field");
        }
        return new Refusal(Kind.INVALID, "validation", "Invalid request", describe(errors), List.copyOf(errors));
    }

    /** The request conflicts with what is recorded (409), e.g. a voucher number already used or a voucher reversed. */
    public static Refusal conflict(String code, String message, String field) {
        return new Refusal(Kind.CONFLICT, code, "Conflict", message,
                field == null ? List.of() : List.of(new FieldError(field, message)));
    }

    /**
     * An amount would break an earmarking invariant (422), naming the project, the source and the excess:
     * {@code details: {projectId, projectCode, source, limit, requested, excess}}.
     *
     * @param code  the rule, e.g. {@code exceeds-budget}
     * @param limit what may still be moved (e.g. budget − allocated), never negative
     */
    public static Refusal exceeds(String code, String title, String field, FundProject project, FundSource source,
                                  org.fupin.platform.money.Money limit, org.fupin.platform.money.Money requested) {
        return exceeds(code, title, field, project, source, limit, requested, requested.minus(limit));
    }

    /** As above, with the excess given (allocation into an account in overrun: allocated + requested − budget). */
    public static Refusal exceeds(String code, String title, String field, FundProject project, FundSource source,
                                  org.fupin.platform.money.Money limit, org.fupin.platform.money.Money requested,
                                  org.fupin.platform.money.Money excess) {
        String message = title + ": project " + project.code() + " (" + project.id() + "), source " + source.code()
                + ": " + requested + " requested, " + limit + " available, excess " + excess + ".";
        return new Refusal(Kind.UNPROCESSABLE, code, title, message, List.of(new FieldError(field, message)))
                .with("projectId", project.id()).with("projectCode", project.code()).with("source", source.code())
                .with("limit", limit.toString()).with("requested", requested.toString()).with("excess", excess.toString());
    }

    /** A business rule says no (422); {@code code} names the rule, e.g. {@code project-cancelled}. */
    public static Refusal unprocessable(String code, String title, String message, String field) {
        return new Refusal(Kind.UNPROCESSABLE, code, title, message,
                field == null ? List.of() : List.of(new FieldError(field, message)));
    }

    /** A business rule says no (422) about several fields, each named. */
    public static Refusal unprocessable(String code, String title, String message, List<FieldError> errors) {
        return new Refusal(Kind.UNPROCESSABLE, code, title, message, errors);
    }

    private static String describe(Collection<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    public Refusal with(String key, Object value) {
        details.put(key, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    /** 400, 409 or 422. */
    public int status() {
        return switch (kind) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The fields to name in {@code errors[]}; may be empty for a conflict. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The first field named, or null. */
    public String field() {
        return errors.isEmpty() ? null : errors.get(0).field();
    }

    /** The names of every field named. */
    public List<String> fields() {
        List<String> l = new ArrayList<>();
        errors.forEach(e -> l.add(e.field()));
        return l;
    }

    public Map<String, Object> details() {
        return details;
    }
}
