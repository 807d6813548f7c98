package org.fupin.platform.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.problem.ProblemMappers;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The texts of an import's error report. A report is kept after the batch is gone and is read by people who may not
 * see the data, so it names the row and the field and says what is wrong, never what was sent (no ID number, birth
 * date, name, code).
 */
public final class RowErrors {
    private RowErrors() {
    }

    /** Runs of digits long enough to be an ID number, a household or region code, or a date; quoted text. */
    private static final Pattern DIGITS = Pattern.compile("[0-9][0-9Xx*]{5,}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|“[^”]*”|`[^`]*`");
    private static final Pattern PARENTHESISED_VALUE = Pattern.compile("\\s*\\((?:[^()]*[0-9][^()]*)\\)");

    /** A payload that is not JSON of the row's shape: where, not what. */
    public static ApiProblem.FieldError unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            return new ApiProblem.FieldError(ProblemMappers.fieldPath(m, "row"), mappingMessage(m));
        }
        JsonLocation at = e.getLocation();
        return new ApiProblem.FieldError("row", at == null ? "is not valid JSON"
                : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    private static String mappingMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            Class<?> type = f.getTargetType();
            if (type.isEnum()) {
                return "must be one of " + Arrays.toString(type.getEnumConstants());
            }
            if (type == LocalDate.class) {
                return "must be a date (yyyy-MM-dd)";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "must be a number";
            }
            return "has the wrong format";
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> type = mi.getTargetType();
            if (type.isEnum()) {
                return "must be one of " + Arrays.toString(type.getEnumConstants());
            }
            if (type == LocalDate.class) {
                return "must be a date (yyyy-MM-dd)";
            }
            return "has the wrong type";
        }
        return "cannot be read";
    }

    /** Removes anything that may be submitted data from a message. */
    public static String scrub(String message) {
        if (message == null || message.isBlank()) {
            return "is invalid";
        }
        String m = PARENTHESISED_VALUE.matcher(message).replaceAll("");
        m = QUOTED.matcher(m).replaceAll("(value)");
        m = DATE.matcher(m).replaceAll("(date)");
        m = DIGITS.matcher(m).replaceAll("(value)");
        return m.length() > 1000 ? m.substring(0, 1000) : m;
    }
}
