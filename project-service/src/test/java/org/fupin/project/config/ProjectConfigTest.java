package org.fupin.project.config;

import org.fupin.project.domain.ProjectField;
import org.fupin.project.domain.ProjectRules;
import org.fupin.project.domain.ProjectStage;
import org.fupin.project.domain.StageStep;
import org.fupin.project.service.ProjectCategoryEntry;
import org.fupin.project.service.ProjectRulesProviderAccess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ProjectConfig + the category table → ProjectRules, and the configuration errors that stop the service at start. */
class ProjectConfigTest {

    static final List<ProjectCategoryEntry> TABLE = List.of(
            new ProjectCategoryEntry("industry", "产业扶贫", "Industry", true, 10),
            new ProjectCategoryEntry("education", "教育扶贫", "Education", true, 50),
            new ProjectCategoryEntry("village-infrastructure", "村基础设施", "Village infrastructure", false, 110));

    record Config(Map<String, List<String>> skippedStages, List<String> defaultRequiredFields,
                  Map<String, List<String>> requiredFields) implements ProjectConfig {
    }

    static final List<String> BASE = List.of("regionCode", "category", "implementingUnit", "budget", "plannedStartDate", "plannedEndDate");

    @Test
    void skippedStagesAndRequiredFieldsFollowTheConfigurationAndTheTable() {
        ProjectRules rules = ProjectRulesProviderAccess.build(TABLE, new Config(Map.of("education", List.of("TENDERING")), BASE,
                Map.of("village-infrastructure", List.of("regionCode", "budget", "constructionScale"))));
        assertEquals(Set.of("industry", "education", "village-infrastructure"), rules.categories());
        assertEquals(List.of(StageStep.CONSTRUCTION_START, StageStep.CANCELLATION),
                rules.flow("education").allowedSteps(ProjectStage.PRE_APPROVAL_DONE));
        assertEquals(List.of(StageStep.TENDERING, StageStep.CANCELLATION),
                rules.flow("industry").allowedSteps(ProjectStage.PRE_APPROVAL_DONE));
        assertTrue(rules.requiredFieldsOf("industry").contains(ProjectField.BENEFICIARIES), "the table: industry needs them");
        assertTrue(rules.requiredFieldsOf("industry").contains(ProjectField.PLANNED_END_DATE));
        assertEquals(Set.of(ProjectField.REGION, ProjectField.BUDGET, ProjectField.CONSTRUCTION_SCALE),
                rules.requiredFieldsOf("village-infrastructure"));
        assertFalse(rules.requiredFieldsOf(null).contains(ProjectField.BENEFICIARIES));
    }

    @Test
    void aWrongConfigurationIsRefusedNamingEachKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProjectRulesProviderAccess.build(TABLE,
                new Config(Map.of("education", List.of("UNDER_CONSTRUCTION"), "mining", List.of("TENDERING")),
                        List.of("regionCode", "colour"),
                        Map.of("industry", List.of("regionCode", "budget"), "fishing", List.of("budget")))));
        String m = e.getMessage();
        assertTrue(m.contains("skipped-stages.\"education\": stage UNDER_CONSTRUCTION cannot be skipped"), m);
        assertTrue(m.contains("skipped-stages.\"mining\": unknown category"), m);
        assertTrue(m.contains("default-required-fields: unknown field colour"), m);
        assertTrue(m.contains("required-fields.\"fishing\": unknown category"), m);
        assertTrue(m.contains("required-fields.\"industry\": the category table says industry needs beneficiaries"), m);
    }
}
