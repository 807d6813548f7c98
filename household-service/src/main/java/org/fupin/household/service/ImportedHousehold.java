package org.fupin.household.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One row of a bulk import: a household already registered elsewhere, with its identification year. */
public record ImportedHousehold(@NotNull @Valid HouseholdData household,
                                @NotNull @Min(2013) @Max(2100) Integer identificationYear) {
}
