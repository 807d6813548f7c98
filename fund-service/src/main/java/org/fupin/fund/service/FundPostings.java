package org.fupin.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.fupin.fund.domain.Account;
import org.fupin.fund.domain.FundProject;
import org.fupin.fund.domain.LedgerEntry;
import org.fupin.fund.domain.Posting;
import org.fupin.fund.repository.AllocationDocumentEntity;
import org.fupin.fund.repository.FundAccountEntity;
import org.fupin.fund.repository.FundAccountRepository;
import org.fupin.fund.repository.LedgerEntryEntity;
import org.fupin.fund.repository.LedgerEntryRepository;
import org.fupin.fund.repository.ProjectLedgerRepository;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.usecase.AggregateChange;
import org.fupin.platform.usecase.ChangeRecorder;
import org.hibernate.exception.ConstraintViolationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Saves what a {@code FundLedger} decision posted, in the use case's transaction and under its locks: the accounts'
 * totals (opening the missing ones), the document's lines sum, each project's ledger version + 1, the entries (insert
 * only, at their project's new version), then one {@link AggregateChange} per project (aggregate {@value #AGGREGATE},
 * key = project id, version = the project's ledger version, the business date) to the platform's {@link ChangeRecorder}:
 * its events to the outbox and an audit line. The check constraints and unique indexes are the last line under races: a
 * violation is answered 409/422 ({@link #translate}), never a 500.
 */
@ApplicationScoped
public class FundPostings {

    /** The aggregate type of the outbox rows and audit lines: a project's fund ledger. */
    public static final String AGGREGATE = "fund";

    @Inject
    FundAccountRepository accounts;
    @Inject
    LedgerEntryRepository entries;
    @Inject
    ProjectLedgerRepository ledgers;
    @Inject
    ChangeRecorder recorder;
    @Inject
    AuditTrail audit;

    /**
     * @param projects the projects of the posting by id (locked)
     * @param locked   the account rows the use case locked (absent: opened here)
     * @param document the document's row when the posting changes it (locked, or new and persisted), else null
     * @return the stored entries, in the posting's order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntryEntity> save(Posting posting, Map<String, FundProject> projects,
                                        Map<LedgerEntry.AccountKey, FundAccountEntity> locked, AllocationDocumentEntity document) {
        try {
            return store(posting, projects, locked, document);
        } catch (PersistenceException e) {
            // also raised before the flush: an outbox row (identity key) is inserted at once, with what is pending
            throw translate(e);
        }
    }

    private List<LedgerEntryEntity> store(Posting posting, Map<String, FundProject> projects,
                                          Map<LedgerEntry.AccountKey, FundAccountEntity> locked, AllocationDocumentEntity document) {
        String actor = audit.actor();
        // one version per project touched, taken in id order (the replica rows are already locked in that order)
        Map<String, Long> versions = new TreeMap<>();
        posting.entries().forEach(e -> versions.put(e.projectId(), 0L));
        versions.replaceAll((id, v) -> ledgers.next(UUID.fromString(id), projects.get(id).countyCode()));
        for (Account a : posting.accounts()) {
            FundAccountEntity row = locked.get(a.key());
            if (row == null) {
                row = FundAccountEntity.open(projects.get(a.projectId()), a.source());
                row.apply(a);
                accounts.persist(row);
            } else {
                row.apply(a);
            }
        }
        if (document != null && posting.document() != null) {
            document.apply(posting.document());
        }
        flush(); // accounts and document exist before the entries that reference them
        List<LedgerEntryEntity> stored = new ArrayList<>();
        for (LedgerEntry e : posting.entries()) {
            LedgerEntryEntity row = LedgerEntryEntity.of(e, projects.get(e.projectId()).regionCode(), versions.get(e.projectId()),
                    actor);
            entries.persist(row);
            stored.add(row);
        }
        Map<String, List<LedgerEntry>> byProject = new LinkedHashMap<>();
        posting.entries().forEach(e -> byProject.computeIfAbsent(e.projectId(), k -> new ArrayList<>()).add(e));
        posting.eventsByProject().forEach((projectId, events) -> {
            FundProject p = projects.get(projectId);
            recorder.record(new AggregateChange(AGGREGATE, projectId, versions.get(projectId), p.regionCode(),
                    posting.effectiveDate(), posting.action(), p.code() + ": " + describe(byProject.get(projectId)), events));
        });
        flush();
        return stored;
    }

    /** Writes what is pending now, so a lost race at a constraint is answered here (409/422), not at commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        try {
            entries.flush();
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    private static String describe(List<LedgerEntry> list) {
        return list == null ? "" : list.stream().map(e -> e.kind() + " " + e.amount() + " " + e.source().code() + " "
                + e.number() + " on " + e.date()).collect(Collectors.joining(", "));
    }

    /**
     * A violated constraint as the answer the checks before it would have given: only a concurrent request can get
     * here (the use cases check under row locks first), so the answer says what the database refused.
     */
    public static RuntimeException translate(PersistenceException e) {
        Throwable c = e;
        while (c != null && !(c instanceof ConstraintViolationException)) {
            c = c.getCause();
        }
        if (!(c instanceof ConstraintViolationException cve)) {
            return lostRace(e) ? concurrentChange() : e;
        }
        String name = String.valueOf(cve.getConstraintName());
        if (name.contains("ledger_entry_voucher")) {
            return new ApiProblem(409, ApiProblem.TYPE_BASE + "duplicate-voucher", "Conflict",
                    "This voucher number is already recorded in the county; a voucher number is used once.")
                    .withField("voucherNumber").with("code", "duplicate-voucher");
        }
        if (name.contains("ledger_entry_reversal")) {
            return new ApiProblem(409, ApiProblem.TYPE_BASE + "already-reversed", "Conflict",
                    "This voucher was already reversed; a voucher is reversed once.").withField("entryId")
                    .with("code", "already-reversed");
        }
        if (name.contains("allocation_document_number")) {
            return duplicateDocument();
        }
        if (name.contains("allocation_document_lined")) {
            return ApiProblem.unprocessable("exceeds-document", "Lines above the document's amount",
                    "The lines would exceed the document's amount.").withField("lines").with("code", "exceeds-document");
        }
        if (name.contains("fund_account_chain")) {
            return ApiProblem.unprocessable("ledger-invariant", "Not covered",
                    "The account would break reimbursed ≤ disbursed ≤ allocated; nothing was recorded.").withField("amount")
                    .with("code", "ledger-invariant");
        }
        return concurrentChange();
    }

    private static ApiProblem concurrentChange() {
        return new ApiProblem(409, ApiProblem.TYPE_BASE + "concurrent-change", "Conflict",
                "The ledger changed while this request was recorded; nothing was recorded. Retry the request.")
                .with("code", "concurrent-change");
    }

    /** A deadlock (40P01), serialization failure (40001) or lock not available (55P03): another writer won; retryable. */
    private static boolean lostRace(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && java.util.Set.of("40P01", "40001", "55P03").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static ApiProblem duplicateDocument() {
        return new ApiProblem(409, ApiProblem.TYPE_BASE + "duplicate-document", "Conflict",
                "An allocation document of this number and source is already recorded for the receiving county.")
                .withField("documentNumber").with("code", "duplicate-document");
    }
}
