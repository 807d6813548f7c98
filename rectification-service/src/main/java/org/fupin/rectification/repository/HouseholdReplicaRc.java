package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A household as rectification-service's replica keeps it ({@code household_replica_rc}, migration V3). Written only by
 * {@link HouseholdReplicaRcRepository#apply} (set-based SQL); mapped for Panache reads.
 */
@Entity
@Table(name = "household_replica_rc")
public class HouseholdReplicaRc {
    @Id
    public UUID id;
    @Column(name = "region_code")
    public String regionCode;
    public String state;
    @Column(name = "registered_on")
    public LocalDate registeredOn;
    @Column(name = "cadre_assigned_on")
    public LocalDate cadreAssignedOn;
    @Column(name = "monitoring_started_on")
    public LocalDate monitoringStartedOn;
    @Column(name = "last_measure_on")
    public LocalDate lastMeasureOn;
    public long version;
    @Column(name = "check_pending")
    public boolean checkPending;
    @Column(name = "checked_on")
    public LocalDate checkedOn;
}
