package org.fupin.rectification.domain;

import java.util.List;

/** Free-text checks shared by the rules: trimmed, required or optional, bounded. */
final class Texts {
    private Texts() {
    }

    /** The trimmed text, or null with an error added when blank or too long. */
    static String required(String value, String field, int max, List<Refusal.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Refusal.FieldError(field, "is required"));
            return null;
        }
        return optional(value, field, max, errors);
    }

    /** The trimmed text (null when blank), with an error added when too long. */
    static String optional(String value, String field, int max, List<Refusal.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.trim();
        if (t.length() > max) {
            errors.add(new Refusal.FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return t;
    }

    /** One required text, refused alone (400). */
    static String require(String value, String field, int max) {
        List<Refusal.FieldError> errors = new java.util.ArrayList<>();
        String t = required(value, field, max, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return t;
    }
}
