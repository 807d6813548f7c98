package org.fupin.reporting.rest;

import java.time.OffsetDateTime;

/**
 * Registered households and persons (建档立卡户数、人数) inside a region prefix.
 *
 * @param region the region prefix asked for ({@code ""} = national)
 */
public record HouseholdFigures(String region, long registeredHouseholds, long registeredPersons, OffsetDateTime asOf) {
}
