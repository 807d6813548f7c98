package org.fupin.household.rest;

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
import org.fupin.household.domain.PovertyCause;
import org.fupin.household.service.HouseholdData;
import org.fupin.platform.money.Money;

import java.util.List;
import java.util.Map;

/**
 * A household's registry data (一户一档): used to apply, to import, and to update after an investigation.
 *
 * @param regionCode         12-digit village code (ignored on update: a household does not move)
 * @param householdCode      the office's own code, optional; generated when absent
 * @param origin             APPLICATION (农户申请) or NOMINATION (村推荐); imports are IMPORT
 * @param omissionCorrection registered anew because it was wrongly left out (漏评)
 * @param incomeYear         the year the income items describe
 * @param incomeItems        yuan per kind, decimal strings with at most two decimals
 */
public record HouseholdRequest(
        @NotBlank @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String regionCode,
        @Size(min = 1, max = 32) @Pattern(regexp = "[0-9A-Za-z-]+", message = "letters, digits and '-' only") String householdCode,
        @NotNull HouseholdType householdType,
        @NotNull PovertyCause mainCause,
        List<@NotNull PovertyCause> otherCauses,
        @Pattern(regexp = "APPLICATION|NOMINATION", message = "must be APPLICATION or NOMINATION") String origin,
        Boolean omissionCorrection,
        @NotNull @Min(2000) @Max(2100) Integer incomeYear,
        @NotNull Map<Income.Kind, @NotNull Money> incomeItems,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull MemberRequest> members) {

    public HouseholdData toData() {
        return new HouseholdData(regionCode, householdCode, householdType, mainCause, otherCauses, origin, omissionCorrection,
                incomeYear, incomeItems, members.stream().map(MemberRequest::toData).toList());
    }
}
