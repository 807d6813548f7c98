package org.fupin.household.service;

import org.fupin.household.domain.BusinessDate;
import org.fupin.household.domain.Refusal;
import org.fupin.household.domain.RegistrationWorkflow;
import org.fupin.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Runs a domain decision and turns its refusal into the problem response the API gives (400, 409 or 422). */
final class Refusals {
    private Refusals() {
    }

    static <T> T decide(Supplier<T> decision) {
        try {
            return decision.get();
        } catch (Refusal r) {
            throw problem(r);
        } catch (RegistrationWorkflow.Refused r) {
            throw ApiProblem.conflict(r.getMessage()).with("currentState", r.current()).with("allowedSteps", r.allowed())
                    .withField("step");
        }
    }

    static ApiProblem problem(Refusal r) {
        ApiProblem p = switch (r.kind()) {
            case INVALID -> ApiProblem.validation(r.field(), r.getMessage());
            case CONFLICT -> ApiProblem.conflict(r.getMessage());
            case UNPROCESSABLE -> ApiProblem.unprocessable(r.code(), r.title(), r.getMessage());
        };
        r.details().forEach(p::with);
        if (r.field() != null && r.kind() != Refusal.Kind.INVALID) {
            p.withField(r.field());
        }
        return p;
    }

    /** The business date of a change: the one given (never in the future) or today, China time. */
    static LocalDate dateOrToday(LocalDate given, String field) {
        return decide(() -> BusinessDate.orToday(given, BusinessDate.today(), field));
    }
}
