package org.fupin.household.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fupin.household.domain.HouseholdStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "household")
public class Household extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "household_code")
    public String householdCode;
    @Column(name = "region_code")
    public String regionCode;
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
    public HouseholdStatus status;
    /** Aggregate version: 1 at registration, +1 per change; the ETag and the events' ce_aggregateversion. */
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
