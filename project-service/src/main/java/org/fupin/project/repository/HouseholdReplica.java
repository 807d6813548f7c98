package org.fupin.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fupin.project.domain.ReplicaHousehold;

import java.time.Instant;
import java.util.UUID;

/**
 * One household of project-service's replica of the registry ({@code household_replica}), kept from
 * {@code fupin.household.v1} by the household events consumer; read-only for everything else. Code, state and persons
 * are null until an event carrying them arrived (see {@code V3__household_replica.sql}).
 */
@Entity
@Table(name = "household_replica")
public class HouseholdReplica extends PanacheEntityBase {
    @Id
    public UUID id;
    /** 户编号; from household.registered.v1 only. */
    @Column(name = "household_code")
    public String householdCode;
    /** 12-digit village code. */
    @Column(name = "region_code")
    public String regionCode;
    /** household-service's state name: REGISTERED, EXITED, REMOVED, or a workflow state. */
    public String state;
    /** 户人口数 */
    public Integer persons;
    /** Newest aggregate version applied. */
    public long version;
    @Column(name = "state_version")
    public long stateVersion;
    @Column(name = "persons_version")
    public long personsVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether the household is known well enough to be named (its registration arrived). */
    public boolean isComplete() {
        return householdCode != null && state != null && persons != null;
    }

    public ReplicaHousehold toDomain() {
        return new ReplicaHousehold(id.toString(), householdCode, regionCode, state, persons == null ? 0 : persons);
    }
}
