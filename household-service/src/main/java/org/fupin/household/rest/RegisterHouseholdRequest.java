package org.fupin.household.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A registration (建档立卡) as sent by a county office or a provincial system.
 *
 * @param regionCode     12-digit village code
 * @param headName       head of household (户主)
 * @param headResidentId the head's resident ID number; checked against its check character
 * @param memberCount    persons in the household
 * @param householdCode  the office's own code, optional; generated when absent
 */
public record RegisterHouseholdRequest(
        @NotBlank @Pattern(regexp = "[0-9]{12}", message = "must be 12 digits") String regionCode,
        @NotBlank @Size(max = 50) String headName,
        @NotBlank String headResidentId,
        @NotNull @Min(1) @Max(50) Integer memberCount,
        @Size(min = 1, max = 32) @Pattern(regexp = "[0-9A-Za-z-]+", message = "letters, digits and '-' only") String householdCode) {
}
