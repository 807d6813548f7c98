package org.fupin.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.repository.AllocationDocumentEntity;
import org.fupin.fund.repository.LedgerEntryEntity;
import org.fupin.fund.repository.LedgerEntryRepository;
import org.fupin.fund.repository.ProjectReplicaRecord;
import org.fupin.fund.repository.ProjectReplicaRepository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answers of the write side: entries and documents as {@link EntryView} / {@link DocumentView}. */
@ApplicationScoped
public class FundViews {

    @Inject
    LedgerEntryRepository entries;
    @Inject
    ProjectReplicaRepository replica;

    @Transactional(Transactional.TxType.MANDATORY)
    public EntryView entry(LedgerEntryEntity e) {
        return entries(List.of(e)).get(0);
    }

    /** Entries with their projects' codes (one query for all codes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EntryView> entries(List<LedgerEntryEntity> list) {
        Map<UUID, ProjectReplicaRecord> projects = replica.snapshots(list.stream().map(e -> e.projectId).toList());
        return list.stream().map(e -> entry(e, projects.get(e.projectId))).toList();
    }

    public static EntryView entry(LedgerEntryEntity e, ProjectReplicaRecord project) {
        return new EntryView(e.id, e.kind, e.projectId, project == null ? null : project.projectCode(), e.fundSource,
                e.countyCode, e.regionCode, plain(e.amount), e.businessDate, e.number, e.documentId, e.referenceId,
                e.counterpartProjectId, e.reason, e.expenseKind, plain(e.allocatedDelta), plain(e.disbursedDelta),
                plain(e.reimbursedDelta), e.ledgerVersion, e.recordedAt, e.recordedBy);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DocumentView document(AllocationDocumentEntity d) {
        List<LedgerEntryEntity> lines = entries.linesOf(d.id);
        Map<UUID, ProjectReplicaRecord> projects = replica.snapshots(lines.stream().map(e -> e.projectId).toList());
        return new DocumentView(d.id, d.documentNumber, d.documentDate, d.fundSource,
                FundSource.ofCode(d.fundSource).map(FundSource::governmentLevel).orElse(null), d.budgetYear, d.issuingRegion,
                d.receivingCounty, plain(d.amount), plain(d.lined), plain(d.amount.subtract(d.lined)),
                lines.stream().map(l -> new DocumentView.Line(l.id, l.projectId,
                        projects.containsKey(l.projectId) ? projects.get(l.projectId).projectCode() : null, plain(l.amount)))
                        .toList());
    }

    /** Two decimals, plain (no exponent): "1000.00", "-25.50", "0.00". */
    public static String plain(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }
}
