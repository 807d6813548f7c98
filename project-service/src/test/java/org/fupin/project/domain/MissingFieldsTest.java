package org.fupin.project.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 项目信息不完整: region, category, unit, budget split, dates; beneficiaries where the category needs them (configured). */
class MissingFieldsTest {

    static final ProjectData EMPTY = new ProjectData(null, "x", 2019, null, null, null, null, null, null, null, null, null, null);

    @Test
    void aCompleteRecordMissesNothing() {
        assertEquals(List.of(), MissingFields.of(Projects.road(), 0, Projects.RULES));
    }

    @Test
    void aBareRecordMissesEveryBaseField() {
        assertEquals(List.of("regionCode", "category", "implementingUnit", "budget", "plannedStartDate", "plannedEndDate"),
                MissingFields.of(EMPTY, 0, Projects.RULES));
    }

    @Test
    void categoriesThatNeedBeneficiariesMissThemUntilOneIsLinked() {
        ProjectData industry = Projects.withCategory(Projects.road(), "industry");
        assertEquals(List.of("beneficiaries"), MissingFields.of(industry, 0, Projects.RULES));
        assertEquals(List.of(), MissingFields.of(industry, 1, Projects.RULES));
        for (String c : ProjectRules.NATIONAL_CATEGORIES) {
            boolean needs = List.of("industry", "employment", "relocation", "public-welfare-posts", "education", "health",
                    "dilapidated-housing-renovation", "financial").contains(c);
            assertEquals(needs ? List.of("beneficiaries") : List.of(),
                    MissingFields.of(Projects.withCategory(Projects.road(), c), 0, Projects.RULES), c);
        }
    }

    @Test
    void thePerCategoryListIsConfiguration() {
        Map<String, Set<ProjectField>> config = Map.of("village-infrastructure",
                EnumSet.of(ProjectField.CONSTRUCTION_SCALE, ProjectField.BATCH, ProjectField.PERFORMANCE_TARGETS));
        ProjectData d = Projects.road();
        ProjectData bare = new ProjectData(null, "x", 2019, "village-infrastructure", "522428000000", " ", null, null, null,
                null, null, new ProjectData.PerformanceTargets(null, null, null, null, " "), BudgetSplit.empty());
        assertEquals(List.of(), MissingFields.of(d, 0, config, ProjectRules.BASE_REQUIRED));
        assertEquals(List.of("constructionScale", "batch", "performanceTargets"),
                MissingFields.of(bare, 0, config, ProjectRules.BASE_REQUIRED));
        // an unlisted category falls back
        assertEquals(List.of("implementingUnit", "budget", "plannedStartDate", "plannedEndDate"),
                MissingFields.of(Projects.withCategory(bare, "health"), 0, config, ProjectRules.BASE_REQUIRED));
    }

    @Test
    void aRegionCoarserThanACountyDoesNotSayWhereItIsBuilt() {
        ProjectData city = new ProjectData(null, "x", 2019, "village-infrastructure", "522400000000", null, null, null, null,
                null, null, null, null);
        assertEquals("regionCode", MissingFields.of(city, 0, Projects.RULES).get(0));
        ProjectData county = new ProjectData(null, "x", 2019, "village-infrastructure", "522428000000", null, null, null, null,
                null, null, null, null);
        assertEquals("implementingUnit", MissingFields.of(county, 0, Projects.RULES).get(0));
    }

    @Test
    void aUnitWithoutANameIsMissing() {
        ProjectData d = Projects.road();
        ProjectData noName = new ProjectData(d.projectCode(), d.name(), d.projectYear(), d.category(), d.regionCode(),
                d.batch(), new ProjectData.ImplementingUnit(" ", null), d.constructionContent(), d.constructionScale(),
                d.plannedStartDate(), d.plannedEndDate(), d.targets(), d.budget());
        assertEquals(List.of("implementingUnit"), MissingFields.of(noName, 0, Projects.RULES));
    }
}
