package org.fupin.project.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What configuration decides per category, handed to the domain as plain values (the service builds it from its typed
 * configuration and the category table): the known category codes, the stages each category skips, and the required
 * fields of each category (a category not listed uses {@code defaultRequiredFields}, as does a project without a
 * category).
 */
public record ProjectRules(Set<String> categories, Map<String, Set<ProjectStage>> skippedStages,
                           Map<String, Set<ProjectField>> requiredFields, Set<ProjectField> defaultRequiredFields) {

    /** The 13 categories of the national library, in the order of the category table. */
    public static final List<String> NATIONAL_CATEGORIES = List.of("industry", "employment", "relocation",
            "public-welfare-posts", "education", "health", "dilapidated-housing-renovation", "financial",
            "living-conditions", "comprehensive-safety-net", "village-infrastructure", "village-public-services",
            "project-management-costs");

    /** The categories whose projects must name their beneficiary households (the table's {@code needs_beneficiaries}). */
    public static final Set<String> CATEGORIES_NEEDING_BENEFICIARIES = Set.copyOf(NATIONAL_CATEGORIES.subList(0, 8));

    /** Required of every project (项目信息不完整 when missing): region, category, unit, budget split, dates. */
    public static final Set<ProjectField> BASE_REQUIRED = Collections.unmodifiableSet(EnumSet.of(ProjectField.REGION,
            ProjectField.CATEGORY, ProjectField.IMPLEMENTING_UNIT, ProjectField.BUDGET, ProjectField.PLANNED_START_DATE,
            ProjectField.PLANNED_END_DATE));

    public ProjectRules {
        categories = Collections.unmodifiableSet(new LinkedHashSet<>(categories));
        skippedStages = copy(skippedStages);
        requiredFields = copy(requiredFields);
        defaultRequiredFields = Set.copyOf(defaultRequiredFields);
        skippedStages.values().forEach(StageFlow::skipping); // refuses a stage that cannot be skipped
    }

    private static <V> Map<String, Set<V>> copy(Map<String, Set<V>> m) {
        Map<String, Set<V>> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, Set.copyOf(v)));
        return Collections.unmodifiableMap(c);
    }

    /**
     * The defaults the service's configuration starts from: the 13 categories; the base fields required of all, plus
     * the beneficiaries for the categories that need them; no 招投标 for the categories that pay subsidies or wages to
     * households (public-welfare posts, education, health, financial, comprehensive safety net) and for project
     * management costs.
     */
    public static ProjectRules defaults() {
        Map<String, Set<ProjectField>> required = new LinkedHashMap<>();
        for (String c : NATIONAL_CATEGORIES) {
            Set<ProjectField> f = EnumSet.copyOf(BASE_REQUIRED);
            if (CATEGORIES_NEEDING_BENEFICIARIES.contains(c)) {
                f.add(ProjectField.BENEFICIARIES);
            }
            required.put(c, f);
        }
        Map<String, Set<ProjectStage>> skipped = new LinkedHashMap<>();
        for (String c : List.of("public-welfare-posts", "education", "health", "financial", "comprehensive-safety-net",
                "project-management-costs")) {
            skipped.put(c, EnumSet.of(ProjectStage.TENDERING));
        }
        return new ProjectRules(new LinkedHashSet<>(NATIONAL_CATEGORIES), skipped, required, BASE_REQUIRED);
    }

    /** The lifecycle of a category (null category: every stage). */
    public StageFlow flow(String category) {
        return category == null ? StageFlow.full() : StageFlow.skipping(skippedStages.getOrDefault(category, Set.of()));
    }

    /** The required fields of a category (null or unlisted category: the defaults). */
    public Set<ProjectField> requiredFieldsOf(String category) {
        return category == null ? defaultRequiredFields : requiredFields.getOrDefault(category, defaultRequiredFields);
    }

    public boolean isKnownCategory(String category) {
        return categories.contains(category);
    }
}
