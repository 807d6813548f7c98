package org.fupin.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.fupin.fund.domain.Account;
import org.fupin.fund.domain.AllocationDocument;
import org.fupin.fund.domain.BusinessDate;
import org.fupin.fund.domain.FundLedger;
import org.fupin.fund.domain.FundProject;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.domain.LedgerEntry;
import org.fupin.fund.domain.Posting;
import org.fupin.fund.domain.Refusal;
import org.fupin.fund.repository.AllocationDocumentEntity;
import org.fupin.fund.repository.AllocationDocumentRepository;
import org.fupin.fund.repository.FundAccountEntity;
import org.fupin.fund.repository.FundAccountRepository;
import org.fupin.fund.repository.LedgerEntryEntity;
import org.fupin.fund.repository.LedgerEntryRepository;
import org.fupin.fund.repository.ProjectReplicaRepository;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The write side of the fund ledger (资金台账), one {@code @Transactional} method per command. Each:
 * <ol>
 *   <li>{@code Idempotency-Key}: the same key and request again answer what the first call recorded (nothing twice);</li>
 *   <li>locks, always in this order (the import's chunk path too): the project replica rows (id order; a project outside
 *       the caller's region is 403, an unknown one 422), the document row, the account rows ({@code AccountKey} order),
 *       the projects' ledger rows (id order);</li>
 *   <li>the domain {@link FundLedger} decides (its {@link Refusal} is the 400/409/422 answer) — before anything is
 *       written;</li>
 *   <li>{@link FundPostings#save}: accounts, document, ledger versions, entries, outbox events and audit.</li>
 * </ol>
 * The caller acts through the platform's notions: {@link RegionScope} (the token's region, or the submitter's for an
 * import job) and {@link AuditTrail#actor()}.
 * <p>
 * For imports: every refusal is thrown as an {@link ApiProblem} BEFORE anything is written, and does not mark the
 * caller's transaction for rollback (so one refused row of a chunk does not spoil the others) — unless an
 * Idempotency-Key was reserved (then the transaction is marked, so the key is not kept). A lost race at a constraint
 * (another transaction's voucher of the same number) surfaces as a 409 that does mark it.
 */
@ApplicationScoped
public class FundService {

    @Inject
    AllocationDocumentRepository documents;
    @Inject
    FundAccountRepository accounts;
    @Inject
    LedgerEntryRepository entries;
    @Inject
    ProjectReplicaRepository replica;
    @Inject
    FundPostings postings;
    @Inject
    FundViews views;
    @Inject
    Idempotency idempotency;
    @Inject
    RegionScope region;
    @Inject
    AuditTrail audit;
    @Inject
    TransactionManager transactions;

    // ---------------------------------------------------------------------------------------------- documents

    /** 资金下达文件 with its first lines (optional), all or none; 409 {@code duplicate-document} for a number taken. */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiProblem.class)
    public DocumentView recordDocument(FundCommands.Document c, String idempotencyKey) {
        Objects.requireNonNull(c, "command");
        Optional<String> earlier = idempotency.reserve(idempotencyKey, "fund.document", c);
        if (earlier.isPresent()) {
            return views.document(documentForRead(UUID.fromString(earlier.get())));
        }
        return guarded(idempotencyKey, () -> {
            AllocationDocument doc = Refusals.decide(() -> AllocationDocument.create(UUID.randomUUID().toString(),
                    new AllocationDocument.Input(c.documentNumber(), c.date(), c.source(), c.year(), c.issuingRegion(),
                            c.receivingCounty(), c.amount()), BusinessDate.today()));
            region.requireWritable(doc.receivingCounty(), "receivingCounty");
            if (documents.findByNumber(doc.receivingCounty(), doc.documentNumber(), doc.source().code()).isPresent()) {
                throw FundPostings.duplicateDocument();
            }
            Allocation a = c.lines() == null || c.lines().isEmpty() ? null
                    : allocation(doc, c.lines(), lockLineProjects(c.lines()));
            // every rule passed: only now is anything written
            AllocationDocumentEntity row = AllocationDocumentEntity.of(doc, audit.actor());
            documents.persist(row);
            audit.record("fund.document-recorded", "allocation-document", row.id.toString(), row.receivingCounty,
                    row.documentNumber + " " + row.fundSource + " " + FundViews.plain(row.amount) + "; effective " + row.documentDate);
            if (a != null) {
                postings.save(a.posting, a.projects, a.locked, row);
            } else {
                postings.flush();
            }
            idempotency.complete(idempotencyKey, "fund.document", row.id.toString());
            return views.document(row);
        });
    }

    /** More lines of a recorded document (资金安排到项目), all or none; the document's row is locked. */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiProblem.class)
    public DocumentView addLines(UUID documentId, FundCommands.Lines c, String idempotencyKey) {
        String operation = "fund.lines:" + documentId;
        Optional<String> earlier = idempotency.reserve(idempotencyKey, operation, c == null ? Map.of() : c);
        if (earlier.isPresent()) {
            return views.document(documentForRead(documentId));
        }
        return guarded(idempotencyKey, () -> {
            List<FundCommands.Line> lines = c == null || c.lines() == null ? List.of() : c.lines();
            // the lock order of every writer (imports too): project rows, then the document, then the accounts
            Map<String, FundProject> projects = lockLineProjects(lines);
            AllocationDocumentEntity row = documents.lockById(documentId)
                    .orElseThrow(() -> ApiProblem.notFound("allocation document", documentId));
            region.requireReadable(row.receivingCounty, "allocation document", documentId);
            Allocation a = allocation(row.toDomain(), lines, projects);
            postings.save(a.posting, a.projects, a.locked, row);
            idempotency.complete(idempotencyKey, operation, documentId.toString());
            return views.document(row);
        });
    }

    private record Allocation(Posting posting, Map<String, FundProject> projects,
                              Map<LedgerEntry.AccountKey, FundAccountEntity> locked) {
    }

    /** Locks the replica rows of the lines' projects, in id order; unknown projects are left out (the domain refuses them). */
    private Map<String, FundProject> lockLineProjects(List<FundCommands.Line> lines) {
        TreeSet<UUID> ids = new TreeSet<>();
        lines.stream().filter(Objects::nonNull).map(FundCommands.Line::projectId).filter(Objects::nonNull).forEach(ids::add);
        Map<String, FundProject> projects = new LinkedHashMap<>();
        for (UUID id : ids) {
            replica.lockById(id).ifPresent(p -> projects.put(p.id(), p));
        }
        return projects;
    }

    /** Checks the caller's region for the lines' (locked) projects, locks their accounts, and lets the domain decide. */
    private Allocation allocation(AllocationDocument doc, List<FundCommands.Line> lines, Map<String, FundProject> projects) {
        for (int i = 0; i < lines.size(); i++) {
            FundCommands.Line l = lines.get(i);
            FundProject p = l == null || l.projectId() == null ? null : projects.get(l.projectId().toString());
            if (p != null) {
                region.requireWritable(p.regionCode(), "lines[" + i + "].projectId");
            }
        }
        Map<LedgerEntry.AccountKey, FundAccountEntity> locked = new HashMap<>();
        Map<LedgerEntry.AccountKey, Account> current = new HashMap<>();
        for (FundProject p : projects.values()) { // id order = AccountKey order (one source)
            lock(p, doc.source(), locked, current);
        }
        List<FundLedger.LineInput> inputs = new ArrayList<>();
        for (FundCommands.Line l : lines) {
            inputs.add(l == null ? new FundLedger.LineInput(null, null, null)
                    : new FundLedger.LineInput(l.projectId() == null ? null : l.projectId().toString(), null, l.amount()));
        }
        Posting posting = Refusals.decide(() -> FundLedger.now().allocate(doc, inputs, projects, current));
        return new Allocation(posting, projects, locked);
    }

    // ---------------------------------------------------------------------------------------------- money moving

    /** 拨付: disbursed ≤ allocated (422 {@code exceeds-allocation} naming project, source and excess). */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiProblem.class)
    public EntryView disburse(FundCommands.Disbursement c, String idempotencyKey) {
        Optional<String> earlier = idempotency.reserve(idempotencyKey, "fund.disburse", c);
        if (earlier.isPresent()) {
            return entryForRead(UUID.fromString(earlier.get()));
        }
        return guarded(idempotencyKey, () -> {
            FundProject p = lockProject(c.projectId(), "projectId");
            FundSource source = sourceOrNull(c.source());
            Map<LedgerEntry.AccountKey, FundAccountEntity> locked = new HashMap<>();
            Account account = lock(p, source, locked, new HashMap<>());
            Collection<LedgerEntry> later = later(p, source, c.date());
            Posting posting = Refusals.decide(() -> FundLedger.now().disburse(p, account,
                    new FundLedger.DisbursementInput(c.source(), c.amount(), c.paymentOrderNumber(), c.date()), later));
            return single(posting, p, locked, idempotencyKey, "fund.disburse");
        });
    }

    /** 报账: reimbursed ≤ disbursed (422 {@code exceeds-disbursement}); voucher numbers unique per county (409). */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiProblem.class)
    public EntryView reimburse(FundCommands.Reimbursement c, String idempotencyKey) {
        Optional<String> earlier = idempotency.reserve(idempotencyKey, "fund.reimburse", c);
        if (earlier.isPresent()) {
            return entryForRead(UUID.fromString(earlier.get()));
        }
        return guarded(idempotencyKey, () -> {
            FundProject p = lockProject(c.projectId(), "projectId");
            FundSource source = sourceOrNull(c.source());
            Map<LedgerEntry.AccountKey, FundAccountEntity> locked = new HashMap<>();
            Account account = lock(p, source, locked, new HashMap<>());
            Collection<LedgerEntry> later = later(p, source, c.date());
            boolean taken = c.voucherNumber() != null && !c.voucherNumber().isBlank()
                    && entries.voucherTaken(p.countyCode(), c.voucherNumber().strip());
            Posting posting = Refusals.decide(() -> FundLedger.now().reimburse(p, account,
                    new FundLedger.ReimbursementInput(c.source(), c.amount(), c.voucherNumber(), c.date(), c.expenseKind()),
                    taken, later));
            return single(posting, p, locked, idempotencyKey, "fund.reimburse");
        });
    }

    /** 红字冲销 of a voucher by a new REVERSAL entry; a voucher outside the caller's region does not exist (404). */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiProblem.class)
    public EntryView reverse(UUID voucherId, FundCommands.Reversal c, String idempotencyKey) {
        String operation = "fund.reverse:" + voucherId;
        Optional<String> earlier = idempotency.reserve(idempotencyKey, operation, c == null ? Map.of() : c);
        if (earlier.isPresent()) {
            return entryForRead(UUID.fromString(earlier.get()));
        }
        return guarded(idempotencyKey, () -> {
            LedgerEntryEntity voucher = entries.findByIdOptional(voucherId)
                    .orElseThrow(() -> ApiProblem.notFound("ledger entry", voucherId));
            region.requireReadable(voucher.regionCode, "ledger entry", voucherId);
            FundProject p = lockProject(voucher.projectId, "entryId");
            Map<LedgerEntry.AccountKey, FundAccountEntity> locked = new HashMap<>();
            Account account = lock(p, FundSource.ofCode(voucher.fundSource).orElseThrow(), locked, new HashMap<>());
            boolean reversed = entries.reversed(voucherId);
            FundCommands.Reversal in = c == null ? new FundCommands.Reversal(null, null, null) : c;
            Posting posting = Refusals.decide(() -> FundLedger.now().reverse(p, account, voucher.toDomain(), reversed,
                    new FundLedger.ReversalInput(in.reason(), in.date(), in.amount())));
            return single(posting, p, locked, idempotencyKey, operation);
        });
    }

    /**
     * 资金调整: allocated, not disbursed money of one source from one project to another of the same county; both sides
     * recorded (two entries, one event per project, each at its project's ledger version).
     */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiProblem.class)
    public AdjustmentView adjust(FundCommands.Adjustment c, String idempotencyKey) {
        Optional<String> earlier = idempotency.reserve(idempotencyKey, "fund.adjust", c);
        if (earlier.isPresent()) {
            return adjustmentForRead(UUID.fromString(earlier.get()));
        }
        return guarded(idempotencyKey, () -> {
            List<ApiProblem.FieldError> missing = new ArrayList<>();
            if (c.fromProjectId() == null) {
                missing.add(new ApiProblem.FieldError("fromProjectId", "is required"));
            }
            if (c.toProjectId() == null) {
                missing.add(new ApiProblem.FieldError("toProjectId", "is required"));
            }
            if (!missing.isEmpty()) {
                throw ApiProblem.validation(missing);
            }
            // both replica rows in id order
            Map<UUID, FundProject> byId = new HashMap<>();
            for (UUID id : new TreeSet<>(List.of(c.fromProjectId(), c.toProjectId()))) {
                byId.put(id, lockProject(id, id.equals(c.fromProjectId()) ? "fromProjectId" : "toProjectId"));
            }
            FundProject from = byId.get(c.fromProjectId());
            FundProject to = byId.get(c.toProjectId());
            FundSource source = sourceOrNull(c.source());
            Map<LedgerEntry.AccountKey, FundAccountEntity> locked = new HashMap<>();
            Map<LedgerEntry.AccountKey, Account> current = new HashMap<>();
            for (UUID id : new TreeSet<>(byId.keySet())) { // AccountKey order: project id, one source
                lock(byId.get(id), source, locked, current);
            }
            Account fromAccount = source == null ? null : current.get(new LedgerEntry.AccountKey(from.id(), source));
            Account toAccount = source == null ? null : current.get(new LedgerEntry.AccountKey(to.id(), source));
            Collection<LedgerEntry> later = later(from, source, c.documentDate());
            Posting posting = Refusals.decide(() -> FundLedger.now().adjust(from, to, fromAccount, toAccount,
                    new FundLedger.AdjustmentInput(c.source(), c.amount(), c.documentNumber(), c.documentDate(), c.reason()),
                    later));
            Map<String, FundProject> projects = new HashMap<>();
            projects.put(from.id(), from);
            projects.put(to.id(), to);
            List<LedgerEntryEntity> stored = postings.save(posting, projects, locked, null);
            UUID adjustmentId = stored.get(0).referenceId;
            idempotency.complete(idempotencyKey, "fund.adjust", adjustmentId.toString());
            return new AdjustmentView(adjustmentId, views.entries(stored));
        });
    }

    /** 结余资金收回 of a completed, accepted or cancelled project (409 {@code project-not-closed} otherwise). */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = ApiProblem.class)
    public EntryView recall(FundCommands.Recall c, String idempotencyKey) {
        Optional<String> earlier = idempotency.reserve(idempotencyKey, "fund.recall", c);
        if (earlier.isPresent()) {
            return entryForRead(UUID.fromString(earlier.get()));
        }
        return guarded(idempotencyKey, () -> {
            FundProject p = lockProject(c.projectId(), "projectId");
            FundSource source = sourceOrNull(c.source());
            Map<LedgerEntry.AccountKey, FundAccountEntity> locked = new HashMap<>();
            Account account = lock(p, source, locked, new HashMap<>());
            Collection<LedgerEntry> later = later(p, source, c.documentDate());
            Posting posting = Refusals.decide(() -> FundLedger.now().recall(p, account,
                    new FundLedger.RecallInput(c.source(), c.amount(), c.documentNumber(), c.documentDate(), c.remarks()),
                    later));
            return single(posting, p, locked, idempotencyKey, "fund.recall");
        });
    }

    // ---------------------------------------------------------------------------------------------- look-ups (imports)

    /** The document of this number, receiving county and source, if recorded and inside the caller's region. */
    @Transactional
    public Optional<UUID> documentId(String receivingCounty, String documentNumber, String source) {
        return documents.findByNumber(receivingCounty, documentNumber, source).filter(d -> region.covers(d.receivingCounty))
                .map(d -> d.id);
    }

    /** The voucher entry of this number in the county, if recorded and inside the caller's region. */
    @Transactional
    public Optional<UUID> voucherId(String countyCode, String voucherNumber) {
        return entries.voucher(countyCode, voucherNumber).filter(e -> region.covers(e.regionCode)).map(e -> e.id);
    }

    /** An entry (404 outside the caller's region). */
    @Transactional
    public EntryView entry(UUID id) {
        return entryForRead(id);
    }

    /** A document and its lines (404 outside the caller's region). */
    @Transactional
    public DocumentView document(UUID id) {
        return views.document(documentForRead(id));
    }

    // ---------------------------------------------------------------------------------------------- shared

    /**
     * Runs the decision and the writes; a refusal with an Idempotency-Key reserved marks the transaction for rollback
     * (the key must not stay reserved for a request that changed nothing).
     */
    private <T> T guarded(String idempotencyKey, Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiProblem p) {
            if (idempotencyKey != null) {
                rollbackOnly(p);
            }
            throw p;
        } catch (PersistenceException e) {
            // a lost race at a constraint (the database refused the statement: the transaction cannot commit)
            RuntimeException answer = FundPostings.translate(e);
            rollbackOnly(answer);
            throw answer;
        }
    }

    private void rollbackOnly(RuntimeException cause) {
        try {
            transactions.setRollbackOnly();
        } catch (SystemException | IllegalStateException e) {
            cause.addSuppressed(e);
        }
    }

    /** The project's replica row, locked; 400 when no id is given, 422 unknown, 403 outside the caller's region. */
    private FundProject lockProject(UUID id, String field) {
        if (id == null) {
            throw ApiProblem.validation(field, "is required");
        }
        FundProject p = replica.lockById(id).orElseThrow(() -> Refusals.problem(Refusal.unprocessable("unknown-project",
                "Unknown project", "No project " + id + " in the library.", field).with("projectId", id.toString())));
        region.requireWritable(p.regionCode(), field);
        return p;
    }

    /** Locks the project × source account row if it exists (the domain opens a missing one). */
    private Account lock(FundProject p, FundSource source, Map<LedgerEntry.AccountKey, FundAccountEntity> locked,
                         Map<LedgerEntry.AccountKey, Account> current) {
        if (source == null) {
            return null;
        }
        Optional<FundAccountEntity> row = accounts.lock(UUID.fromString(p.id()), source.code());
        if (row.isEmpty()) {
            return null;
        }
        LedgerEntry.AccountKey key = new LedgerEntry.AccountKey(p.id(), source);
        Account a = row.get().toDomain(p);
        locked.put(key, row.get());
        current.put(key, a);
        return a;
    }

    private static FundSource sourceOrNull(String code) {
        return code == null ? null : FundSource.ofCode(code.strip()).orElse(null);
    }

    /** The account's entries dated after the day (the domain checks a back-dated entry against them). */
    private Collection<LedgerEntry> later(FundProject p, FundSource source, LocalDate day) {
        if (source == null || day == null) {
            return List.of();
        }
        return entries.after(UUID.fromString(p.id()), source.code(), day).stream().map(LedgerEntryEntity::toDomain).toList();
    }

    private EntryView single(Posting posting, FundProject p, Map<LedgerEntry.AccountKey, FundAccountEntity> locked,
                             String idempotencyKey, String operation) {
        List<LedgerEntryEntity> stored = postings.save(posting, Map.of(p.id(), p), locked, null);
        LedgerEntryEntity e = stored.get(0);
        idempotency.complete(idempotencyKey, operation, e.id.toString());
        return views.entry(e);
    }

    private AllocationDocumentEntity documentForRead(UUID id) {
        AllocationDocumentEntity d = documents.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("allocation document", id));
        region.requireReadable(d.receivingCounty, "allocation document", id);
        return d;
    }

    private EntryView entryForRead(UUID id) {
        LedgerEntryEntity e = entries.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("ledger entry", id));
        region.requireReadable(e.regionCode, "ledger entry", id);
        return views.entry(e);
    }

    private AdjustmentView adjustmentForRead(UUID adjustmentId) {
        List<LedgerEntryEntity> both = entries.adjustment(adjustmentId);
        if (both.isEmpty()) {
            throw ApiProblem.notFound("adjustment", adjustmentId);
        }
        both.forEach(e -> region.requireReadable(e.regionCode, "adjustment", adjustmentId));
        return new AdjustmentView(adjustmentId, views.entries(both));
    }
}
