package org.fupin.reporting.rest;

import org.fupin.reporting.domain.ProjectFigures;
import org.fupin.reporting.domain.ProjectSnapshot;
import org.fupin.reporting.domain.ReportTable;
import org.fupin.reporting.domain.ReportTable.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tables of the reports (for the exports and {@code GET /api/v1/reports/<name>/columns}): columns keyed by the
 * figure's field in the API's JSON, with the office's Chinese headers.
 */
public final class ReportTables {
    private ReportTables() {
    }

    /** 项目阶段 in lifecycle order. */
    static final Map<String, String> STAGES_ZH = ordered(ProjectSnapshot.STAGES, List.of("储备入库", "前期审批完成", "招投标",
            "在建", "竣工", "验收", "终止"));
    static final Map<String, String> STAGES_EN = ordered(ProjectSnapshot.STAGES, List.of("planned", "pre-approval done",
            "tendering", "under construction", "completed", "accepted", "cancelled"));
    /** 资金来源 in fund-service's order. */
    static final Map<String, String> SOURCES_ZH = ordered(ProjectFigures.FUND_SOURCES, List.of("中央财政资金", "省级财政资金",
            "市级财政资金", "县级财政资金", "地方债务资金", "易地扶贫搬迁资金", "定点扶贫", "东西协作", "社会捐赠", "银行贷款", "自筹"));

    /** The header of the group column(s) by grouping. */
    static final Map<String, String[]> GROUPS = Map.ofEntries(
            Map.entry("region", new String[]{"区划代码", "region code"}),
            Map.entry("year", new String[]{"年度", "year"}),
            Map.entry("category", new String[]{"项目类别", "category"}),
            Map.entry("source", new String[]{"资金来源", "fund source"}),
            Map.entry("batch", new String[]{"批次", "batch"}),
            Map.entry("stage", new String[]{"项目阶段", "stage"}),
            Map.entry("sourceType", new String[]{"来源类型", "source type"}),
            Map.entry("unit", new String[]{"责任单位", "responsible unit"}));

    /** A row of a grouped report: its key, its label (a name or document number) and its figures. */
    record Group<F>(String key, String label, F figures) {
    }

    // ---- funds ---------------------------------------------------------------------------------------------------

    static final List<Column> FUND_COLUMNS = List.of(
            Column.count("projects", "项目个数", "projects"),
            Column.money("budget", "项目预算（元）", "budget (yuan)"),
            Column.count("implementedProjects", "已实施项目个数", "implemented projects"),
            Column.money("implementedAmount", "已实施金额（元）", "implemented amount (yuan)"),
            Column.money("allocated", "资金下达（元）", "allocated (yuan)"),
            Column.money("disbursed", "资金拨付（元）", "disbursed (yuan)"),
            Column.money("reimbursed", "已报账金额（元）", "reimbursed (yuan)"),
            Column.money("balance", "结余（元）", "balance (yuan)"),
            Column.rate("disbursementRate", "拨付率", "disbursement rate"),
            Column.rate("utilisationRate", "资金使用率", "utilisation rate"),
            Column.rate("reimbursementRate", "报账率", "reimbursement rate"),
            Column.rate("budgetReimbursementRate", "预算报账率", "reimbursed of budget"));

    static List<Object> fundCells(FundReportView.Figures f) {
        return List.of(f.projects(), f.budget(), f.implementedProjects(), f.implementedAmount(), f.allocated(), f.disbursed(),
                f.reimbursed(), f.balance(), f.disbursementRate(), f.utilisationRate(), f.reimbursementRate(),
                f.budgetReimbursementRate());
    }

    static ReportTable funds(FundReportView v, Map<String, String> regionNames) {
        return table("funds", "资金统计表" + yearSuffix(v.year()), "Fund figures", v.groupBy(), regionNames, FUND_COLUMNS,
                v.rows().stream().map(r -> new Group<>(r.group(), null, r.figures())).toList(), v.total(),
                ReportTables::fundCells);
    }

    // ---- projects ------------------------------------------------------------------------------------------------

    static final List<Column> PROJECT_COLUMNS;

