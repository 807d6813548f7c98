package org.fupin.household.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fupin.household.domain.HouseholdType;
import org.fupin.household.domain.Income;
import org.fupin.household.domain.MemberAttributes;
import org.fupin.household.domain.PovertyCause;
import org.fupin.household.domain.ResidentIdNumber;
import org.fupin.platform.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A household's registry data (一户一档) as the service takes it: to apply, to import, to update. Resources map their
 * request bodies to it; an import row is read into it directly, so it carries the same field constraints.
 */
public record HouseholdData(
        @NotBlank @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String regionCode,
        @Size(min = 1, max = 32) @Pattern(regexp = "[0-9A-Za-z-]+", message = "letters, digits and '-' only") String householdCode,
        @NotNull HouseholdType householdType,
        @NotNull PovertyCause mainCause,
        List<@NotNull PovertyCause> otherCauses,
        @Pattern(regexp = "APPLICATION|NOMINATION", message = "must be APPLICATION or NOMINATION") String origin,
        Boolean omissionCorrection,
        @NotNull @Min(2000) @Max(2100) Integer incomeYear,
        @NotNull Map<Income.Kind, @NotNull Money> incomeItems,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Member> members) {

    /** One member (家庭成员). */
    public record Member(
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
    }
}
