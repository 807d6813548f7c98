package org.fupin.household.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.fupin.platform.imports.RowErrors;
import org.fupin.platform.problem.ApiProblem;

/**
 * The texts of a household import's error report: the platform's ({@link RowErrors}: the row and the field, never
 * what was sent), and the registry's own rule that the other household of a person is never named (it would tell
 * where a person is registered).
 */
final class ImportErrors {
    private ImportErrors() {
    }

    static final String OTHER_HOUSEHOLD = "this person is already registered in another household (one person, one household / 数据比对)";

    /** A payload that is not JSON: where, not what. */
    static ApiProblem.FieldError unreadable(JsonProcessingException e) {
        return RowErrors.unreadable(e);
    }

    /** A refusal of the registry: the other household of a person is never named; values are removed. */
    static ApiProblem.FieldError refusal(String field, String message, ApiProblem problem) {
        if (problem.status() == 409 && !field.endsWith("householdCode") && (field.contains("member") || field.contains("residentId")
                || problem.extensions().keySet().stream().anyMatch(k -> k.toLowerCase().contains("household")))) {
            return new ApiProblem.FieldError(field, OTHER_HOUSEHOLD);
        }
        return new ApiProblem.FieldError(field, scrub(message));
    }

    /** Removes anything that may be submitted data from a message. */
    static String scrub(String message) {
        return RowErrors.scrub(message);
    }
}
