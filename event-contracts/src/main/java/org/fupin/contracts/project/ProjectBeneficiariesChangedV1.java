package org.fupin.contracts.project;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The households the project benefits (带贫户) changed. Carries the whole current list, so a consumer replaces what it
 * holds; households appear by their household-service ids only.
 *
 * @param householdIds        every linked household after the change
 * @param addedHouseholdIds   linked by this change
 * @param removedHouseholdIds unlinked by this change
 * @param plannedStartDate planned start (计划开工), null when not given
 * @param plannedEndDate   planned end (计划完工), null when not given
 */
@EventType(value = "project.beneficiaries-changed.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectBeneficiariesChangedV1(String projectId, String projectCode, String regionCode, String category,
                                            int projectYear, String batch, String stage, LocalDate stageDate,
                                            Map<String, String> budget, String budgetTotal, String physicalProgress,
                                            String investmentCompleted, List<String> missingFields,
                                            List<String> householdIds, List<String> addedHouseholdIds,
                                            List<String> removedHouseholdIds, LocalDate plannedStartDate,
                                            LocalDate plannedEndDate, LocalDate effectiveDate) {
    /** The snapshot without the planned dates (the shape before they joined every project event): null, not given. */
    public ProjectBeneficiariesChangedV1(String projectId, String projectCode, String regionCode, String category,
                                         int projectYear, String batch, String stage, LocalDate stageDate,
                                         Map<String, String> budget, String budgetTotal, String physicalProgress,
                                         String investmentCompleted, List<String> missingFields,
                                         List<String> householdIds, List<String> addedHouseholdIds,
                                         List<String> removedHouseholdIds, LocalDate effectiveDate) {
        this(projectId, projectCode, regionCode, category, projectYear, batch, stage, stageDate, budget, budgetTotal,
             physicalProgress, investmentCompleted, missingFields, householdIds, addedHouseholdIds,
             removedHouseholdIds, null, null, effectiveDate);
    }
}
