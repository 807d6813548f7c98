package org.fupin.household.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.fupin.household.repository.Household;
import org.fupin.household.repository.HouseholdRepository;
import org.fupin.household.repository.Membership;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conflicts with other households, as the caller may learn them: one person, one household (数据比对) and a taken
 * household code. The other household is named only when it lies inside the caller's region; outside it the answer says
 * only that the person is registered in another region (no code, no region), so a clerk cannot locate people elsewhere.
 */
@ApplicationScoped
public class PersistenceConflicts {

    @Inject
    HouseholdRepository households;
    @Inject
    RegionScope region;

    /** 409 for a person who already belongs to the other household {@code other}. */
    public ApiProblem personInAnotherHousehold(String field, Optional<Membership> other) {
        if (other.isPresent() && region.covers(other.get().regionCode())) {
            String code = other.get().householdCode();
            return ApiProblem.conflict("This person already belongs to household " + code + " (one person, one household / 数据比对).")
                    .with("conflictingHouseholdCode", code).withField(field);
        }
        String where = other.isPresent() ? "a household of another region" : "another household";
        return ApiProblem.conflict("This person is already registered in " + where + " (one person, one household / 数据比对).")
                .withField(field);
    }

    /** 409 for a household code another household has. */
    public ApiProblem codeTaken(String code) {
        return ApiProblem.conflict("Household code " + code + " is already taken.").withField("householdCode");
    }

    /** A concurrent change lost the race at a unique index: answer as if the check before it had caught it. */
    public RuntimeException translate(PersistenceException e, Household h) {
        Throwable c = e;
        while (c != null && !(c instanceof ConstraintViolationException)) {
            c = c.getCause();
        }
        if (c instanceof ConstraintViolationException cve) {
            String constraint = String.valueOf(cve.getConstraintName());
            if (constraint.contains("household_member_one_household")) {
                List<String> hashes = h.members.stream().map(m -> m.idHash).toList();
                UUID self = h.id;
                // this transaction is aborted; look the other household up in a fresh one
                Optional<Membership> other = QuarkusTransaction.requiringNew().call(() -> hashes.stream()
                        .map(x -> households.activeMembershipOf(x, self)).flatMap(Optional::stream).findFirst());
                return personInAnotherHousehold("members", other);
            }
            if (constraint.contains("household_code")) {
                return codeTaken(h.householdCode);
            }
        }
        return e;
    }
}
