package org.fupin.project.domain;

import java.time.LocalDate;

/**
 * The project record as the office enters it (everything but the lifecycle, progress and beneficiaries). Only the name,
 * the year and the region are needed to enter a project; the rest may come later, and what is missing of the
 * required fields is listed by {@link MissingFields}.
 *
 * @param projectCode        the office's own code (项目编号), unique; the service generates one when absent
 * @param name               项目名称
 * @param projectYear        the library year it belongs to (项目年度)
 * @param category           code of one of the 13 categories, or null
 * @param regionCode         where it is built (建设地点): a 12-digit county, township or village code
 * @param batch              批次, or null
 * @param unit               实施单位, or null
 * @param constructionContent 建设内容
 * @param constructionScale  建设规模
 * @param plannedStartDate   计划开工时间
 * @param plannedEndDate     计划完工时间
 * @param targets            绩效目标, or null
 * @param budget             预算总投资 by fund source (never null; empty when not given)
 */
public record ProjectData(String projectCode, String name, Integer projectYear, String category, String regionCode,
                          String batch, ImplementingUnit unit, String constructionContent, String constructionScale,
                          LocalDate plannedStartDate, LocalDate plannedEndDate, PerformanceTargets targets,
                          BudgetSplit budget) {

    public ProjectData {
        budget = budget == null ? BudgetSplit.empty() : budget;
    }

    /** 实施单位: name and, optionally, its unified social credit code (统一社会信用代码). */
    public record ImplementingUnit(String name, String creditCode) {
    }

    /**
     * 绩效目标: beneficiary households and persons, of whom poor, and a free-text target. Any may be null.
     */
    public record PerformanceTargets(Integer beneficiaryHouseholds, Integer beneficiaryPersons, Integer poorHouseholds,
                                     Integer poorPersons, String text) {
        public boolean isEmpty() {
            return beneficiaryHouseholds == null && beneficiaryPersons == null && poorHouseholds == null
                    && poorPersons == null && (text == null || text.isBlank());
        }
    }

    public ProjectData withCode(String code) {
        return new ProjectData(code, name, projectYear, category, regionCode, batch, unit, constructionContent,
                constructionScale, plannedStartDate, plannedEndDate, targets, budget);
    }

    /** The 6-digit county the project is built in (its beneficiaries must live there). */
    public String countyPrefix() {
        return regionCode == null || regionCode.length() < 6 ? null : regionCode.substring(0, 6);
    }
}
