package org.fupin.household.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain rule refused a change. Plain Java: the service layer turns it into a problem response (400 for
 * {@link Kind#INVALID}, 409 for {@link Kind#CONFLICT}, 422 for {@link Kind#UNPROCESSABLE}).
 */
public final class Refusal extends RuntimeException {

    public enum Kind { INVALID, CONFLICT, UNPROCESSABLE }

    private final Kind kind;
    private final String code;
    private final String title;
    private final String field;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private Refusal(Kind kind, String code, String title, String message, String field) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.field = field;
    }

    /** A wrong value in the request (400), naming the field. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, "validation", "Invalid request", message, field);
    }

    /** The action is not possible in the household's current state (409), with the states that allow it. */
    public static Refusal notInState(HouseholdState current, String action, HouseholdState... allowed) {
        return new Refusal(Kind.CONFLICT, "conflict", "Conflict", "Cannot " + action + " a household in state " + current
                + "; allowed in " + Arrays.toString(allowed) + ".", null)
                .with("currentState", current).with("allowedStates", List.of(allowed));
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, "conflict", "Conflict", message, null);
    }

    /** A business rule says no (422); {@code code} names the rule, e.g. {@code exit-conditions-unmet}. */
    public static Refusal unprocessable(String code, String title, String message, String field) {
        return new Refusal(Kind.UNPROCESSABLE, code, title, message, field);
    }

    public Refusal with(String key, Object value) {
        details.put(key, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The request field to name, or null. */
    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }
}
