package org.fupin.rectification.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Test fixtures: a source, issue data, actors, and issues brought to each state. */
final class Issues {
    private Issues() {
    }

    static final RectificationRules RULES = RectificationRules.defaults();
    static final LocalDate SOURCE_DATE = LocalDate.of(2021, 3, 1);
    static final LocalDate RAISED = LocalDate.of(2021, 3, 10);
    static final LocalDate DEADLINE = LocalDate.of(2021, 6, 30);
    static final String LEAD = "县扶贫办";
    static final String CO = "县财政局";
    static final Actor INSPECTOR = Actor.inspector("inspector-li");
    static final Actor LEAD_UNIT = Actor.unit("clerk-wang", LEAD);
    static final Actor CO_UNIT = Actor.unit("clerk-zhao", CO);
    static final Actor OTHER_UNIT = Actor.unit("clerk-qian", "县教育局");
    static final Actor VIEWER = Actor.viewer("viewer-sun");
    static final String HOUSEHOLD = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String PROJECT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static FindingSource source() {
        return FindingSource.entered(UUID.randomUUID().toString(), "inspection", "省委第三巡视组", "X扶组〔2021〕2号",
                SOURCE_DATE, SOURCE_DATE);
    }

    static IssueData shortIssue() {
        return new IssueData("部分贫困户识别不精准", "identification-accuracy", "522428103201",
                new IssueLinks(List.of(HOUSEHOLD), List.of(PROJECT), List.of()), new IssueUnits(LEAD, List.of(CO)), DEADLINE,
                IssueTerm.SHORT, "逐户核查, 清退不符合条件的户", List.of());
    }

    static IssueData longIssue() {
        return new IssueData("产业项目带贫机制不健全", "project-management", "522428000000", IssueLinks.NONE,
                new IssueUnits(LEAD, List.of(CO)), d("2021-12-31"), IssueTerm.LONG_TERM, "完善利益联结机制",
                List.of(new Milestone.Plan("建立台账", d("2021-09-30")), new Milestone.Plan("制定方案", d("2021-05-31"))));
    }

    static IssueLifecycle raised(IssueData data) {
        IssueLifecycle i = IssueLifecycle.newIssue(UUID.randomUUID().toString(), source());
        i.raise(data, RULES, INSPECTOR, RAISED);
        return i;
    }

    static IssueLifecycle open() {
        return raised(shortIssue());
    }

    static IssueLifecycle inProgress() {
        IssueLifecycle i = open();
        i.accept(LEAD_UNIT, d("2021-03-15"), null);
        return i;
    }

    static IssueLifecycle reported() {
        IssueLifecycle i = inProgress();
        i.report(LEAD_UNIT, new IssueLifecycle.Entry(d("2021-04-01"), "已逐户核查并清退 3 户", List.of("ev-1"), null));
        return i;
    }

    static IssueLifecycle returned() {
        IssueLifecycle i = reported();
        i.returnIssue(INSPECTOR, d("2021-04-05"), "佐证材料不全");
        return i;
    }

    static IssueLifecycle closed() {
        IssueLifecycle i = reported();
        i.close(INSPECTOR, d("2021-04-10"), "经核实, 整改到位, 予以销号");
        return i;
    }

    static IssueLifecycle in(IssueState s) {
        return switch (s) {
            case OPEN -> open();
            case IN_PROGRESS -> inProgress();
            case REPORTED -> reported();
            case RETURNED -> returned();
            case CLOSED -> closed();
        };
    }

    /** A system-check issue in the state. */
    static IssueLifecycle systemIn(IssueState s) {
        FindingSource src = FindingSource.systemCheck(UUID.randomUUID().toString(), SystemCheckRule.PROJECT_INCOMPLETE,
                SOURCE_DATE);
        Finding f = new Finding(SystemCheckRule.PROJECT_INCOMPLETE, SystemCheckRule.PROJECT_INCOMPLETE.keyFor(PROJECT),
                PROJECT, "522428103201", RAISED, "项目信息不完整");
        SystemCheckThresholds t = new SystemCheckThresholds(30, 0, 90, java.math.BigDecimal.valueOf(80), 30, 30, 30,
                java.util.EnumSet.allOf(SystemCheckRule.class), java.util.Map.of(SystemCheckRule.PROJECT_INCOMPLETE, LEAD));
        IssueLifecycle i = IssueLifecycle.newFinding(UUID.randomUUID().toString(), src, f.key());
        i.raiseFinding(SystemChecks.issueFor(f, RAISED, t), RULES, RAISED);
        if (s == IssueState.OPEN) {
            return i;
        }
        i.accept(LEAD_UNIT, d("2021-03-15"), null);
        if (s == IssueState.IN_PROGRESS) {
            return i;
        }
        i.report(LEAD_UNIT, new IssueLifecycle.Entry(d("2021-04-01"), "已补全", List.of("ev-1"), null));
        if (s == IssueState.REPORTED) {
            return i;
        }
        if (s == IssueState.RETURNED) {
            i.returnIssue(INSPECTOR, d("2021-04-05"), "仍不完整");
            return i;
        }
        i.close(INSPECTOR, d("2021-04-10"), "已核实");
        return i;
    }
}
