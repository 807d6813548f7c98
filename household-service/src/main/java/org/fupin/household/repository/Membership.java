package org.fupin.household.repository;

/** The household (code and village) an active person belongs to. */
public record Membership(String householdCode, String regionCode) {
}
