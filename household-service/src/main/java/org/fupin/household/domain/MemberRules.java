package org.fupin.household.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A member's resident ID number must be valid and agree with the birth date and sex given for the member. */
public final class MemberRules {
    private MemberRules() {
    }

    public record Problem(String field, String message) {
    }

    public static List<Problem> check(String prefix, String residentId, LocalDate birthDate, ResidentIdNumber.Sex sex, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> idProblem = ResidentIdNumber.problem(residentId, today);
        if (idProblem.isPresent()) {
            problems.add(new Problem(prefix + "residentId", idProblem.get()));
            return problems;
        }
        ResidentIdNumber id = ResidentIdNumber.parse(residentId, today);
        if (birthDate != null && !birthDate.equals(id.birthDate())) {
            problems.add(new Problem(prefix + "birthDate", "does not agree with the resident ID number (" + id.birthDate() + ")"));
        }
        if (sex != null && sex != id.sex()) {
            problems.add(new Problem(prefix + "sex", "does not agree with the resident ID number (" + id.sex() + ")"));
        }
        return problems;
    }
}
