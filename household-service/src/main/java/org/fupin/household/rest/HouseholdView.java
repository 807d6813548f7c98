package org.fupin.household.rest;

import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.HouseholdType;
import org.fupin.household.domain.Income;
import org.fupin.household.domain.MemberAttributes;
import org.fupin.household.domain.ResidentIdNumber;
import org.fupin.household.domain.WorkflowStep;
import org.fupin.household.service.HouseholdDetails;
import org.fupin.platform.money.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A household as the API shows it; resident ID numbers are masked unless the caller may see them. */
public record HouseholdView(UUID id, String householdCode, String regionCode, HouseholdState state,
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
        static Cadre of(HouseholdDetails.Cadre c) {
            return c == null ? null : new Cadre(c.cadreId(), c.name(), c.phone(), c.assignedOn());
        }
    }

    public static HouseholdView of(HouseholdDetails d) {
        List<Member> members = d.members().stream().map(m -> new Member(m.name(), m.residentId(), m.relation(), m.sex(),
                m.birthDate(), m.health(), m.disability(), m.labourAbility(), m.education(), m.schoolingStatus(), m.migrantWork())).toList();
        return new HouseholdView(d.id(), d.householdCode(), d.regionCode(), d.state(), d.allowedSteps(), d.householdType(),
                d.mainCause(), d.otherCauses(), d.origin(), d.omissionCorrection(), d.identificationYear(), d.exitYear(),
                d.removalReason(), d.noticeStartedOn(), d.headName(), d.headResidentId(), d.memberCount(), members, d.incomeYear(),
                d.incomeItems(), d.netIncome(), d.perCapitaNetIncome(), d.monitored(), d.monitoredSince(), d.monitoringReasons(),
                Cadre.of(d.cadre()), d.version(), d.createdAt(), d.createdBy(), d.updatedAt(), d.updatedBy());
    }
}