    static {
        List<Column> c = new ArrayList<>();
        c.add(Column.count("projects", "项目总数", "projects"));
        STAGES_ZH.forEach((stage, zh) -> c.add(Column.count("byStage." + stage, zh, STAGES_EN.get(stage))));
        c.add(Column.count("nonCancelled", "有效项目数", "non-cancelled"));
        c.add(Column.rate("startRate", "开工率", "start rate"));
        c.add(Column.rate("completionRate", "竣工率", "completion rate"));
        c.add(Column.money("totalBudget", "预算总投资（元）", "total budget (yuan)"));
        SOURCES_ZH.forEach((source, zh) -> c.add(Column.money("budgetBySource." + source, zh + "（元）", source + " (yuan)")));
        c.add(Column.money("implementedAmount", "已实施金额（元）", "implemented amount (yuan)"));
        c.add(Column.money("investmentCompleted", "累计完成投资（元）", "investment completed (yuan)"));
        c.add(Column.rate("investmentCompletionRate", "投资完成率", "investment completion rate"));
        c.add(Column.rate("physicalProgress", "形象进度", "physical progress"));
        c.add(Column.count("incompleteRecords", "信息不完整项目数", "incomplete records"));
        c.add(Column.count("beneficiaryHouseholds", "带贫户数", "beneficiary households"));
        c.add(Column.count("beneficiaryPersons", "带贫人数", "beneficiary persons"));
        PROJECT_COLUMNS = List.copyOf(c);
    }

    static List<Object> projectCells(ProjectReportView.Figures f) {
        List<Object> cells = new ArrayList<>();
        cells.add(f.projects());
        STAGES_ZH.keySet().forEach(s -> cells.add(f.byStage().getOrDefault(s, 0L)));
        cells.add(f.nonCancelled());
        cells.add(f.startRate());
        cells.add(f.completionRate());
        cells.add(f.totalBudget());
        SOURCES_ZH.keySet().forEach(s -> cells.add(f.budgetBySource().get(s)));
        cells.add(f.implementedAmount());
        cells.add(f.investmentCompleted());
        cells.add(f.investmentCompletionRate());
        cells.add(f.physicalProgress());
        cells.add(f.incompleteRecords());
        cells.add(f.beneficiaryHouseholds());
        cells.add(f.beneficiaryPersons());
        return cells;
    }

    static ReportTable projects(ProjectReportView v, Map<String, String> regionNames) {
        return table("projects", "项目库统计表" + yearSuffix(v.year()), "Project library figures", v.groupBy(), regionNames,
                PROJECT_COLUMNS, v.rows().stream().map(r -> new Group<>(r.group(), null, r.figures())).toList(), v.total(),
                ReportTables::projectCells);
    }

    // ---- households ----------------------------------------------------------------------------------------------

    static final List<Column> HOUSEHOLD_COLUMNS = List.of(
            Column.count("registered.households", "建档立卡户数", "registered households"),
            Column.count("registered.persons", "建档立卡人数", "registered persons"),
            Column.count("exited.households", "脱贫户数", "exited households"),
            Column.count("exited.persons", "脱贫人数", "exited persons"),
            Column.count("returned.households", "返贫户数", "returned households"),
            Column.count("returned.persons", "返贫人数", "returned persons"),
            Column.count("removed.households", "剔除户数", "removed households"),
            Column.count("removed.persons", "剔除人数", "removed persons"),
            Column.count("remaining.households", "剩余贫困户数", "remaining households"),
            Column.count("remaining.persons", "剩余贫困人数", "remaining persons"),
            Column.count("monitored.households", "监测户数", "monitored households"),
            Column.count("monitored.persons", "监测人数", "monitored persons"),
            Column.count("population", "户籍人口", "population"),
            Column.rate("povertyIncidence", "贫困发生率", "poverty incidence"),
            Column.text("incidenceThresholdPercent", "退出标准（%）", "threshold (%)"),
            Column.count("dataQuality.personsInSeveralHouseholds", "多户重复人员数", "persons in several households"));

    static List<Object> householdCells(HouseholdFigures.Figures f) {
        List<Object> cells = new ArrayList<>();
        for (HouseholdFigures.Count c : List.of(f.registered(), f.exited(), f.returned(), f.removed(), f.remaining(), f.monitored())) {
            cells.add(c.households());
            cells.add(c.persons());
        }
        cells.add(f.population());
        cells.add(f.povertyIncidence());
        cells.add(f.incidenceThresholdPercent());
        cells.add(f.dataQuality().personsInSeveralHouseholds());
        return cells;
    }

