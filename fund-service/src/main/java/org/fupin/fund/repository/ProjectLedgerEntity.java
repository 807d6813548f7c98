package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * The version of a project's fund ledger ({@code project_ledger}): the fund aggregate is a project's ledger, and its
 * version is the outbox event's aggregate version, bumped once per posting touching the project.
 */
@Entity
@Table(name = "project_ledger")
public class ProjectLedgerEntity extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "county_code")
    public String countyCode;
    public long version;
}
