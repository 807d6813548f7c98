package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fupin.fund.domain.AllocationDocument;
import org.fupin.fund.domain.FundSource;
import org.fupin.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 资金下达文件 ({@code allocation_document}); {@code lined} is the sum of its ALLOCATION entries, written with them. */
@Entity
@Table(name = "allocation_document")
public class AllocationDocumentEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "document_number")
    public String documentNumber;
    @Column(name = "document_date")
    public LocalDate documentDate;
    @Column(name = "fund_source")
    public String fundSource;
    @Column(name = "budget_year")
    public int budgetYear;
    @Column(name = "issuing_region")
    public String issuingRegion;
    @Column(name = "receiving_county")
    public String receivingCounty;
    public BigDecimal amount;
    public BigDecimal lined;
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public AllocationDocument toDomain() {
        return new AllocationDocument(id.toString(), documentNumber, documentDate, source(), budgetYear, issuingRegion,
                receivingCounty, new Money(amount), new Money(lined));
    }

    public FundSource source() {
        return FundSource.ofCode(fundSource).orElseThrow(() -> new IllegalStateException("unknown fund source " + fundSource));
    }

    /** A new row for a document the domain created (lined as decided). */
    public static AllocationDocumentEntity of(AllocationDocument d, String actor) {
        AllocationDocumentEntity e = new AllocationDocumentEntity();
        e.id = UUID.fromString(d.id());
        e.documentNumber = d.documentNumber();
        e.documentDate = d.date();
        e.fundSource = d.source().code();
        e.budgetYear = d.year();
        e.issuingRegion = d.issuingRegion();
        e.receivingCounty = d.receivingCounty();
        e.amount = d.amount().amount();
        e.lined = d.lined().amount();
        e.version = 0;
        e.createdAt = OffsetDateTime.now();
        e.createdBy = actor;
        return e;
    }

    /** Stores what a posting decided about the document (its lines' sum). */
    public void apply(AllocationDocument after) {
        lined = after.lined().amount();
        version++;
    }
}
