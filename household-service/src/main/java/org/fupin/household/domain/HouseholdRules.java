package org.fupin.household.domain;

import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Validation of a household's registry data that goes beyond field annotations. */
public final class HouseholdRules {
    private HouseholdRules() {
    }

    /**
     * @throws ApiProblem 400 naming every wrong field
     */
    public static ResidentIdNumber validateRegistration(String regionCode, String headResidentId, int memberCount,
                                                        int maxMembers, LocalDate today) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (!RegionCode.isVillage(regionCode)) {
            errors.add(new ApiProblem.FieldError("regionCode", "must be a 12-digit village-level region code"));
        }
        ResidentIdNumber.problem(headResidentId, today)
                .ifPresent(p -> errors.add(new ApiProblem.FieldError("headResidentId", p)));
        if (memberCount < 1 || memberCount > maxMembers) {
            errors.add(new ApiProblem.FieldError("memberCount", "must be between 1 and " + maxMembers));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return ResidentIdNumber.parse(headResidentId, today);
    }
}
