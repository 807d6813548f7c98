package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One reimbursement entry of a project's fund ledger ({@code fund_entry_rc}, migration V3), kept once per entry id. */
@Entity
@Table(name = "fund_entry_rc")
public class FundEntryReplicaRc {
    @Id
    @Column(name = "entry_id")
    public UUID entryId;
    @Column(name = "project_id")
    public UUID projectId;
    public String kind;
    @Column(name = "reimbursed_delta")
    public BigDecimal reimbursedDelta;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
}
