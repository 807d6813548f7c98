package org.fupin.household.service;

/** Why a row of an import was rejected: its number in the batch and the field (never the value). */
public record ImportRowProblem(int row, String field, String message) {
}
