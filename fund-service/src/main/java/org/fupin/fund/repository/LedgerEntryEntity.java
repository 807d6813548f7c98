package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fupin.fund.domain.EntryKind;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.domain.LedgerEntry;
import org.fupin.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One movement of money ({@code ledger_entry}): inserted once, never updated nor deleted. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntryEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String kind;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "fund_source")
    public String fundSource;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "region_code")
    public String regionCode;
    public BigDecimal amount;
    @Column(name = "business_date")
    public LocalDate businessDate;
    public String number;
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "reference_id")
    public UUID referenceId;
    @Column(name = "counterpart_project_id")
    public UUID counterpartProjectId;
    public String reason;
    @Column(name = "expense_kind")
    public String expenseKind;
    @Column(name = "allocated_delta")
    public BigDecimal allocatedDelta;
    @Column(name = "disbursed_delta")
    public BigDecimal disbursedDelta;
    @Column(name = "reimbursed_delta")
    public BigDecimal reimbursedDelta;
    @Column(name = "ledger_version")
    public long ledgerVersion;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;

    public LedgerEntry toDomain() {
        return new LedgerEntry(id.toString(), EntryKind.valueOf(kind), projectId.toString(),
                FundSource.ofCode(fundSource).orElseThrow(), countyCode, new Money(amount), businessDate, number,
                str(documentId), str(referenceId), str(counterpartProjectId), reason, expenseKind, new Money(allocatedDelta),
                new Money(disbursedDelta), new Money(reimbursedDelta));
    }

    /** A new row for an entry the domain decided, at the project's ledger version after the posting. */
    public static LedgerEntryEntity of(LedgerEntry e, String regionCode, long ledgerVersion, String actor) {
        LedgerEntryEntity r = new LedgerEntryEntity();
        r.id = UUID.fromString(e.id());
        r.kind = e.kind().name();
        r.projectId = UUID.fromString(e.projectId());
        r.fundSource = e.source().code();
        r.countyCode = e.countyCode();
        r.regionCode = regionCode;
        r.amount = e.amount().amount();
        r.businessDate = e.date();
        r.number = e.number();
        r.documentId = uuid(e.documentId());
        r.referenceId = uuid(e.referenceId());
        r.counterpartProjectId = uuid(e.counterpartProjectId());
        r.reason = e.reason();
        r.expenseKind = e.expenseKind();
        r.allocatedDelta = e.allocatedDelta().amount();
        r.disbursedDelta = e.disbursedDelta().amount();
        r.reimbursedDelta = e.reimbursedDelta().amount();
        r.ledgerVersion = ledgerVersion;
        r.recordedAt = OffsetDateTime.now();
        r.recordedBy = actor;
        return r;
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
