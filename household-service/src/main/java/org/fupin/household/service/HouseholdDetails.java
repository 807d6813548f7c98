package org.fupin.household.service;

import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.HouseholdType;
import org.fupin.household.domain.Income;
import org.fupin.household.domain.MemberAttributes;
import org.fupin.household.domain.ResidentIdNumber;
import org.fupin.household.domain.WorkflowStep;
import org.fupin.platform.money.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A household as the service returns it; resident ID numbers already masked unless the caller may see them. */
public record HouseholdDetails(UUID id, String householdCode, String regionCode, HouseholdState state,
                               List<WorkflowStep> allowedSteps, HouseholdType householdType, String mainCause,
                               List<String> otherCauses, String origin, boolean omissionCorrection, Integer identificationYear,
                               Integer exitYear, String removalReason, LocalDate noticeStartedOn, String headName,
                               String headResidentId, int memberCount, List<Member> members, Integer incomeYear,
                               Map<Income.Kind, Money> incomeItems, Money netIncome, Money perCapitaNetIncome,
                               boolean monitored, LocalDate monitoredSince, List<String> monitoringReasons, Cadre cadre,
                               long version, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {

    public record Member(String name, String residentId, MemberAttributes.Relation relation, ResidentIdNumber.Sex sex,
                         LocalDate birthDate, MemberAttributes.Health health, MemberAttributes.Disability disability,
                         MemberAttributes.LabourAbility labourAbility, MemberAttributes.Education education,
                         MemberAttributes.SchoolingStatus schoolingStatus, boolean migrantWork) {
    }

    public record Cadre(String cadreId, String name, String phone, LocalDate assignedOn) {
    }
}
