package org.fupin.rectification.service;

import org.fupin.platform.problem.ApiProblem;
import org.fupin.rectification.domain.BusinessDate;
import org.fupin.rectification.domain.Refusal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a domain decision and turns its {@link Refusal} into the problem response: 400 (one {@code errors[]} entry per
 * field), 403, 404 (worded exactly as the region scope's, so an issue of another unit reads like one outside the
 * region), 409 (with {@code currentState}, {@code step}, {@code allowedSteps}), 413, 415 (with {@code detectedType}) or
 * 422 (the rule's code as the problem type, the fields named, the details as extensions).
 */
public final class Refusals {
    private Refusals() {
    }

    public static <T> T decide(Object issueId, Supplier<T> decision) {
        try {
            return decision.get();
        } catch (Refusal r) {
            throw problem(r, issueId);
        }
    }

    public static void check(Object issueId, Runnable check) {
        decide(issueId, () -> {
            check.run();
            return null;
        });
    }

    public static ApiProblem problem(Refusal r, Object issueId) {
        List<ApiProblem.FieldError> errors = r.errors().stream()
                .map(e -> new ApiProblem.FieldError(e.field(), e.message())).toList();
        ApiProblem p = switch (r.kind()) {
            case INVALID -> ApiProblem.validation(errors);
            case FORBIDDEN -> ApiProblem.forbidden(r.getMessage());
            case NOT_FOUND -> ApiProblem.notFound("issue", issueId);
            case CONFLICT -> ApiProblem.conflict(r.getMessage());
            case TOO_LARGE -> new ApiProblem(413, ApiProblem.TYPE_BASE + "too-large", r.title(), r.getMessage());
            case UNSUPPORTED_TYPE -> new ApiProblem(415, ApiProblem.TYPE_BASE + "unsupported-type", r.title(), r.getMessage());
            case UNPROCESSABLE -> ApiProblem.unprocessable(r.code(), r.title(), r.getMessage());
        };
        if (r.kind() == Refusal.Kind.NOT_FOUND) {
            return p; // nothing more: not even which check said no
        }
        if (r.kind() != Refusal.Kind.INVALID) {
            errors.forEach(e -> p.withField(e.field(), e.message()));
            if (errors.isEmpty() && r.details().containsKey("allowedSteps")) {
                p.withField("step"); // an illegal step: the step asked for is what is wrong
            }
        }
        r.details().forEach(p::with);
        return p;
    }

    /** The business date of a change: the one given (never in the future) or today, China time. */
    public static LocalDate dateOrToday(LocalDate given, String field) {
        return decide(null, () -> BusinessDate.orToday(given, today(), field));
    }

    public static LocalDate today() {
        return LocalDate.now(BusinessDate.CHINA);
    }
}
