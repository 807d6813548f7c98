package org.fupin.project.domain;

import org.fupin.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Test fixtures: a complete project record and lifecycles in a given stage. */
final class Projects {
    private Projects() {
    }

    static final ProjectRules RULES = ProjectRules.defaults();
    static final LocalDate ENTERED = LocalDate.of(2019, 3, 1);
    static final String VILLAGE = "522428103201";

    static BudgetSplit budget(String central, String county) {
        return BudgetSplit.of(Map.of(FundSource.CENTRAL_BUDGET, Money.of(central), FundSource.COUNTY_BUDGET, Money.of(county)));
    }

    /** A complete village-infrastructure road (no beneficiaries needed, every stage). */
    static ProjectData road() {
        return new ProjectData("2019-522428-001", "通组公路硬化", 2019, "village-infrastructure", VILLAGE, "第一批",
                new ProjectData.ImplementingUnit("赫章县交通运输局", "91350100M000100Y43"), "硬化通组公路 3.2 公里",
                "3.2 km", LocalDate.of(2019, 4, 1), LocalDate.of(2019, 10, 31),
                new ProjectData.PerformanceTargets(120, 480, 40, 150, "解决 120 户出行"), budget("800000.00", "200000.00"));
    }

    static ProjectData withCategory(ProjectData d, String category) {
        return new ProjectData(d.projectCode(), d.name(), d.projectYear(), category, d.regionCode(), d.batch(), d.unit(),
                d.constructionContent(), d.constructionScale(), d.plannedStartDate(), d.plannedEndDate(), d.targets(), d.budget());
    }

    static ProjectData withBudget(ProjectData d, BudgetSplit b) {
        return new ProjectData(d.projectCode(), d.name(), d.projectYear(), d.category(), d.regionCode(), d.batch(), d.unit(),
                d.constructionContent(), d.constructionScale(), d.plannedStartDate(), d.plannedEndDate(), d.targets(), b);
    }

    static ProjectLifecycle registered(ProjectData d) {
        ProjectLifecycle p = ProjectLifecycle.newProject("6f1c1f5e-8f43-4a8e-9d5b-1d2f3a4b5c6d", RULES);
        p.register(d, ENTERED);
        return p;
    }

    /** A road under construction since 2019-05-10 (pre-approval 03-20, tendering 04-01). */
    static ProjectLifecycle underConstruction() {
        ProjectLifecycle p = registered(road());
        p.takeStep(StageStep.PRE_APPROVAL, LocalDate.of(2019, 3, 20), "赫发改〔2019〕12号", null);
        p.takeStep(StageStep.TENDERING, LocalDate.of(2019, 4, 1), null, null);
        p.takeStep(StageStep.CONSTRUCTION_START, LocalDate.of(2019, 5, 10), null, null);
        return p;
    }

    static Progress progress(String date, String percent, String investment) {
        return Progress.of(LocalDate.parse(date), new BigDecimal(percent), Money.of(investment));
    }

    static ProjectLifecycle completed() {
        ProjectLifecycle p = underConstruction();
        p.reportProgress(progress("2019-10-20", "100", "990000.00"), null);
        p.takeStep(StageStep.COMPLETION, LocalDate.of(2019, 10, 25), null, null);
        return p;
    }

    static ProjectLifecycle in(ProjectStage stage) {
        return switch (stage) {
            case PLANNED -> registered(road());
            case PRE_APPROVAL_DONE -> {
                ProjectLifecycle p = registered(road());
                p.takeStep(StageStep.PRE_APPROVAL, LocalDate.of(2019, 3, 20), "doc", null);
                yield p;
            }
            case TENDERING -> {
                ProjectLifecycle p = in(ProjectStage.PRE_APPROVAL_DONE);
                p.takeStep(StageStep.TENDERING, LocalDate.of(2019, 4, 1), null, null);
                yield p;
            }
            case UNDER_CONSTRUCTION -> underConstruction();
            case COMPLETED -> completed();
            case ACCEPTED -> {
                ProjectLifecycle p = completed();
                p.takeStep(StageStep.ACCEPTANCE, LocalDate.of(2019, 11, 15), "赫扶验〔2019〕8号", null);
                yield p;
            }
            case CANCELLED -> {
                ProjectLifecycle p = registered(road());
                p.cancel("选址变更", LocalDate.of(2019, 3, 5), null);
                yield p;
            }
        };
    }

    static List<String> households(String... codes) {
        return List.of(codes);
    }
}
