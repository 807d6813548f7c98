package org.fupin.household.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A household already registered elsewhere (a provincial system), brought in with its identification year. */
public record ImportRequest(@NotNull @Valid HouseholdRequest household,
                            @NotNull @Min(2013) @Max(2100) Integer identificationYear) {
}
