package org.fupin.project.service;

import org.fupin.project.domain.ProjectData;
import org.fupin.project.domain.ProjectStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One project of a bulk import as sent: an NDJSON line (CSV and xlsx rows are turned into this shape by
 * {@link ProjectImportTable}). The body of POST /api/v1/projects, plus the stage the project has reached with its
 * stage dates and documents, its latest progress and its beneficiary households (带贫户) by code.
 *
 * @param date       accepted for symmetry with POST /api/v1/projects; an import is entered as of today
 * @param stageDates the date each stage was reached, e.g. {"PRE_APPROVAL_DONE": "2019-03-01", ...}
 */
public record ProjectImportLine(String projectCode, String name, Integer projectYear, String category, String regionCode,
                                String batch, ProjectData.ImplementingUnit unit, String constructionContent,
                                String constructionScale, LocalDate plannedStartDate, LocalDate plannedEndDate,
                                ProjectData.PerformanceTargets targets, Map<String, String> budget, LocalDate date,
                                ProjectStage stage, Map<ProjectStage, LocalDate> stageDates, String approvalDocument,
                                String acceptanceDocument, String cancellationReason, ProgressLine progress,
                                List<String> beneficiaryCodes) {

    /** 进度 as of reportDate: 形象进度 (percent) and 累计完成投资 (decimal string, yuan). */
    public record ProgressLine(LocalDate reportDate, BigDecimal physicalProgress, String investmentCompleted) {
    }
}
