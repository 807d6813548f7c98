package org.fupin.household.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.fupin.household.domain.MemberAttributes;
import org.fupin.household.domain.ResidentIdNumber;

import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "household_member")
public class HouseholdMember {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "household_id")
    public Household household;
    public int position;
    public String name;
    @Column(name = "id_hash")
    public String idHash;
    @Column(name = "id_encrypted")
    public String idEncrypted;
    @Column(name = "id_masked")
    public String idMasked;
    @Column(name = "person_id")
    public String personId;
    @Enumerated(EnumType.STRING)
    public MemberAttributes.Relation relation;
    @Enumerated(EnumType.STRING)
    public ResidentIdNumber.Sex sex;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public MemberAttributes.Health health;
    @Enumerated(EnumType.STRING)
    public MemberAttributes.Disability disability;
    @Enumerated(EnumType.STRING)
    @Column(name = "labour_ability")
    public MemberAttributes.LabourAbility labourAbility;
    @Enumerated(EnumType.STRING)
    public MemberAttributes.Education education;
    @Enumerated(EnumType.STRING)
    @Column(name = "schooling_status")
    public MemberAttributes.SchoolingStatus schoolingStatus;
    @Column(name = "migrant_work")
    public boolean migrantWork;
    public boolean active;
}
