package org.fupin.project.domain;

import org.fupin.platform.region.RegionCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 项目信息不完整: the required fields a project record lacks. Which fields are required is configuration, per category
 * (a {@code Map<category, Set<field>>}); a project without a category, or of a category not listed, is held to the
 * fallback set. A region coarser than a county (a city or province code) does not say where the project is built and
 * counts as missing.
 */
public final class MissingFields {
    private MissingFields() {
    }

    /**
     * @param beneficiaryCount the households linked to the project
     * @return the API names of the missing required fields, in {@link ProjectField} order; empty when complete
     */
    public static List<String> of(ProjectData data, int beneficiaryCount, Map<String, Set<ProjectField>> requiredByCategory,
                                  Set<ProjectField> fallback) {
        Set<ProjectField> required = data.category() == null ? fallback
                : requiredByCategory.getOrDefault(data.category(), fallback);
        List<String> missing = new ArrayList<>();
        for (ProjectField f : ProjectField.values()) {
            if (required.contains(f) && isMissing(f, data, beneficiaryCount)) {
                missing.add(f.apiName());
            }
        }
        return missing;
    }

    public static List<String> of(ProjectData data, int beneficiaryCount, ProjectRules rules) {
        return of(data, beneficiaryCount, rules.requiredFields(), rules.defaultRequiredFields());
    }

    static boolean isMissing(ProjectField field, ProjectData d, int beneficiaryCount) {
        return switch (field) {
            case REGION -> !isCountyOrBelow(d.regionCode());
            case CATEGORY -> blank(d.category());
            case IMPLEMENTING_UNIT -> d.unit() == null || blank(d.unit().name());
            case BUDGET -> d.budget().isEmpty();
            case PLANNED_START_DATE -> d.plannedStartDate() == null;
            case PLANNED_END_DATE -> d.plannedEndDate() == null;
            case BENEFICIARIES -> beneficiaryCount <= 0;
            case CONSTRUCTION_CONTENT -> blank(d.constructionContent());
            case CONSTRUCTION_SCALE -> blank(d.constructionScale());
            case BATCH -> blank(d.batch());
            case PERFORMANCE_TARGETS -> d.targets() == null || d.targets().isEmpty();
        };
    }

    /** A 12-digit code of a county, township or village (its prefix has at least the six county digits). */
    static boolean isCountyOrBelow(String regionCode) {
        return RegionCode.isValidCode(regionCode) && RegionCode.prefixOf(regionCode).length() >= 6;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
