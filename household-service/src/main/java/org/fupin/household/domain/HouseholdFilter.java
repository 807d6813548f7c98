package org.fupin.household.domain;

/** Filters of the household list; null means "any". */
public record HouseholdFilter(String regionPrefix, HouseholdState state, HouseholdType type, String cause, Integer identificationYear,
                              Integer exitYear, Boolean monitored, Boolean withoutCadre) {
}
