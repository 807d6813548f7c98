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

    /** The fund sources (资金来源) in fund-service's order: every figure lists them all, 0.00 where there is no money. */
    public static final List<String> FUND_SOURCES = List.of("central-budget", "provincial-budget", "city-budget",
            "county-budget", "local-government-debt", "relocation", "paired-assistance", "east-west-cooperation",
            "social-donations", "bank-loans", "self-raised");

    public static Figures of(Collection<ProjectFact> projects, Map<String, HouseholdFact> households) {
        Sums sums = new Sums();
        Set<String> linked = new HashSet<>();
        for (ProjectFact p : projects) {
            BigDecimal budget = p.budgetTotal();
            sums.add(p.stage(), 1, p.incomplete() ? 1 : 0, budget, p.investmentCompleted(),
                    p.physicalProgress() == null ? BigDecimal.ZERO : budget.multiply(p.physicalProgress()));
            if (!p.cancelled()) {
                p.budget().forEach(sums::addSource);
                linked.addAll(p.householdIds());
            }
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
        return sums.beneficiaries(beneficiaryHouseholds, beneficiaryPersons).figures();
    }

    /**
     * The figures from sums per stage (what a database aggregation returns): the one place the formulas live, used by
     * {@link #of} for single projects and by the report for sums grouped in SQL. Everything but the distinct beneficiary
     * households is additive, so sums of groups add up to the sums of their union; beneficiaries are given as counted.
     */
    public static final class Sums {
        private final Map<String, Long> byStage = new TreeMap<>();
        private long nonCancelled;
        private long started;
        private long completed;
        private long incomplete;
        private BigDecimal total = BigDecimal.ZERO;
        private final Map<String, BigDecimal> bySource = new TreeMap<>();
        private BigDecimal implemented = BigDecimal.ZERO;
        private BigDecimal investment = BigDecimal.ZERO;
        private BigDecimal budgetTimesProgress = BigDecimal.ZERO;
        private long beneficiaryHouseholds;
        private long beneficiaryPersons;

        /**
         * Projects of one stage.
         *
         * @param projects            how many
         * @param incomplete          of which incomplete (项目信息不完整)
         * @param budget              Σ their total budgets
         * @param investment          Σ their investment completed
         * @param budgetTimesProgress Σ budget × physical progress in percent (0 where none was reported)
         */
        public Sums add(String stage, long projects, long incomplete, BigDecimal budget, BigDecimal investment,
                        BigDecimal budgetTimesProgress) {
            byStage.merge(stage, projects, Long::sum);
            if (CANCELLED.equals(stage)) {
                return this;
            }
            nonCancelled += projects;
            this.incomplete += incomplete;
            total = total.add(budget);
            this.investment = this.investment.add(investment);
            this.budgetTimesProgress = this.budgetTimesProgress.add(budgetTimesProgress);
            if (STARTED.contains(stage)) {
                started += projects;
                implemented = implemented.add(budget);
            }
            if (COMPLETED.contains(stage)) {
                completed += projects;
            }
            return this;
        }

        /** Σ budget of one fund source over the non-cancelled projects. */
        public Sums addSource(String source, BigDecimal amount) {
            bySource.merge(source, amount, BigDecimal::add);
            return this;
        }

        /** The distinct beneficiary households (known, not removed) and their persons. */
        public Sums beneficiaries(long households, long persons) {
            beneficiaryHouseholds = households;
            beneficiaryPersons = persons;
            return this;
        }

        public Figures figures() {
            Map<String, Long> stages = new LinkedHashMap<>();
            for (String s : ProjectSnapshot.STAGES) {
                stages.put(s, byStage.getOrDefault(s, 0L));
            }
            byStage.forEach(stages::putIfAbsent); // a stage newer than this version: shown, never dropped
            long projects = stages.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Money> sources = new LinkedHashMap<>();
            for (String s : FUND_SOURCES) {
                sources.put(s, new Money(bySource.getOrDefault(s, BigDecimal.ZERO)));
            }
            bySource.forEach((s, a) -> sources.putIfAbsent(s, new Money(a)));
            return new Figures(projects, Collections.unmodifiableMap(stages), nonCancelled,
                    Rate.of(started, nonCancelled), Rate.of(completed, nonCancelled), new Money(total),
                    Collections.unmodifiableMap(sources), new Money(implemented), new Money(investment),
                    new Rate(new Money(investment).amount(), new Money(total).amount()),
                    new Rate(weightedProgress(budgetTimesProgress), new Money(total).amount()), incomplete,
                    beneficiaryHouseholds, beneficiaryPersons);
        }
    }

    /**
     * Σ budget × percent ÷ 100, exactly (a division by a power of ten), in one canonical form whatever the order of
     * the sum: trailing zeros dropped down to two decimals ("420000.00", "0.333300" → "0.3333").
     */
    static BigDecimal weightedProgress(BigDecimal budgetTimesPercent) {
        BigDecimal v = budgetTimesPercent.divide(HUNDRED).stripTrailingZeros();
        return v.scale() < 2 ? v.setScale(2) : v;
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
