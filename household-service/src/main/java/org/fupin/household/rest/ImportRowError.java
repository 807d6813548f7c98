package org.fupin.household.rest;

/** Why a row was rejected: its number in the batch and the field. */
public record ImportRowError(int row, String field, String message) {
}
