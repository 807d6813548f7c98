package org.fupin.project.service;

import org.fupin.platform.problem.ApiProblem;
import org.fupin.project.domain.BusinessDate;
import org.fupin.project.domain.Refusal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a domain decision and turns its {@link Refusal} into the problem response the API gives: 400 (one
 * {@code errors[]} entry per wrong field), 409 (with {@code currentStage} and {@code allowedSteps} or
 * {@code allowedStages}) or 422 (the rule's code as the problem type, the fields named, the details as extensions).
 * Field names are the request's: the domain's {@code implementingUnit…}/{@code performanceTargets…} are the request's
 * {@code unit…}/{@code targets…}.
 */
public final class Refusals {
    private Refusals() {
    }

    public static <T> T decide(Supplier<T> decision) {
        try {
            return decision.get();
        } catch (Refusal r) {
            throw problem(r);
        }
    }

    public static ApiProblem problem(Refusal r) {
        List<ApiProblem.FieldError> errors = r.errors().stream()
                .map(e -> new ApiProblem.FieldError(requestField(e.field()), e.message())).toList();
        ApiProblem p = switch (r.kind()) {
            case INVALID -> ApiProblem.validation(errors);
            case CONFLICT -> ApiProblem.conflict(r.getMessage());
            case UNPROCESSABLE -> ApiProblem.unprocessable(r.code(), r.title(), r.getMessage());
        };
        if (r.kind() != Refusal.Kind.INVALID) {
            errors.forEach(e -> p.withField(e.field(), e.message()));
            if (errors.isEmpty() && r.details().containsKey("allowedSteps")) {
                p.withField("step"); // an illegal step: the step named is what is wrong
            }
        }
        r.details().forEach(p::with);
        return p;
    }

    /** The request's name of a field the domain names. */
    static String requestField(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("implementingUnit")) {
            return "unit" + field.substring("implementingUnit".length());
        }
        if (field.startsWith("performanceTargets")) {
            return "targets" + field.substring("performanceTargets".length());
        }
        return field;
    }

    /** The business date of a change: the one given (never in the future) or today, China time. */
    public static LocalDate dateOrToday(LocalDate given, String field) {
        return decide(() -> BusinessDate.orToday(given, BusinessDate.today(), field));
    }
}
