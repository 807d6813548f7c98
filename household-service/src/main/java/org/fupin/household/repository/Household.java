package org.fupin.household.repository;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.fupin.household.domain.HouseholdLifecycle;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.HouseholdType;
import org.fupin.household.domain.Income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.UUID;

@Entity
@Table(name = "household")
public class Household {
    @Id
    public UUID id;
    @Column(name = "household_code")
    public String householdCode;
    @Column(name = "region_code")
    public String regionCode;
    /** The head's name and masked ID, kept on the household for lists; the members table is authoritative. */
    @Column(name = "head_name")
    public String headName;
    @Column(name = "head_id_hash")
    public String headIdHash;
    @Column(name = "head_id_encrypted")
    public String headIdEncrypted;
    @Column(name = "head_id_masked")
    public String headIdMasked;
    @Column(name = "member_count")
    public int memberCount;
    @Enumerated(EnumType.STRING)
    public HouseholdState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "household_type")
    public HouseholdType householdType;
    @Column(name = "main_cause")
    public String mainCause;
    /** comma-separated PovertyCause names */
    @Column(name = "other_causes")
    public String otherCauses;
    public String origin;
    @Column(name = "omission_correction")
    public boolean omissionCorrection;
    @Column(name = "identification_year")
    public Integer identificationYear;
    @Column(name = "exit_year")
    public Integer exitYear;
    @Column(name = "removal_reason")
    public String removalReason;
    @Column(name = "notice_started_on")
    public LocalDate noticeStartedOn;
    @Column(name = "last_step_on")
    public LocalDate lastStepOn;
    @Column(name = "income_year")
    public Integer incomeYear;
    @Column(name = "net_income")
    public BigDecimal netIncome;
    public boolean monitored;
    @Column(name = "monitored_since")
    public LocalDate monitoredSince;
    @Column(name = "monitoring_reasons")
    public String monitoringReasons;
    @Column(name = "cadre_id")
    public String cadreId;
    @Column(name = "cadre_name")
    public String cadreName;
    @Column(name = "cadre_phone")
    public String cadrePhone;
    @Column(name = "cadre_assigned_on")
    public LocalDate cadreAssignedOn;
    /** Aggregate version: 1 at creation, +1 per change; the ETag and the events' ce_aggregateversion. */
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("position")
    public List<HouseholdMember> members = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "household_income_item", joinColumns = @JoinColumn(name = "household_id"))
    @MapKeyColumn(name = "kind")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "amount")
    public Map<Income.Kind, BigDecimal> incomeItems = new EnumMap<>(Income.Kind.class);

    /** The lifecycle as the domain rules see it; they decide, {@link #apply} stores what they decided. */
    public HouseholdLifecycle lifecycle() {
        return new HouseholdLifecycle(
                new HouseholdLifecycle.Facts(id.toString(), householdCode, regionCode, householdType, memberCount,
                        members.stream().map(m -> m.personId).sorted().toList(), incomeYear, netIncome),
                new HouseholdLifecycle.Status(state, identificationYear, exitYear, removalReason, noticeStartedOn, lastStepOn,
                        monitored, monitoredSince,
                        monitoringReasons == null || monitoringReasons.isBlank() ? List.of() : Arrays.asList(monitoringReasons.split(",")),
                        cadreId == null ? null : new HouseholdLifecycle.Cadre(cadreId, cadreName, cadrePhone, cadreAssignedOn)));
    }

    /** Stores the values a domain decision left in {@code lifecycle}. */
    public void apply(HouseholdLifecycle lifecycle) {
        HouseholdLifecycle.Status s = lifecycle.status();
        state = s.state();
        identificationYear = s.identificationYear();
        exitYear = s.exitYear();
        removalReason = s.removalReason();
        noticeStartedOn = s.noticeStartedOn();
        lastStepOn = s.lastStepOn();
        monitored = s.monitored();
        monitoredSince = s.monitoredSince();
        monitoringReasons = s.monitoringReasons().isEmpty() ? null : String.join(",", s.monitoringReasons());
        cadreId = s.cadre() == null ? null : s.cadre().id();
        cadreName = s.cadre() == null ? null : s.cadre().name();
        cadrePhone = s.cadre() == null ? null : s.cadre().phone();
        cadreAssignedOn = s.cadre() == null ? null : s.cadre().assignedOn();
        boolean active = lifecycle.membersActive();
        members.forEach(m -> m.active = active);
    }
}
