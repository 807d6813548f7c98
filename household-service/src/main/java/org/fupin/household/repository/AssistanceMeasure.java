package org.fupin.household.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 帮扶措施 */
@Entity
@Table(name = "assistance_measure")
public class AssistanceMeasure {
    @Id
    public UUID id;
    @Column(name = "household_id")
    public UUID householdId;
    public String kind;
    public String description;
    @Column(name = "started_on")
    public LocalDate startedOn;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
