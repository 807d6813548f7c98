package org.fupin.reporting.rest;

import org.fupin.platform.money.Money;
import org.fupin.platform.money.Rate;
import org.fupin.reporting.domain.FundFigures;
import org.fupin.reporting.service.Freshness;
import org.fupin.reporting.service.FundReport;

import java.time.LocalDate;
import java.util.List;

/**
 * The fund figures of a region prefix (资金统计), optionally filtered by year, category, source and batch, now or as of
 * the end of a day, grouped one level.
 *
 * @param region   the region prefix asked for ({@code ""} = national)
 * @param year     the project year filtered on, null = all
 * @param category the category code filtered on, null = all
 * @param source   the fund-source code filtered on, null = all
 * @param batch    the batch filtered on, null = all
 * @param asOf     the day the figures stand at the end of (by document, payment, voucher, reversal and stage dates);
 *                 null = now
 * @param groupBy  year, category, source, batch or region; null = the total only
 * @param rows     one per group, keys ascending as text, {@code unknown} last; empty without groupBy
 * @param total    the figures over everything in scope, computed, not summed (a project in several sources counts once)
 * @param freshness the time of the latest fund and project events applied
 */
public record FundReportView(String region, Integer year, String category, String source, String batch, LocalDate asOf,
                             String groupBy, List<Row> rows, Figures total, Freshness freshness) {

    /**
     * @param group a project year ("2019"), a category code, a fund-source code, a batch, a region prefix one level below
     *              the one asked for (money of projects built at the asked region itself falls in its own prefix), or
     *              {@code unknown}: money of projects not known (yet, or on that day), or without a category or batch
     */
    public record Row(String group, Figures figures) {
    }

    /**
     * Amounts in yuan as decimal strings; rates {@code {numerator, denominator, percent, defined}}, percent half-up to two
     * decimals, undefined (percent null) when the denominator is 0.
     *
     * @param projects                projects (non-cancelled, known on the day)
     * @param budget                  their budget (of the source, with a source filter or row)
     * @param implementedProjects     of them under construction, completed or accepted
     * @param implementedAmount       已实施金额: their budget
     * @param allocated               资金下达 (money of cancelled and not yet known projects included)
     * @param disbursed               拨付
     * @param reimbursed              报账
     * @param balance                 结余: allocated − reimbursed
     * @param disbursementRate        拨付率: disbursed ÷ allocated
     * @param utilisationRate         资金使用率: reimbursed ÷ allocated
     * @param reimbursementRate       报账率: reimbursed ÷ implemented amount
     * @param budgetReimbursementRate reimbursed ÷ budget
     */
    public record Figures(long projects, Money budget, long implementedProjects, Money implementedAmount, Money allocated,
                          Money disbursed, Money reimbursed, Money balance, Rate disbursementRate, Rate utilisationRate,
                          Rate reimbursementRate, Rate budgetReimbursementRate) {
        static Figures of(FundFigures.Figures f) {
            return new Figures(f.projects(), f.budget(), f.implementedProjects(), f.implementedAmount(), f.allocated(),
                    f.disbursed(), f.reimbursed(), f.balance(), f.disbursementRate(), f.utilisationRate(),
                    f.reimbursementRate(), f.budgetReimbursementRate());
        }
    }

    public static FundReportView of(FundReport r, Freshness freshness) {
        return new FundReportView(r.region(), r.year(), r.category(), r.source(), r.batch(), r.asOf(), r.groupBy(),
                r.rows().stream().map(row -> new Row(row.group(), Figures.of(row.figures()))).toList(), Figures.of(r.total()), freshness);
    }
}
