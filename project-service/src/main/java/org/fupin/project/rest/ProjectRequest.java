package org.fupin.project.rest;

import org.fupin.project.domain.ProjectData;
import org.fupin.project.service.ProjectCommands;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * A project record as the office enters it (POST /api/v1/projects) or corrects it (PUT /api/v1/projects/{id}). Only
 * name, projectYear and regionCode are required; what else is missing is listed in the answer's missingFields.
 *
 * @param projectCode the office's own code (项目编号), 1-40 characters; generated ({@code <county>-<year>-<number>}) when absent
 * @param regionCode  where it is built: a 12-digit county, township or village code inside the caller's region
 * @param budget      预算总投资 by fund-source code ({@code central-budget}, {@code bank-loans}, …) → decimal string
 *                    yuan; the total is the sum, never entered
 * @param date        the business date of the entry or correction (back-dated paper records; never in the future);
 *                    today when absent
 */
public record ProjectRequest(String projectCode, String name, Integer projectYear, String category, String regionCode,
                             String batch, Unit unit, String constructionContent, String constructionScale,
                             LocalDate plannedStartDate, LocalDate plannedEndDate, Targets targets, Map<String, String> budget,
                             LocalDate date) {

    /** 实施单位: name and, optionally, its unified social credit code (统一社会信用代码, GB 32100 check character). */
    public record Unit(String name, String creditCode) {
    }

    /** 绩效目标: beneficiary households and persons, of whom poor, and a free-text target. */
    public record Targets(Integer beneficiaryHouseholds, Integer beneficiaryPersons, Integer poorHouseholds,
                          Integer poorPersons, String text) {
    }

    public ProjectCommands.Entry toCommand() {
        return new ProjectCommands.Entry(toData(), date);
    }

    public ProjectData toData() {
        ProjectData.ImplementingUnit u = unit == null || (unit.name() == null && unit.creditCode() == null) ? null
                : new ProjectData.ImplementingUnit(unit.name(), unit.creditCode() == null ? null
                        : unit.creditCode().toUpperCase(Locale.ROOT));
        ProjectData.PerformanceTargets t = targets == null ? null : new ProjectData.PerformanceTargets(
                targets.beneficiaryHouseholds(), targets.beneficiaryPersons(), targets.poorHouseholds(), targets.poorPersons(),
                targets.text());
        return new ProjectData(projectCode, name, projectYear, blankToNull(category), regionCode, batch, u,
                constructionContent, constructionScale, plannedStartDate, plannedEndDate, t == null || t.isEmpty() ? null : t,
                ProjectCommands.budget(budget, "budget"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
