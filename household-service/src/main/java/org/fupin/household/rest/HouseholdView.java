package org.fupin.household.rest;

import org.fupin.household.domain.HouseholdStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A household as the API shows it; {@code headResidentId} is masked unless the caller may see it. */
public record HouseholdView(UUID id, String householdCode, String regionCode, String headName, String headResidentId,
                            int memberCount, HouseholdStatus status, long version,
                            OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {
}
