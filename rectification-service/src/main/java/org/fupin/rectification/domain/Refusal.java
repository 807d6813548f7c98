package org.fupin.rectification.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A domain rule refused a change. Plain Java: the service layer turns it into a problem response (400 for
 * {@link Kind#INVALID}, 403 {@link Kind#FORBIDDEN}, 404 {@link Kind#NOT_FOUND} (an object the caller may not see), 409
 * {@link Kind#CONFLICT}, 413 {@link Kind#TOO_LARGE}, 415 {@link Kind#UNSUPPORTED_TYPE}, 422 {@link Kind#UNPROCESSABLE}),
 * with one {@code errors[]} entry per {@link FieldError} and the details as extension members.
 */
public final class Refusal extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_TYPE, UNPROCESSABLE }

    /** A wrong field and what is wrong with it (field names as in the API, e.g. {@code budget.central-budget}). */
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

    /** The step is not possible in the issue's current state (409), with the steps that are. */
    public static Refusal notInState(IssueState current, IssueStep step, List<IssueStep> allowedSteps) {
        return new Refusal(Kind.CONFLICT, "conflict", "Conflict", "Cannot take step " + step + " on an issue in state "
                + current + "; allowed steps: " + allowedSteps + ".", List.of())
                .with("currentState", current).with("step", step).with("allowedSteps", List.copyOf(allowedSteps));
    }

    /** The caller's role does not allow the action (403). */
    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", "Forbidden", message, List.of());
    }

    /** The object does not exist for this caller (404): existence is not revealed. */
    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not-found", "Not Found", what + " not found", List.of());
    }

    /** An upload above the size limit (413). */
    public static Refusal tooLarge(String field, String message) {
        return new Refusal(Kind.TOO_LARGE, "too-large", "Payload Too Large", message, List.of(new FieldError(field, message)));
    }

    /** A file whose bytes are not an allowed type, or not what its name says (415). */
    public static Refusal unsupportedType(String field, String message) {
        return new Refusal(Kind.UNSUPPORTED_TYPE, "unsupported-type", "Unsupported Media Type", message,
                List.of(new FieldError(field, message)));
    }

    /** A business rule says no (422); {@code code} names the rule, e.g. {@code milestones-open}. */
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

    /** 400, 403, 404, 409, 413, 415 or 422. */
    public int status() {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
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
