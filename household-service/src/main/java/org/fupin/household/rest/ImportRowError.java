package org.fupin.household.rest;

/** Why a row was rejected: its number in the batch, the field, and what is wrong, never the value that was sent. */
public record ImportRowError(int row, String field, String message) {
}
