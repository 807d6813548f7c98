package org.fupin.household.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Changes to a registered household's head name and member count. */
public record UpdateHouseholdRequest(@NotBlank @Size(max = 50) String headName,
                                     @NotNull @Min(1) @Max(50) Integer memberCount) {
}
