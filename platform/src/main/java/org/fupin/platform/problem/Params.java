package org.fupin.platform.problem;

/** Parses query parameters so a wrong value is a 400 naming the parameter (JAX-RS would answer 404). */
public final class Params {
    private Params() {
    }

    public static <E extends Enum<E>> E enumOrNull(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
