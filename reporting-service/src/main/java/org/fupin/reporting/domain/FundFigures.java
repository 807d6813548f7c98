package org.fupin.reporting.domain;

import org.fupin.platform.money.Money;
import org.fupin.platform.money.Rate;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The fund figures of the report (plain Java), from the fund events (one {@link FundFact} per ledger entry) and the
 * project events (one {@link ProjectPoint} per project version), as they stood at the end of a day or now:
 * <ul>
 *   <li>allocated (下达), disbursed (拨付), reimbursed (报账) = sums of the entries dated on or before the day;</li>
 *   <li>disbursement rate (拨付率) = disbursed ÷ allocated;</li>
 *   <li>fund utilisation rate (资金使用率) = reimbursed ÷ allocated;</li>
 *   <li>reimbursement rate (报账率) = reimbursed ÷ implemented amount, the implemented amount (已实施金额) being the
 *   budgets of the non-cancelled projects under construction or further on that day;</li>
 *   <li>reimbursement rate of the budget = reimbursed ÷ the budgets of the non-cancelled projects;</li>
 *   <li>projects and implemented projects: non-cancelled projects known on that day, counted once per group.</li>
 * </ul>
 * Rates: numerator and denominator, percent half-up to two decimals, undefined (null) when the denominator is 0
 * ({@link Rate}). Money moved for a cancelled project still counts (it moved); its budget does not.
 * <p>
 * A function of the two <em>sets</em> only — facts deduplicated by entry id, project points by version — so the figures do
 * not depend on the order or the number of times the events arrived (fund events before their project's events
 * included: until the project is known its money counts under group {@value #UNKNOWN} and only in filters that need no
 * project attribute).
 */
public final class FundFigures {
    private FundFigures() {
    }

    /** Group of money whose project (or its year, category, batch) is not known (yet, or on that day). */
    public static final String UNKNOWN = "unknown";
    public static final Set<String> STARTED = Set.of("UNDER_CONSTRUCTION", "COMPLETED", "ACCEPTED");
    public static final String CANCELLED = "CANCELLED";

    // -------------------------------------------------------------------------------------------- the formulas

    /** 拨付率 = disbursed ÷ allocated. */
    public static Rate disbursementRate(Money disbursed, Money allocated) {
        return Rate.of(disbursed, allocated);
    }

    /** 资金使用率 = reimbursed ÷ allocated. */
    public static Rate utilisationRate(Money reimbursed, Money allocated) {
        return Rate.of(reimbursed, allocated);
    }

    /** 报账率 = reimbursed ÷ implemented amount (已实施金额). */
    public static Rate reimbursementRate(Money reimbursed, Money implementedAmount) {
        return Rate.of(reimbursed, implementedAmount);
    }

    /** Reimbursement rate of the budget = reimbursed ÷ total budget. */
    public static Rate budgetReimbursementRate(Money reimbursed, Money budget) {
        return Rate.of(reimbursed, budget);
    }

    // -------------------------------------------------------------------------------------------- the inputs

    /**
     * One ledger entry as reporting keeps it: signed deltas of the three figures on the entry's business date.
     * The factories map each fund event type.
     */
    public record FundFact(String entryId, String projectId, String regionCode, String source, LocalDate date,
                           BigDecimal allocated, BigDecimal disbursed, BigDecimal reimbursed) {
        public FundFact {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(date, "date");
            allocated = allocated == null ? BigDecimal.ZERO : allocated;
            disbursed = disbursed == null ? BigDecimal.ZERO : disbursed;
            reimbursed = reimbursed == null ? BigDecimal.ZERO : reimbursed;
        }

        /** fund.allocated.v1: allocated + amount. */
        public static FundFact allocated(String entryId, String projectId, String region, String source, LocalDate date,
                                         BigDecimal amount) {
            return new FundFact(entryId, projectId, region, source, date, amount, null, null);
        }

        /** fund.allocation-adjusted.v1: side OUT allocated − amount, side IN allocated + amount. */
        public static FundFact adjusted(String entryId, String projectId, String region, String source, LocalDate date,
                                        String side, BigDecimal amount) {
            return new FundFact(entryId, projectId, region, source, date, "OUT".equals(side) ? amount.negate() : amount,
                    null, null);
        }

        /** fund.disbursed.v1: disbursed + amount. */
        public static FundFact disbursed(String entryId, String projectId, String region, String source, LocalDate date,
                                         BigDecimal amount) {
            return new FundFact(entryId, projectId, region, source, date, null, amount, null);
        }

        /** fund.reimbursed.v1: reimbursed + amount. */
        public static FundFact reimbursed(String entryId, String projectId, String region, String source, LocalDate date,
                                          BigDecimal amount) {
            return new FundFact(entryId, projectId, region, source, date, null, null, amount);
        }

        /** fund.reimbursement-reversed.v1: reimbursed − amount, on the reversal's date. */
        public static FundFact reversed(String entryId, String projectId, String region, String source, LocalDate date,
                                        BigDecimal amount) {
            return new FundFact(entryId, projectId, region, source, date, null, null, amount.negate());
        }

        /** fund.recalled.v1: allocated − amount, disbursed − returnedAmount. */
        public static FundFact recalled(String entryId, String projectId, String region, String source, LocalDate date,
                                        BigDecimal amount, BigDecimal returnedAmount) {
            return new FundFact(entryId, projectId, region, source, date, amount.negate(), returnedAmount.negate(), null);
        }
    }

    /**
     * A project as one of its events left it, valid from {@code from}: the stage date for an event that set the stage
     * (registered, stage-changed, cancelled: {@link #validFrom}), else the event's effective date.
     *
     * @param budget fund-source code → amount
     */
    public record ProjectPoint(String projectId, long version, LocalDate from, String regionCode, int year, String category,
                               String batch, String stage, Map<String, BigDecimal> budget) {
        public ProjectPoint {
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(stage, "stage");
            budget = budget == null ? Map.of() : Map.copyOf(budget);
        }

        public boolean cancelled() {
            return CANCELLED.equals(stage);
        }

        public boolean started() {
            return STARTED.contains(stage);
        }

        /**
         * The day a project event's state counts from: the stage date when the event set the stage (an imported project
         * counts in its stage from the date it reached it), else the business date of the change.
         */
        public static LocalDate validFrom(String eventType, LocalDate stageDate, LocalDate effectiveDate) {
            boolean setsStage = eventType.startsWith("project.registered") || eventType.startsWith("project.stage-changed")
                    || eventType.startsWith("project.cancelled");
            return setsStage && stageDate != null ? stageDate : effectiveDate;
        }
    }

    /** What to count: region prefix ("" = everything), and optionally year, category, batch, source. */
    public record Filter(String regionPrefix, Integer year, String category, String batch, String source) {
        public static final Filter ALL = new Filter("", null, null, null, null);

        boolean needsProject() {
            return year != null || category != null || batch != null;
        }
    }

    /** What the report is grouped by ({@code groupBy}); {@code REGION} is one level below the region asked for. */
    public enum GroupBy {
        YEAR, CATEGORY, SOURCE, BATCH, REGION;

        /** The query parameter's value. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param text the query parameter; absent or blank means no grouping (the total only)
         * @throws ApiProblem 400 naming the field for anything but year, category, source, batch or region
         */
        public static GroupBy parse(String text, String field) {
            if (text == null || text.isBlank()) {
                return null;
            }
            for (GroupBy g : values()) {
                if (g.value().equals(text)) {
                    return g;
                }
            }
            throw ApiProblem.validation(field, "must be one of " + Arrays.stream(values()).map(GroupBy::value)
                    .collect(Collectors.joining(", ")));
        }
    }

    /** The order of the rows: keys as text ascending (years are four digits), {@value #UNKNOWN} last. */
    public static final Comparator<String> KEY_ORDER = (a, b) -> UNKNOWN.equals(a) ? (UNKNOWN.equals(b) ? 0 : 1)
            : UNKNOWN.equals(b) ? -1 : a.compareTo(b);

    public record Figures(long projects, Money budget, long implementedProjects, Money implementedAmount, Money allocated,
                          Money disbursed, Money reimbursed, Money balance, Rate disbursementRate, Rate utilisationRate,
                          Rate reimbursementRate, Rate budgetReimbursementRate) {
    }

    /** One row per group (keys in order, {@value #UNKNOWN} last) and the total, computed over everything, not summed. */
    public record Grouped(Map<String, Figures> rows, Figures total) {
    }

    // -------------------------------------------------------------------------------------------- as of a day

    /** Each project's newest version valid on the day (null day: the newest version). */
    public static Map<String, ProjectPoint> projectsAsOf(Collection<ProjectPoint> points, LocalDate day) {
        Map<String, ProjectPoint> m = new HashMap<>();
        for (ProjectPoint p : points) {
            if (day != null && p.from().isAfter(day)) {
                continue;
            }
            m.merge(p.projectId(), p, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return m;
    }

    /** The facts dated on or before the day, each entry once. */
    public static Collection<FundFact> factsAsOf(Collection<FundFact> facts, LocalDate day) {
        Map<String, FundFact> m = new HashMap<>();
        for (FundFact f : facts) {
            if (day == null || !f.date().isAfter(day)) {
                m.putIfAbsent(f.entryId(), f);
            }
        }
        return m.values();
    }

    /** The figures of everything the filter lets through, as of the day (null: now). */
    public static Figures of(Collection<ProjectPoint> points, Collection<FundFact> facts, LocalDate day, Filter filter) {
        return aggregate(contributions(points, facts, day, filter));
    }

    /**
     * The figures per group and their total, as of the day. {@code REGION} groups one level below the filter's region
     * prefix (village codes stay villages).
     */
    public static Grouped grouped(Collection<ProjectPoint> points, Collection<FundFact> facts, LocalDate day, Filter filter,
                                  GroupBy groupBy) {
        List<Contribution> all = contributions(points, facts, day, filter);
        Map<String, List<Contribution>> groups = new TreeMap<>(KEY_ORDER);
        for (Contribution c : all) {
            if (groupBy == GroupBy.SOURCE && c.source == null) {
                continue; // a project's presence without money of any source
            }
            groups.computeIfAbsent(key(c, groupBy, filter.regionPrefix()), k -> new ArrayList<>()).add(c);
        }
        Map<String, Figures> rows = new LinkedHashMap<>();
        groups.forEach((k, cs) -> rows.put(k, aggregate(cs)));
        return new Grouped(Collections.unmodifiableMap(rows), aggregate(all));
    }

    // -------------------------------------------------------------------------------------------- inside

    /** One project × source (or the project itself, source null): its budget on the day and its money. */
    private static final class Contribution {
        final String projectId;
        final ProjectPoint point;
        final String source;
        final String regionCode;
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        BigDecimal reimbursed = BigDecimal.ZERO;

        Contribution(String projectId, ProjectPoint point, String source, String regionCode) {
            this.projectId = projectId;
            this.point = point;
            this.source = source;
            this.regionCode = regionCode;
        }

        /** Counted as a project: known on the day and not cancelled. */
        boolean live() {
            return point != null && !point.cancelled();
        }

        BigDecimal budget() {
            if (!live()) {
                return BigDecimal.ZERO;
            }
            if (source == null) {
                return BigDecimal.ZERO; // the per-source contributions carry the budget
            }
            return point.budget().getOrDefault(source, BigDecimal.ZERO);
        }
    }

    private static List<Contribution> contributions(Collection<ProjectPoint> points, Collection<FundFact> facts, LocalDate day,
                                                    Filter filter) {
        Map<String, ProjectPoint> projects = projectsAsOf(points, day);
        Map<String, Contribution> bySourceKey = new LinkedHashMap<>();
        List<Contribution> out = new ArrayList<>();
        for (ProjectPoint p : projects.values()) {
            if (!passes(p, p.regionCode(), null, filter)) {
                continue;
            }
            if (filter.source() == null) { // with a source filter a project counts only through money or budget of it
                out.add(new Contribution(p.projectId(), p, null, p.regionCode()));
            }
            for (String source : p.budget().keySet()) {
                if (filter.source() == null || filter.source().equals(source)) {
                    Contribution c = new Contribution(p.projectId(), p, source, p.regionCode());
                    bySourceKey.put(p.projectId() + "|" + source, c);
                }
            }
        }
        for (FundFact f : factsAsOf(facts, day)) {
            ProjectPoint p = projects.get(f.projectId());
            String region = p != null ? p.regionCode() : f.regionCode();
            if (!passes(p, region, f.source(), filter)) {
                continue;
            }
            Contribution c = bySourceKey.computeIfAbsent(f.projectId() + "|" + f.source(),
                    k -> new Contribution(f.projectId(), p, f.source(), region));
            c.allocated = c.allocated.add(f.allocated());
            c.disbursed = c.disbursed.add(f.disbursed());
            c.reimbursed = c.reimbursed.add(f.reimbursed());
        }
        out.addAll(bySourceKey.values());
        return out;
    }

    private static boolean passes(ProjectPoint p, String region, String source, Filter filter) {
        if (region == null || !region.startsWith(filter.regionPrefix() == null ? "" : filter.regionPrefix())) {
            return false;
        }
        if (source != null && filter.source() != null && !filter.source().equals(source)) {
            return false;
        }
        if (filter.needsProject()) {
            if (p == null) {
                return false;
            }
            return (filter.year() == null || filter.year() == p.year())
                    && (filter.category() == null || filter.category().equals(p.category()))
                    && (filter.batch() == null || filter.batch().equals(p.batch()));
        }
        return true;
    }

    private static String key(Contribution c, GroupBy groupBy, String regionPrefix) {
        ProjectPoint p = c.point;
        return switch (groupBy) {
            case YEAR -> p == null ? UNKNOWN : String.valueOf(p.year());
            case CATEGORY -> p == null || p.category() == null ? UNKNOWN : p.category();
            case BATCH -> p == null || p.batch() == null ? UNKNOWN : p.batch();
            case SOURCE -> c.source;
            case REGION -> regionGroup(c.regionCode.substring(0, nextLevel(regionPrefix == null ? 0 : regionPrefix.length())));
        };
    }

    /**
     * A region code cut to the next level, as a region prefix (as the project report groups): money of a project built
     * at the requested region itself falls in the requested region's own row ({@code 522428000} → {@code 522428}).
     */
    public static String regionGroup(String cut) {
        return RegionCode.prefixOf(cut);
    }

    /** The length of the prefix one level below a prefix of the given length (a village stays a village). */
    public static int nextLevel(int length) {
        for (int l : RegionLevels.LENGTHS) {
            if (l > length) {
                return l;
            }
        }
        return 12;
    }

    private static Figures aggregate(Collection<Contribution> cs) {
        Set<String> projects = new HashSet<>();
        Set<String> implementedProjects = new HashSet<>();
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal implemented = BigDecimal.ZERO;
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        BigDecimal reimbursed = BigDecimal.ZERO;
        for (Contribution c : cs) {
            if (c.live()) {
                projects.add(c.projectId);
                BigDecimal b = c.budget();
                budget = budget.add(b);
                if (c.point.started()) {
                    implementedProjects.add(c.projectId);
                    implemented = implemented.add(b);
                }
            }
            allocated = allocated.add(c.allocated);
            disbursed = disbursed.add(c.disbursed);
            reimbursed = reimbursed.add(c.reimbursed);
        }
        return figures(projects.size(), budget, implementedProjects.size(), implemented, allocated, disbursed, reimbursed);
    }

    /**
     * The figures from their sums (what the database's sums are turned into, so the SQL path and this class render alike):
     * balance and the four rates follow.
     */
    public static Figures figures(long projects, BigDecimal budget, long implementedProjects, BigDecimal implemented,
                                  BigDecimal allocated, BigDecimal disbursed, BigDecimal reimbursed) {
        Money a = new Money(allocated);
        Money d = new Money(disbursed);
        Money r = new Money(reimbursed);
        Money b = new Money(budget);
        Money i = new Money(implemented);
        return new Figures(projects, b, implementedProjects, i, a, d, r, a.minus(r), disbursementRate(d, a),
                utilisationRate(r, a), reimbursementRate(r, i), budgetReimbursementRate(r, b));
    }
}
