package org.fupin.household.rest;

import org.fupin.household.service.ImportRowProblem;

/** Why a row was rejected: its number in the batch and the field. */
public record ImportRowError(int row, String field, String message) {

    public static ImportRowError of(ImportRowProblem p) {
        return new ImportRowError(p.row(), p.field(), p.message());
    }
}
