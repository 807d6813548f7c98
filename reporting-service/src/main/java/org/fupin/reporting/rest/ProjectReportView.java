package org.fupin.reporting.rest;

import org.fupin.platform.money.Money;
import org.fupin.platform.money.Rate;
import org.fupin.reporting.domain.ProjectFigures;
import org.fupin.reporting.service.Freshness;
import org.fupin.reporting.service.ProjectReport;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The project figures of a region prefix (项目库统计), optionally filtered by year, category and batch, grouped one level.
 *
 * @param region   the region prefix asked for ({@code ""} = national)
 * @param year     the library year filtered on, null = all
 * @param category the category code filtered on, null = all
 * @param batch    the batch filtered on, null = all
 * @param groupBy  year, category, stage, batch or region; null = the total only
 * @param rows     one per group with projects, in order (years ascending, stages in lifecycle order, else as text,
 *                 null last); empty without groupBy
 * @param total    the figures over every project in scope (distinct households counted once across groups)
 * @param freshness the time of the latest project and household events applied
 */
public record ProjectReportView(String region, Integer year, String category, String batch, String groupBy,
                                List<Row> rows, Figures total, OffsetDateTime asOf, Freshness freshness) {

    /**
     * @param group the group's key as text: "2019", a category code, a stage, a batch, or a region prefix one level
     *              below the one asked for (projects built at the asked region itself fall in its own prefix); null for
     *              projects without a category or batch
     */
    public record Row(String group, Figures figures) {
    }

    /**
     * @param projects                 every project, the cancelled included
     * @param byStage                  projects per stage, all seven stages in lifecycle order (0 where none)
     * @param nonCancelled             the projects every other figure is over
     * @param startRate                开工率: under construction, completed or accepted ÷ non-cancelled
     * @param completionRate           竣工率: completed or accepted ÷ non-cancelled
     * @param totalBudget              预算总投资 (yuan, decimal string)
     * @param budgetBySource           by fund-source code, all eleven in fund-service's order ("0.00" where none)
     * @param implementedAmount        已实施金额: budgets of the projects under construction or further
     * @param investmentCompleted      累计完成投资
     * @param investmentCompletionRate investment completed ÷ total budget
     * @param physicalProgress         形象进度: Σ budget × percent ÷ 100 over Σ budget (budget-weighted mean; 0 where none reported)
     * @param incompleteRecords        项目信息不完整
     * @param beneficiaryHouseholds    distinct 带贫户 known to the household facts and not removed
     * @param beneficiaryPersons       their persons (current member counts)
     */
    public record Figures(long projects, Map<String, Long> byStage, long nonCancelled, Rate startRate, Rate completionRate,
                          Money totalBudget, Map<String, Money> budgetBySource, Money implementedAmount,
                          Money investmentCompleted, Rate investmentCompletionRate, Rate physicalProgress,
                          long incompleteRecords, long beneficiaryHouseholds, long beneficiaryPersons) {
        static Figures of(ProjectFigures.Figures f) {
            return new Figures(f.projects(), f.byStage(), f.nonCancelled(), f.startRate(), f.completionRate(), f.totalBudget(),
                    f.budgetBySource(), f.implementedAmount(), f.investmentCompleted(), f.investmentCompletionRate(),
                    f.physicalProgress(), f.incompleteRecords(), f.beneficiaryHouseholds(), f.beneficiaryPersons());
        }
    }

    public static ProjectReportView of(ProjectReport r, Freshness freshness) {
        return new ProjectReportView(r.region(), r.year(), r.category(), r.batch(), r.groupBy(),
                r.rows().stream().map(row -> new Row(row.group(), Figures.of(row.figures()))).toList(),
                Figures.of(r.total()), r.asOf(), freshness);
    }
}
