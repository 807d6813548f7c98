package org.fupin.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The library {@link ProjectLibraryE2ETest} enters, and the figures it must produce, computed here in plain Java from
 * what the test sends — on purpose without any class of project-service or reporting-service, so a wrong formula in
 * either shows as a difference instead of agreeing with itself.
 */
final class ProjectLibraryPlan {

    static final List<String> CATEGORIES = List.of("industry", "employment", "relocation", "public-welfare-posts", "education",
            "health", "dilapidated-housing-renovation", "financial", "living-conditions", "comprehensive-safety-net",
            "village-infrastructure", "village-public-services", "project-management-costs");
    /** The categories whose projects must name beneficiary households (needs_beneficiaries of the category table). */
    static final Set<String> NEED_BENEFICIARIES = Set.copyOf(CATEGORIES.subList(0, 8));
    /** No 招投标 for these (the service's default configuration). */
    static final Set<String> SKIP_TENDERING = Set.of("public-welfare-posts", "education", "health", "financial",
            "comprehensive-safety-net", "project-management-costs");
    static final List<String> FUND_SOURCES = List.of("central-budget", "provincial-budget", "city-budget", "county-budget",
            "local-government-debt", "relocation", "paired-assistance", "east-west-cooperation", "social-donations",
            "bank-loans", "self-raised");
    static final List<String> STAGES = List.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION", "COMPLETED",
            "ACCEPTED", "CANCELLED");
    static final Set<String> STARTED = Set.of("UNDER_CONSTRUCTION", "COMPLETED", "ACCEPTED");
    static final Set<String> DONE = Set.of("COMPLETED", "ACCEPTED");
    static final String BATCH_1 = "第一批";
    static final String BATCH_2 = "第二批";

    /** The two counties of the library (province 52, city 5206: nobody else's test uses it). */
    static final String CITY = "5206";
    static final List<String> COUNTIES = List.of("520602", "520603");
    static final int HOUSEHOLDS_PER_COUNTY = 10;
    /** Household index (per county) exited before linking, removed after linking, linked only to cancelled projects. */
    static final int EXITED = 7;
    static final int REMOVED = 8;
    static final int ONLY_CANCELLED = 9;

    /** A household the test registers: county index, index in its county, village, persons. */
    record Household(int county, int index, String village, int persons) {
        String key() {
            return county + "/" + index;
        }
    }

    static List<Household> households() {
        List<Household> out = new ArrayList<>();
        for (int c = 0; c < COUNTIES.size(); c++) {
            for (int j = 0; j < HOUSEHOLDS_PER_COUNTY; j++) {
                String village = COUNTIES.get(c) + String.format("%03d%03d", 1 + j % 2, 1 + j % 3);
                out.add(new Household(c, j, village, 1 + (j * 3 + c) % 5));
            }
        }
        return out;
    }

    /** One progress report: date, percent, investment completed to date, correction reason or null. */
    record Report(String date, BigDecimal percent, BigDecimal investment, String correction) {
    }

    /**
     * One project and what the test does with it.
     *
     * @param steps        stage steps in order (PRE_APPROVAL … ACCEPTANCE), each with its date
     * @param adjustedTo   the budget after an adjustment right after PRE_APPROVAL, or null
     * @param reportsAfter per step index: the progress reports made after that step
     * @param cancelAfter  cancel after this many steps, or -1
     * @param beneficiaries indices (in its county) of the households linked
     */
    record Project(int i, String code, String name, int year, String category, String region, int county, String batch,
                   String updatedBatch, boolean unit, boolean dates, Map<String, BigDecimal> budget,
                   Map<String, BigDecimal> adjustedTo, List<String[]> steps, Map<Integer, List<Report>> reportsAfter,
                   int cancelAfter, List<Integer> beneficiaries) {

        String finalStage() {
            if (cancelAfter >= 0) {
                return "CANCELLED";
            }
            if (steps.isEmpty()) {
                return "PLANNED";
            }
            return switch (steps.get(steps.size() - 1)[0]) {
                case "PRE_APPROVAL" -> "PRE_APPROVAL_DONE";
                case "TENDERING" -> "TENDERING";
                case "CONSTRUCTION_START" -> "UNDER_CONSTRUCTION";
                case "COMPLETION" -> "COMPLETED";
                case "ACCEPTANCE" -> "ACCEPTED";
                default -> throw new IllegalStateException(steps.get(steps.size() - 1)[0]);
            };
        }

        String finalBatch() {
            return updatedBatch != null ? updatedBatch : batch;
        }

        Map<String, BigDecimal> finalBudget() {
            return adjustedTo != null ? adjustedTo : budget;
        }

        BigDecimal budgetTotal() {
            return finalBudget().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        Report lastReport() {
            Report last = null;
            for (List<Report> rs : reportsAfter.values()) {
                for (Report r : rs) {
                    if (last == null || r.date().compareTo(last.date()) > 0) {
                        last = r;
                    }
                }
            }
            return last;
        }

        boolean incomplete() {
            return !unit || finalBudget().isEmpty() || !dates || (NEED_BENEFICIARIES.contains(category) && beneficiaries.isEmpty());
        }
    }

    static BigDecimal money(String s) {
        return new BigDecimal(s).setScale(2, RoundingMode.UNNECESSARY);
    }

    static BigDecimal share(BigDecimal amount, String fraction) {
        return amount.multiply(new BigDecimal(fraction)).setScale(2, RoundingMode.DOWN);
    }

    /** 13 categories × 7 target stages = 91 projects over two counties, townships and villages, four years, two batches. */
    static List<Project> projects(String runTag) {
        List<Project> out = new ArrayList<>();
        int i = 0;
        for (int k = 0; k < 7; k++) {
            for (int ci = 0; ci < CATEGORIES.size(); ci++, i++) {
                String category = CATEGORIES.get(ci);
                int county = i % 2;
                String c = COUNTIES.get(county);
                String region = switch ((i / 2) % 3) {
                    case 0 -> c + "000000";
                    case 1 -> c + String.format("%03d", 1 + i % 2) + "000";
                    default -> c + String.format("%03d%03d", 1 + i % 2, 1 + i % 3);
                };
                int year = 2018 + (i % 4);
                String batch = i % 11 == 10 ? null : ((i / 3) % 2 == 0 ? BATCH_1 : BATCH_2);
                boolean unit = i % 9 != 4;
                boolean dates = i % 10 != 7;
                Map<String, BigDecimal> budget = new TreeMap<>();
                if (!(k == 0 && ci % 4 == 1)) { // a few planned projects without any money yet
                    budget.put(FUND_SOURCES.get(i % 11), money(String.format("%d.%02d", 100_000 + i * 1_357, i % 100)));
                    String second = FUND_SOURCES.get((i * 3 + 1) % 11);
                    budget.merge(second, money(String.format("%d.50", 20_000 + i * 211)), BigDecimal::add);
                }
                Map<String, BigDecimal> adjusted = null;
                String y = Integer.toString(year);
                List<String[]> steps = new ArrayList<>();
                Map<Integer, List<Report>> reports = new LinkedHashMap<>();
                int cancelAfter = -1;
                boolean tendering = !SKIP_TENDERING.contains(category);
                // the full path of this category, with dates inside the project year
                List<String[]> path = new ArrayList<>();
                path.add(new String[]{"PRE_APPROVAL", y + "-02-01", "发改审批〔" + y + "〕" + (100 + i) + "号"});
                if (tendering) {
                    path.add(new String[]{"TENDERING", y + "-03-01", null});
                }
                path.add(new String[]{"CONSTRUCTION_START", y + "-04-01", null});
                path.add(new String[]{"COMPLETION", y + "-10-01", null});
                path.add(new String[]{"ACCEPTANCE", y + "-11-01", "验收〔" + y + "〕" + (200 + i) + "号"});
                int construction = tendering ? 2 : 1; // index of CONSTRUCTION_START in the path
                int take = switch (k) {
                    case 0 -> 0;                                     // PLANNED
                    case 1 -> 1;                                     // PRE_APPROVAL_DONE
                    case 2 -> 2;                                     // TENDERING, or UNDER_CONSTRUCTION without reports when skipped
                    case 3 -> construction + 1;                      // UNDER_CONSTRUCTION with reports
                    case 4 -> construction + 2;                      // COMPLETED
                    case 5 -> construction + 3;                      // ACCEPTED
                    default -> switch (ci % 3) {                     // CANCELLED from PLANNED, PRE_APPROVAL_DONE or UNDER_CONSTRUCTION
                        case 0 -> 0;
                        case 1 -> 1;
                        default -> construction + 1;
                    };
                };
                steps.addAll(path.subList(0, take));
                if (k == 6) {
                    cancelAfter = take;
                }
                if (take >= 1 && i % 4 == 1 && k != 6) { // adjustment after the pre-approval: more money, every source kept
                    adjusted = new TreeMap<>();
                    for (var e : budget.entrySet()) {
                        adjusted.put(e.getKey(), e.getValue().add(money("5000.00")));
                    }
                    adjusted.merge("county-budget", money("12345.67"), BigDecimal::add);
                }
                Map<String, BigDecimal> effective = adjusted != null ? adjusted : budget;
                BigDecimal total = effective.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                boolean underConstruction = take > construction;
                if (underConstruction && total.signum() > 0 && k >= 3) {
                    List<Report> during = new ArrayList<>();
                    if (k == 3 || k == 6) {
                        during.add(new Report(y + "-05-01", money("30.00"), share(total, "0.2"), null));
                        if (k == 3) {
                            during.add(new Report(y + "-06-01", money("55.50"), share(total, "0.4"), null));
                            if (ci % 5 == 0) { // a correction downwards, with its reason
                                during.add(new Report(y + "-07-01", money("45.25"), share(total, "0.4"), "测量有误，更正"));
                            }
                        }
                    } else { // completed or further: 100 % before the completion step
                        during.add(new Report(y + "-05-01", money("40.00"), share(total, "0.3"), null));
                        during.add(new Report(y + "-09-01", money("100.00"), share(total, "0.9"), null));
                    }
                    reports.put(construction + 1, during);
                    if (k == 5 && ci % 2 == 0) { // 决算 after acceptance: investment grows, progress stays 100
                        reports.put(take, List.of(new Report(y + "-12-01", money("100.00"), total, null)));
                    }
                }
                List<Integer> linked = new ArrayList<>();
                if (k == 6) {
                    linked.add(ONLY_CANCELLED); // counted nowhere: linked only to cancelled projects
                } else if (NEED_BENEFICIARIES.contains(category)) {
                    if (i % 6 != 3) { // some of them left without: incomplete
                        linked.add(i % 7);
                        linked.add((i + 3) % 7);
                        if (i % 5 == 0) {
                            linked.add(EXITED);
                        }
                        if (i % 9 == 0) {
                            linked.add(REMOVED);
                        }
                    }
                } else if (i % 4 == 0) {
                    linked.add(i % 7);
                }
                String updatedBatch = k == 0 && ci % 3 == 0 ? (BATCH_1.equals(batch) ? BATCH_2 : BATCH_1) : null;
                out.add(new Project(i, "E2E-" + runTag + "-" + String.format("%03d", i), "项目" + i + "（" + category + "）", year,
                        category, region, county, batch, updatedBatch, unit, dates, budget, adjusted, steps, reports, cancelAfter,
                        List.copyOf(new LinkedHashSet<>(linked))));
            }
        }
        // the removed household is linked to at least one project that stays, the exited one too
        if (out.stream().noneMatch(p -> p.cancelAfter() < 0 && p.beneficiaries().contains(REMOVED))
                || out.stream().noneMatch(p -> p.cancelAfter() < 0 && p.beneficiaries().contains(EXITED))) {
            throw new IllegalStateException("the plan must link the exited and the removed household");
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- expected figures

    /** The figures of one group, in the report's JSON shape, with numbers as BigDecimal / Long / String. */
    static Map<String, Object> figures(List<Project> projects, Map<String, Household> households, Set<String> removed) {
        Map<String, Long> byStage = new LinkedHashMap<>();
        STAGES.forEach(s -> byStage.put(s, 0L));
        long nonCancelled = 0;
        long started = 0;
        long completed = 0;
        long incomplete = 0;
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> bySource = new LinkedHashMap<>();
        FUND_SOURCES.forEach(s -> bySource.put(s, BigDecimal.ZERO));
        BigDecimal implemented = BigDecimal.ZERO;
        BigDecimal investment = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        Set<String> linked = new LinkedHashSet<>();
        for (Project p : projects) {
            String stage = p.finalStage();
            byStage.merge(stage, 1L, Long::sum);
            if (stage.equals("CANCELLED")) {
                continue;
            }
            nonCancelled++;
            BigDecimal budget = p.budgetTotal();
            total = total.add(budget);
            p.finalBudget().forEach((s, a) -> bySource.merge(s, a, BigDecimal::add));
            if (STARTED.contains(stage)) {
                started++;
                implemented = implemented.add(budget);
            }
            if (DONE.contains(stage)) {
                completed++;
            }
            if (p.incomplete()) {
                incomplete++;
            }
            Report last = p.lastReport();
            if (last != null) {
                investment = investment.add(last.investment());
                weighted = weighted.add(budget.multiply(last.percent()).divide(BigDecimal.valueOf(100)));
            }
            p.beneficiaries().forEach(j -> linked.add(p.county() + "/" + j));
        }
        long beneficiaryHouseholds = 0;
        long beneficiaryPersons = 0;
        for (String key : linked) {
            if (!removed.contains(key)) {
                beneficiaryHouseholds++;
                beneficiaryPersons += households.get(key).persons();
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("projects", (long) projects.size());
        f.put("byStage", byStage);
        f.put("nonCancelled", nonCancelled);
        f.put("startRate", rate(BigDecimal.valueOf(started), BigDecimal.valueOf(nonCancelled)));
        f.put("completionRate", rate(BigDecimal.valueOf(completed), BigDecimal.valueOf(nonCancelled)));
        f.put("totalBudget", total.setScale(2).toPlainString());
        Map<String, String> sources = new LinkedHashMap<>();
        bySource.forEach((s, a) -> sources.put(s, a.setScale(2).toPlainString()));
        f.put("budgetBySource", sources);
        f.put("implementedAmount", implemented.setScale(2).toPlainString());
        f.put("investmentCompleted", investment.setScale(2).toPlainString());
        f.put("investmentCompletionRate", rate(investment, total));
        f.put("physicalProgress", rate(weighted, total));
        f.put("incompleteRecords", incomplete);
        f.put("beneficiaryHouseholds", beneficiaryHouseholds);
        f.put("beneficiaryPersons", beneficiaryPersons);
        return f;
    }

    /** numerator, denominator (compared as numbers), percent half-up to two decimals or null, defined. */
    static Map<String, Object> rate(BigDecimal numerator, BigDecimal denominator) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("numerator", numerator);
        r.put("denominator", denominator);
        r.put("percent", denominator.signum() == 0 ? null
                : numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP).toPlainString());
        r.put("defined", denominator.signum() != 0);
        return r;
    }

    /** Rows (group key as the report renders it → figures) and the total, for the projects the filter keeps. */
    record Expected(Map<String, Map<String, Object>> rows, Map<String, Object> total) {
    }

    static Expected expected(List<Project> all, Predicate<Project> filter, Function<Project, String> key,
                             Map<String, Household> households, Set<String> removed) {
        List<Project> kept = all.stream().filter(filter).toList();
        Map<String, List<Project>> groups = new LinkedHashMap<>();
        if (key != null) {
            for (Project p : kept) {
                groups.computeIfAbsent(key.apply(p), g -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        groups.forEach((g, ps) -> rows.put(g, figures(ps, households, removed)));
        return new Expected(rows, figures(kept, households, removed));
    }

    private ProjectLibraryPlan() {
    }
}