    /**
     * Grouped: a row per group and the region's own figures as the 合计 row (not a sum: remaining and monitored are as
     * of now in every year row). Without grouping: one row, the region's own (no total: there is nothing to add up).
     */
    static ReportTable households(HouseholdFigures v, Map<String, String> regionNames) {
        if (v.groupBy() != null) {
            return table("households", "贫困户统计表" + yearSuffix(v.year()), "Household figures", v.groupBy(), regionNames,
                    HOUSEHOLD_COLUMNS, v.rows().stream().map(r -> new Group<>(r.group(), null, r.figures())).toList(),
                    v.figures(), ReportTables::householdCells);
        }
        List<Column> columns = new ArrayList<>(groupColumns("region"));
        columns.addAll(HOUSEHOLD_COLUMNS);
        List<Object> cells = new ArrayList<>();
        cells.add(v.region().isEmpty() ? "" : v.region());
        cells.add(v.region().isEmpty() ? "全国" : regionNames.get(v.region()));
        cells.addAll(householdCells(v.figures()));
        return new ReportTable("households", "贫困户统计表" + yearSuffix(v.year()), "Household figures", columns,
                List.of(new ReportTable.Row(cells)), null);
    }

    // ---- population ----------------------------------------------------------------------------------------------

    static ReportTable population(PopulationFigures v, Map<String, String> regionNames) {
        List<Column> columns = List.of(
                Column.text("regionCode", "区划代码", "region code"),
                Column.text("name", "区划名称", "region name"),
                Column.count("population", "户籍人口", "population"),
                Column.count("year", "年度", "year"),
                Column.text("updatedAt", "更新时间", "updated at"),
                Column.text("updatedBy", "更新人", "updated by"));
        return new ReportTable("population", "户籍人口表", "Registered population", columns,
                v.figures().stream().map(f -> ReportTable.Row.of(f.regionCode(), regionNames.get(f.prefix()), f.population(),
                        f.year(), f.updatedAt() == null ? null : f.updatedAt().toString(), f.updatedBy())).toList(), null);
    }

    // ---- shared --------------------------------------------------------------------------------------------------

    /** The group column(s): by region the code and the name, else one. */
    static List<Column> groupColumns(String groupBy) {
        if (groupBy == null) {
            return List.of(Column.text("group", "项目", "item"));
        }
        String[] h = GROUPS.getOrDefault(groupBy, new String[]{"分组", "group"});
        if ("region".equals(groupBy)) {
            return List.of(Column.text("group", h[0], h[1]), Column.text("name", "区划名称", "region name"));
        }
        return List.of(Column.text("group", h[0], h[1]));
    }

    /**
     * A grouped report as a table: the group column(s), the figures, one row per group and the 合计 row. Without
     * grouping, the total row alone.
     */
    static <F> ReportTable table(String name, String titleZh, String titleEn, String groupBy, Map<String, String> regionNames,
                                 List<Column> figureColumns, List<Group<F>> groups, F total, Function<F, List<Object>> cells) {
        List<Column> columns = new ArrayList<>(groupColumns(groupBy));
        boolean byRegion = "region".equals(groupBy);
        boolean labelled = !byRegion && groups.stream().anyMatch(g -> g.label() != null);
        if (labelled) {
            columns.add(Column.text("label", "文号", "document number"));
        }
        columns.addAll(figureColumns);
        List<ReportTable.Row> rows = new ArrayList<>(groups.size());
        for (Group<F> g : groups) {
            List<Object> row = new ArrayList<>();
            row.add(groupText(groupBy, g.key()));
            if (byRegion) {
                row.add(g.key() == null ? null : regionNames.get(g.key()));
            } else if (labelled) {
                row.add(g.label());
            }
            row.addAll(cells.apply(g.figures()));
            rows.add(new ReportTable.Row(row));
        }
        List<Object> totalRow = new ArrayList<>();
        totalRow.add(ReportExports.TOTAL);
        if (byRegion || labelled) {
            totalRow.add(null);
        }
        totalRow.addAll(cells.apply(total));
        return new ReportTable(name, titleZh, titleEn, columns, rows, new ReportTable.Row(totalRow));
    }

    /** A group's key as the office reads it: stages and fund sources in Chinese, "unknown" and none spelled out. */
    static String groupText(String groupBy, String key) {
        if (key == null) {
            return "（未填）";
        }
        if ("unknown".equals(key)) {
            return "未匹配项目";
        }
        if ("stage".equals(groupBy)) {
            return STAGES_ZH.getOrDefault(key, key);
        }
        if ("source".equals(groupBy) && SOURCES_ZH.containsKey(key)) {
            return SOURCES_ZH.get(key);
        }
        return key;
    }

    static String yearSuffix(Integer year) {
        return year == null ? "" : "（" + year + "年度）";
    }

    private static Map<String, String> ordered(List<String> keys, List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), values.get(i));
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
