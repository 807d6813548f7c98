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
 */
@EventType(value = "project.beneficiaries-changed.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectBeneficiariesChangedV1(String projectId, String projectCode, String regionCode, String category,
                                            int projectYear, String batch, String stage, LocalDate stageDate,
                                            Map<String, String> budget, String budgetTotal, String physicalProgress,
                                            String investmentCompleted, List<String> missingFields,
                                            List<String> householdIds, List<String> addedHouseholdIds,
                                            List<String> removedHouseholdIds, LocalDate effectiveDate) {
}
