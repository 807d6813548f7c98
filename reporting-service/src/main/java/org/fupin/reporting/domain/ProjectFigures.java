package org.fupin.reporting.domain;

import org.fupin.platform.money.Money;
import org.fupin.platform.money.Rate;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The project figures of the report (plain Java), from the projects' latest snapshots (the project events) and the
 * household facts (the household events). A function of both sets only, so the figures do not depend on the order in
 * which household and project events arrived.
 * <ul>
 *   <li>projects by stage, every project counted (CANCELLED is a stage of its own);</li>
 *   <li>every other figure is over the <b>non-cancelled</b> projects:</li>
 *   <li>start rate (开工率) = under construction, completed or accepted ÷ projects;</li>
 *   <li>completion rate (竣工率) = completed or accepted ÷ projects;</li>
 *   <li>total budget (预算总投资) and its split by fund source;</li>
 *   <li>implemented amount (已实施金额) = budgets of the projects under construction or further;</li>
 *   <li>investment completed (累计完成投资) and its rate over the total budget;</li>
 *   <li>physical progress (形象进度) = the budget-weighted mean of the projects' latest physical progress (0 where none
 *   was reported): a rate whose numerator is Σ budget × progress ÷ 100 and whose denominator is Σ budget;</li>
 *   <li>incomplete records (项目信息不完整);</li>
 *   <li>distinct beneficiary households (带贫户) and their persons: households linked to at least one project, known to
 *   the household facts and not removed (a household removed after linking stays linked in project-service, flagged,
 *   but is not a poor household to count).</li>
 * </ul>
 * Rates: numerator and denominator, half-up to two decimals, undefined when the denominator is 0 ({@link Rate}).
 */
public final class ProjectFigures {
    private ProjectFigures() {
    }

    /** Stages that count as started (开工) and as completed (竣工). */
    static final Set<String> STARTED = Set.of("UNDER_CONSTRUCTION", "COMPLETED", "ACCEPTED");
    static final Set<String> COMPLETED = Set.of("COMPLETED", "ACCEPTED");
    static final String CANCELLED = "CANCELLED";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * A project as the report sees it (from its latest event).
     *
     * @param budget           fund-source code → amount (yuan, two decimals)
     * @param physicalProgress latest 形象进度 in percent, or null when none was reported
     * @param householdIds     the linked beneficiary households
     */
    public record ProjectFact(String projectId, String stage, Map<String, BigDecimal> budget, BigDecimal physicalProgress,
                              BigDecimal investmentCompleted, boolean incomplete, Set<String> householdIds) {
        public ProjectFact {
            Objects.requireNonNull(stage, "stage");
            budget = budget == null ? Map.of() : Map.copyOf(budget);
            investmentCompleted = investmentCompleted == null ? BigDecimal.ZERO : investmentCompleted;
            householdIds = householdIds == null ? Set.of() : Set.copyOf(householdIds);
        }

        public BigDecimal budgetTotal() {
            return budget.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public boolean cancelled() {
            return CANCELLED.equals(stage);
        }
    }

    /** A household as the household facts know it: persons, and whether it was removed (剔除). */
    public record HouseholdFact(String householdId, int persons, boolean removed) {
    }

    public record Figures(long projects, Map<String, Long> byStage, long nonCancelled, Rate startRate, Rate completionRate,
                          Money totalBudget, Map<String, Money> budgetBySource, Money implementedAmount,
                          Money investmentCompleted, Rate investmentCompletionRate, Rate physicalProgress,
                          long incompleteRecords, long beneficiaryHouseholds, long beneficiaryPersons) {
    }

    /** One row per group (in the key's natural order) and the total over all of them. */
    public record Grouped<K>(Map<K, Figures> rows, Figures total) {
    }

    public static Figures of(Collection<ProjectFact> projects, Map<String, HouseholdFact> households) {
        Map<String, Long> byStage = new LinkedHashMap<>();
        long nonCancelled = 0;
        long started = 0;
        long completed = 0;
        long incomplete = 0;
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> bySource = new TreeMap<>();
        BigDecimal implemented = BigDecimal.ZERO;
        BigDecimal investment = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        Set<String> linked = new HashSet<>();
        for (ProjectFact p : projects) {
            byStage.merge(p.stage(), 1L, Long::sum);
            if (p.cancelled()) {
                continue;
            }
            nonCancelled++;
            BigDecimal budget = p.budgetTotal();
            total = total.add(budget);
            p.budget().forEach((source, amount) -> bySource.merge(source, amount, BigDecimal::add));
            if (STARTED.contains(p.stage())) {
                started++;
                implemented = implemented.add(budget);
            }
            if (COMPLETED.contains(p.stage())) {
                completed++;
            }
            if (p.incomplete()) {
                incomplete++;
            }
            investment = investment.add(p.investmentCompleted());
            if (p.physicalProgress() != null) {
                weighted = weighted.add(budget.multiply(p.physicalProgress()).divide(HUNDRED)); // exact: a power of ten
            }
            linked.addAll(p.householdIds());
        }
        long beneficiaryHouseholds = 0;
        long beneficiaryPersons = 0;
        for (String id : linked) {
            HouseholdFact h = households.get(id);
            if (h != null && !h.removed()) {
                beneficiaryHouseholds++;
                beneficiaryPersons += h.persons();
            }
        }
        Map<String, Money> sources = new LinkedHashMap<>();
        bySource.forEach((s, a) -> sources.put(s, new Money(a)));
        return new Figures(projects.size(), Collections.unmodifiableMap(byStage), nonCancelled,
                Rate.of(started, nonCancelled), Rate.of(completed, nonCancelled), new Money(total),
                Collections.unmodifiableMap(sources), new Money(implemented), new Money(investment),
                new Rate(investment, total), new Rate(weighted, total), incomplete, beneficiaryHouseholds, beneficiaryPersons);
    }

    /**
     * The figures per group ({@code groupBy} year, category, stage, batch or region one level down: the key function
     * the caller picks) and the total. The total is computed over all projects, not summed from the rows, so distinct
     * households linked in two groups count once.
     */
    public static <K extends Comparable<K>> Grouped<K> groupBy(Collection<ProjectFact> projects, Function<ProjectFact, K> key,
                                                              Map<String, HouseholdFact> households) {
        Map<K, List<ProjectFact>> groups = new TreeMap<>();
        for (ProjectFact p : projects) {
            groups.computeIfAbsent(key.apply(p), k -> new java.util.ArrayList<>()).add(p);
        }
        Map<K, Figures> rows = new LinkedHashMap<>();
        groups.forEach((k, ps) -> rows.put(k, of(ps, households)));
        return new Grouped<>(Collections.unmodifiableMap(rows), of(projects, households));
    }
}
