package org.fupin.fund.service;

import org.fupin.fund.domain.Refusal;
import org.fupin.platform.problem.ApiProblem;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a domain decision and turns its {@link Refusal} into the problem response the API gives (as project-service's):
 * 400 (one {@code errors[]} entry per wrong field), 409 or 422 with the rule's code as the problem type
 * ({@code …/problems/exceeds-budget}), the fields named and the details (project, source, excess …) as extensions.
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
                .map(e -> new ApiProblem.FieldError(e.field(), e.message())).toList();
        ApiProblem p = switch (r.kind()) {
            case INVALID -> ApiProblem.validation(errors);
            case CONFLICT -> new ApiProblem(409, ApiProblem.TYPE_BASE + r.code(), r.title(), r.getMessage());
            case UNPROCESSABLE -> ApiProblem.unprocessable(r.code(), r.title(), r.getMessage());
        };
        if (r.kind() != Refusal.Kind.INVALID) {
            errors.forEach(e -> p.withField(e.field(), e.message()));
            p.with("code", r.code());
        }
        r.details().forEach(p::with);
        return p;
    }
}
