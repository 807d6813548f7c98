package org.fupin.rectification.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.fupin.rectification.domain.LedgerEntry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One line of an issue's ledger (整改台账), insert-only, with the evidence files it names. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntryRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "issue_id")
    public UUID issueId;
    public int number;
    @Column(name = "entry_date")
    public LocalDate entryDate;
    public String text;
    @Enumerated(EnumType.STRING)
    public LedgerEntry.Kind kind;
    @Column(name = "recorded_by")
    public String recordedBy;
    public String unit;
    @Column(name = "milestone_number")
    public Integer milestoneNumber;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ledger_evidence", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    @Column(name = "evidence_id")
    public List<UUID> evidenceIds = new ArrayList<>();

    public LedgerEntry domain() {
        return new LedgerEntry(number, entryDate, text, evidenceIds.stream().map(UUID::toString).toList(), recordedBy, unit,
                kind, milestoneNumber);
    }

    public static LedgerEntryRow of(UUID issueId, LedgerEntry e) {
        LedgerEntryRow r = new LedgerEntryRow();
        r.issueId = issueId;
        r.number = e.number();
        r.entryDate = e.date();
        r.text = e.text();
        r.kind = e.kind();
        r.recordedBy = e.recordedBy();
        r.unit = e.unit();
        r.milestoneNumber = e.milestoneNumber();
        r.recordedAt = OffsetDateTime.now();
        e.evidenceIds().forEach(id -> r.evidenceIds.add(UUID.fromString(id)));
        return r;
    }
}
