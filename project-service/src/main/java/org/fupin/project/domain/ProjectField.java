package org.fupin.project.domain;

import java.util.Arrays;
import java.util.Optional;

/** The fields a project record may be required to have (项目信息不完整 when one is missing), by their API names. */
public enum ProjectField {
    /** 建设地点: a county, township or village code. */
    REGION("regionCode"),
    /** 项目类别 */
    CATEGORY("category"),
    /** 实施单位: its name. */
    IMPLEMENTING_UNIT("implementingUnit"),
    /** 资金规模: a split with money in it. */
    BUDGET("budget"),
    /** 计划开工时间 */
    PLANNED_START_DATE("plannedStartDate"),
    /** 计划完工时间 */
    PLANNED_END_DATE("plannedEndDate"),
    /** 带贫户: at least one linked household. */
    BENEFICIARIES("beneficiaries"),
    /** 建设内容 */
    CONSTRUCTION_CONTENT("constructionContent"),
    /** 建设规模 */
    CONSTRUCTION_SCALE("constructionScale"),
    /** 批次 */
    BATCH("batch"),
    /** 绩效目标: at least one target given. */
    PERFORMANCE_TARGETS("performanceTargets");

    private final String apiName;

    ProjectField(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** By API name ({@code plannedStartDate}) or constant name ({@code PLANNED_START_DATE}), for configuration. */
    public static Optional<ProjectField> parse(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name) || f.name().equalsIgnoreCase(name)).findFirst();
    }
}
