package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One project of fund-service's replica of the library ({@code project_replica}), kept from {@code fupin.project.v1} by
 * the project events consumer; read-only for everything else. Read through {@link ProjectReplicaRepository}, which
 * answers {@link ProjectReplicaRecord}s with the budget split ({@code project_replica_budget}).
 */
@Entity
@Table(name = "project_replica")
public class ProjectReplica extends PanacheEntityBase {
    @Id
    public UUID id;
    /** 项目编号 */
    @Column(name = "project_code")
    public String projectCode;
    /** 12-digit region code where the project is built. */
    @Column(name = "region_code")
    public String regionCode;
    public String category;
    /** 项目年度 */
    @Column(name = "project_year")
    public int projectYear;
    /** 批次 */
    public String batch;
    public String stage;
    @Column(name = "stage_date")
    public LocalDate stageDate;
    /** 终止 (stage CANCELLED; a generated column). */
    @Column(insertable = false, updatable = false)
    public boolean cancelled;
    @Column(name = "budget_total")
    public BigDecimal budgetTotal;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    /** Aggregate version of the snapshot held. */
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
