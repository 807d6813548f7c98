package org.fupin.household.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fupin.household.domain.MemberAttributes;
import org.fupin.household.domain.ResidentIdNumber;

import org.fupin.household.service.HouseholdData;

import java.time.LocalDate;

/** One member (家庭成员) as on the registration form. */
public record MemberRequest(
        @NotBlank @Size(max = 50) String name,
        @NotBlank String residentId,
        @NotNull MemberAttributes.Relation relation,
        @NotNull ResidentIdNumber.Sex sex,
        @NotNull LocalDate birthDate,
        @NotNull MemberAttributes.Health health,
        @NotNull MemberAttributes.Disability disability,
        @NotNull MemberAttributes.LabourAbility labourAbility,
        @NotNull MemberAttributes.Education education,
        @NotNull MemberAttributes.SchoolingStatus schoolingStatus,
        @NotNull Boolean migrantWork) {

    public HouseholdData.Member toData() {
        return new HouseholdData.Member(name, residentId, relation, sex, birthDate, health, disability, labourAbility, education,
                schoolingStatus, migrantWork);
    }
}
