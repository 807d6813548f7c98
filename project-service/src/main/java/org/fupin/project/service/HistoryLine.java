package org.fupin.project.service;

import org.fupin.project.domain.Change;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One change of a project: who did what, when, from which stage to which, effective on which date, and each changed
 * field's value before and after.
 */
public record HistoryLine(long seq, OffsetDateTime at, String actor, String action, String fromStage, String toStage,
                          LocalDate date, String remarks, List<Change.FieldChange> changes) {
}
