package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project as rectification-service's replica keeps it ({@code project_replica_rc}, migration V3). Written only by
 * {@link ProjectReplicaRcRepository#apply} (set-based SQL); mapped for Panache reads.
 */
@Entity
@Table(name = "project_replica_rc")
public class ProjectReplicaRc {
    @Id
    public UUID id;
    @Column(name = "project_code")
    public String projectCode;
    @Column(name = "region_code")
    public String regionCode;
    public String stage;
    @Column(name = "stage_date")
    public LocalDate stageDate;
    @Column(name = "entered_on")
    public LocalDate enteredOn;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    @Column(name = "planned_start_date")
    public LocalDate plannedStartDate;
    @Column(name = "planned_end_date")
    public LocalDate plannedEndDate;
    @Column(name = "budget_total")
    public BigDecimal budgetTotal;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    public long version;
    @Column(name = "check_pending")
    public boolean checkPending;
    @Column(name = "checked_on")
    public LocalDate checkedOn;
}
