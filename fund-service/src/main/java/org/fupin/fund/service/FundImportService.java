package org.fupin.fund.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.fund.domain.Account;
import org.fupin.fund.domain.AllocationDocument;
import org.fupin.fund.domain.BusinessDate;
import org.fupin.fund.domain.EntryKind;
import org.fupin.fund.domain.FundLedger;
import org.fupin.fund.domain.FundProject;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.domain.LedgerEntry;
import org.fupin.fund.domain.Posting;
import org.fupin.fund.domain.Refusal;
import org.fupin.fund.repository.LedgerBulkRepository;
import org.fupin.fund.repository.LedgerBulkRepository.AccountRow;
import org.fupin.fund.repository.LedgerBulkRepository.DocumentKey;
import org.fupin.fund.repository.LedgerBulkRepository.DocumentRow;
import org.fupin.fund.repository.LedgerBulkRepository.EntryRow;
import org.fupin.fund.repository.LedgerBulkRepository.LedgerRow;
import org.fupin.fund.repository.LedgerBulkRepository.StoredAccount;
import org.fupin.fund.repository.LedgerBulkRepository.VoucherKey;
import org.fupin.fund.repository.ProjectReplicaRepository;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.imports.ImportKind.Chunk;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.platform.security.Roles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides and stores a chunk of imported ledger lines set-based, with the same domain decisions ({@link FundLedger}) and
 * invariants as the API, each row alone: a refused row gets its refusal and changes nothing, the others are stored. In
 * the caller's transaction:
 * <ol>
 *   <li>the projects (by id, or by code inside the submitter's region) — their replica rows locked in id order — then
 *   the documents, vouchers, accounts (in {@code AccountKey} order) and project ledgers of the chunk, each in one
 *   statement, with the entries dated after the chunk's rows (back-dating);</li>
 *   <li>every row in row order against that state in memory (allocations create their document on first sight of its
 *   number, county and source); a row sees the rows before it;</li>
 *   <li>the new and changed documents, accounts (each once), the entries in one COPY, each project's ledger version
 *   once (bumped per posting, as one posting at a time would), one outbox event per entry (one batch), one audit line
 *   for the chunk.</li>
 * </ol>
 * A row committed meanwhile by another transaction (a new document, account, voucher) makes the chunk fail at a unique
 * index; the import machinery runs it again and it then sees that row.
 */
@ApplicationScoped
public class FundImportService {

    @Inject
    LedgerBulkRepository bulk;
    @Inject
    ProjectReplicaRepository replicas;
    @Inject
    RegionScope region;
    @Inject
    SecurityIdentity identity;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;

    /** What the chunk holds and decides, in memory. */
    private final class State {
        final Map<LedgerEntry.AccountKey, Account> accounts = new HashMap<>();
        final Map<LedgerEntry.AccountKey, Long> accountVersions = new HashMap<>();
        final Set<LedgerEntry.AccountKey> storedAccounts = new HashSet<>();
        final Set<LedgerEntry.AccountKey> touchedAccounts = new java.util.LinkedHashSet<>();
        final Map<DocumentKey, DocumentRow> documents = new HashMap<>();
        final Map<DocumentKey, DocumentRow> touchedDocuments = new LinkedHashMap<>();
        final Map<VoucherKey, LedgerEntry> vouchers = new HashMap<>();
        final Set<String> reversed = new HashSet<>();
        final Map<LedgerEntry.AccountKey, List<LedgerEntry>> later = new HashMap<>();
        final Map<UUID, Long> ledgerVersions = new HashMap<>();
        final Set<UUID> storedLedgers = new HashSet<>();
        final Map<UUID, FundProject> touchedProjects = new LinkedHashMap<>();
        final List<EntryRow> entries = new ArrayList<>();
        final List<Outbox.Pending> events = new ArrayList<>();
        final Map<EntryKind, Integer> counts = new EnumMap<>(EntryKind.class);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void importChunk(List<Chunk<FundImportRow>> rows) {
        LocalDate today = BusinessDate.today();
        FundLedger ledger = new FundLedger(today, () -> UUID.randomUUID().toString());
        boolean approver = identity.hasRole(Roles.FUND_APPROVER);

        // 1. the projects: by id, or by code; locked, then read; outside the region = not there
        Set<String> codes = new HashSet<>();
        rows.forEach(c -> {
            if (c.row().projectId() == null) {
                codes.add(c.row().projectCode());
            }
        });
        Map<String, List<UUID>> byCode = bulk.projectIdsByCode(codes);
        Set<UUID> candidates = new java.util.TreeSet<>();
        for (Chunk<FundImportRow> c : rows) {
            if (c.row().projectId() != null) {
                candidates.add(c.row().projectId());
            } else {
                candidates.addAll(byCode.getOrDefault(c.row().projectCode(), List.of()));
            }
        }
        // lock order as the API's: documents, then project replica rows (id order), then accounts (AccountKey order)
        Map<UUID, FundProject> unlocked = replicas.byIds(candidates);
        Set<DocumentKey> documentKeys = new HashSet<>();
        for (Chunk<FundImportRow> c : rows) {
            FundImportRow r = c.row();
            if (r.kind() == FundImportRow.Kind.ALLOCATION && r.documentNumber() != null) {
                List<UUID> ids = r.projectId() != null ? List.of(r.projectId()) : byCode.getOrDefault(r.projectCode(), List.of());
                ids.stream().map(unlocked::get).filter(p -> p != null).forEach(p -> documentKeys.add(documentKey(r, p)));
            }
        }
        State s = new State();
        s.documents.putAll(bulk.lockDocuments(documentKeys));
        bulk.lockProjects(candidates);
        Map<UUID, FundProject> projects = replicas.byIds(candidates);
        Map<Chunk<FundImportRow>, FundProject> projectOf = new IdentityHashMap<>();
        List<Chunk<FundImportRow>> alive = new ArrayList<>();
        for (Chunk<FundImportRow> c : rows) {
            FundImportRow r = c.row();
            List<UUID> ids = r.projectId() != null ? List.of(r.projectId()) : byCode.getOrDefault(r.projectCode(), List.of());
            List<FundProject> visible = ids.stream().map(projects::get)
                    .filter(p -> p != null && region.covers(p.regionCode())).toList();
            if (visible.size() == 1) {
                projectOf.put(c, visible.get(0));
                alive.add(c);
            } else if (visible.isEmpty()) {
                c.refuse(new ApiProblem(422, ApiProblem.TYPE_BASE + "unknown-project", "Unknown project",
                        "No such project in the library within your region.").withField(r.projectField(),
                        "is not a project of the library within your region"));
            } else {
                c.refuse(ApiProblem.validation("projectCode", "names several projects; give projectId"));
            }
        }

        // 2. documents, vouchers, accounts, ledgers and later entries of the rows, each in one statement
        Set<VoucherKey> voucherKeys = new HashSet<>();
        for (Chunk<FundImportRow> c : alive) {
            FundImportRow r = c.row();
            FundProject p = projectOf.get(c);
            if (r.voucherNumber() != null) {
                voucherKeys.add(new VoucherKey(p.countyCode(), r.voucherNumber().strip()));
            }
        }
        s.vouchers.putAll(bulk.vouchers(voucherKeys));
        List<String> toReverse = new ArrayList<>();
        Map<LedgerEntry.AccountKey, LocalDate> earliest = new HashMap<>();
        Set<LedgerEntry.AccountKey> accountKeys = new HashSet<>();
        for (Chunk<FundImportRow> c : alive) {
            FundImportRow r = c.row();
            FundProject p = projectOf.get(c);
            if (r.kind() == FundImportRow.Kind.REVERSAL) {
                LedgerEntry v = s.vouchers.get(new VoucherKey(p.countyCode(), r.voucherNumber().strip()));
                if (v != null) {
                    toReverse.add(v.id());
                    accountKeys.add(v.key());
                }
                continue;
            }
            LedgerEntry.AccountKey key = new LedgerEntry.AccountKey(p.id(), FundSource.parse(r.source(), "source"));
            accountKeys.add(key);
            if (r.kind() == FundImportRow.Kind.DISBURSEMENT || r.kind() == FundImportRow.Kind.REIMBURSEMENT) {
                earliest.merge(key, r.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        s.reversed.addAll(bulk.reversed(toReverse));
        for (StoredAccount a : bulk.lockAccounts(accountKeys).values()) {
            s.storedAccounts.add(a.key());
            s.accountVersions.put(a.key(), a.version());
            FundProject p = projects.get(UUID.fromString(a.key().projectId()));
            s.accounts.put(a.key(), new Account(a.key().projectId(), a.key().source(),
                    p == null ? null : p.budget(a.key().source()), a.allocated(), a.disbursed(), a.reimbursed()));
        }
        Set<UUID> projectIds = new java.util.TreeSet<>();
        projectOf.values().forEach(p -> projectIds.add(UUID.fromString(p.id())));
        bulk.lockLedgers(projectIds).forEach((id, v) -> {
            s.ledgerVersions.put(id, v);
            s.storedLedgers.add(id);
        });
        bulk.entriesAfter(earliest).forEach((k, list) -> s.later.put(k, new ArrayList<>(list)));

        // 3. every row in order, against the state and the rows before it
        for (Chunk<FundImportRow> c : alive) {
            FundImportRow r = c.row();
            FundProject p = projectOf.get(c);
            try {
                decide(ledger, today, approver, s, r, p, c);
            } catch (Refusal refusal) {
                c.refuse(problem(refusal, r));
            } catch (ApiProblem problem) {
                c.refuse(problem);
            }
        }

        // 4. write: documents, accounts, entries, ledgers; events; one audit line
        if (s.entries.isEmpty()) {
            return;
        }
        List<AccountRow> accounts = new ArrayList<>();
        for (LedgerEntry.AccountKey k : s.touchedAccounts) {
            Account a = s.accounts.get(k);
            FundProject p = s.touchedProjects.get(UUID.fromString(k.projectId()));
            accounts.add(new AccountRow(k, p.countyCode(), p.regionCode(), a.allocated(), a.disbursed(), a.reimbursed(),
                    s.accountVersions.get(k), !s.storedAccounts.contains(k)));
        }
        List<LedgerRow> ledgers = new ArrayList<>();
        s.touchedProjects.forEach((id, p) -> ledgers.add(new LedgerRow(id, p.countyCode(), s.ledgerVersions.get(id),
                !s.storedLedgers.contains(id))));
        bulk.write(List.copyOf(s.touchedDocuments.values()), accounts, s.entries, ledgers, audit.actor());
        outbox.appendAll(s.events);
        StringBuilder detail = new StringBuilder("imported ").append(s.entries.size()).append(" ledger entries (");
        s.counts.forEach((k, n) -> detail.append(k.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(n).append(", "));
        detail.setLength(detail.length() - 2);
        detail.append(") of ").append(s.touchedProjects.size()).append(" projects; first entry ").append(s.entries.get(0).entry().id());
        audit.record("fund.imported", "fund_ledger", UUID.randomUUID().toString(), region.prefix(), detail.toString());
    }

    /** One row decided against the state; on success the state holds its posting. */
    private void decide(FundLedger ledger, LocalDate today, boolean approver, State s, FundImportRow r, FundProject p,
                        Chunk<FundImportRow> c) {
        Posting posting;
        DocumentKey documentKey = null;
        boolean newDocument = false;
        LedgerEntry voucher = null;
        switch (r.kind()) {
            case ALLOCATION -> {
                if (r.documentNumber() == null) {
                    throw Refusal.invalid("documentNumber", "is required");
                }
                DocumentKey dk = documentKey(r, p);
                documentKey = dk;
                DocumentRow known = s.documents.get(dk);
                AllocationDocument doc;
                if (known == null) {
                    if (r.documentAmount() == null) {
                        throw Refusal.invalid("documentAmount", "is required when the document is first recorded");
                    }
                    doc = renamed(() -> AllocationDocument.create(UUID.randomUUID().toString(), new AllocationDocument.Input(
                            r.documentNumber(), r.date(), r.source(), r.year() == null ? r.date().getYear() : r.year(),
                            r.issuingRegion(), dk.receivingCounty(), r.documentAmount()), today), "amount", "documentAmount");
                    newDocument = true;
                } else {
                    doc = known.document();
                    newDocument = known.isNew();
                    if (r.documentAmount() != null && new java.math.BigDecimal(r.documentAmount()).compareTo(doc.amount().amount()) != 0) {
                        throw Refusal.unprocessable("document-differs", "Document recorded otherwise", "The document is recorded "
                                + "with another amount.", "documentAmount");
                    }
                    if (!doc.date().equals(r.date())) {
                        throw Refusal.unprocessable("document-differs", "Document recorded otherwise", "The document is recorded "
                                + "with another date.", "date");
                    }
                }
                LedgerEntry.AccountKey key = new LedgerEntry.AccountKey(p.id(), doc.source());
                Account acc = s.accounts.get(key);
                posting = ledger.allocate(doc, List.of(new FundLedger.LineInput(p.id(), r.source(), r.amount())), Map.of(p.id(), p),
                        acc == null ? Map.of() : Map.of(key, acc));
            }
            case DISBURSEMENT -> {
                LedgerEntry.AccountKey key = new LedgerEntry.AccountKey(p.id(), FundSource.parse(r.source(), "source"));
                posting = ledger.disburse(p, s.accounts.get(key), new FundLedger.DisbursementInput(r.source(), r.amount(),
                        r.paymentOrderNumber(), r.date()), later(s, key, r.date()));
            }
            case REIMBURSEMENT -> {
                LedgerEntry.AccountKey key = new LedgerEntry.AccountKey(p.id(), FundSource.parse(r.source(), "source"));
                boolean taken = s.vouchers.containsKey(new VoucherKey(p.countyCode(), r.voucherNumber() == null ? "" : r.voucherNumber().strip()));
                posting = ledger.reimburse(p, s.accounts.get(key), new FundLedger.ReimbursementInput(r.source(), r.amount(),
                        r.voucherNumber(), r.date(), r.expenseKind()), taken, later(s, key, r.date()));
            }
            case REVERSAL -> {
                if (!approver) {
                    throw new ApiProblem(403, ApiProblem.TYPE_BASE + "forbidden", "Forbidden",
                            "A reversal (红字冲销) needs the fund-approver role.").withField("kind",
                            "a reversal needs the fund-approver role; submit it as an approver");
                }
                voucher = s.vouchers.get(new VoucherKey(p.countyCode(), r.voucherNumber().strip()));
                if (voucher == null || !voucher.projectId().equals(p.id())) {
                    throw Refusal.unprocessable("unknown-voucher", "Unknown voucher", "The project has no voucher with this number.",
                            "voucherNumber");
                }
                if (r.source() != null && FundSource.parse(r.source(), "source") != voucher.source()) {
                    throw Refusal.invalid("source", "must be the voucher's source");
                }
                posting = ledger.reverse(p, s.accounts.get(voucher.key()), voucher, s.reversed.contains(voucher.id()),
                        new FundLedger.ReversalInput(r.reason(), r.date(), r.amount()));
            }
            default -> throw new IllegalStateException("kind " + r.kind());
        }
        // the posting stands: into the state
        UUID projectId = UUID.fromString(p.id());
        long version = s.ledgerVersions.getOrDefault(projectId, 0L) + 1;
        s.ledgerVersions.put(projectId, version);
        s.touchedProjects.put(projectId, p);
        for (Account a : posting.accounts()) {
            s.accounts.put(a.key(), a);
            s.accountVersions.merge(a.key(), 1L, Long::sum);
            s.touchedAccounts.add(a.key());
        }
        if (posting.document() != null) {
            DocumentRow before = s.documents.get(documentKey);
            DocumentRow after = new DocumentRow(posting.document(), (before == null ? 0 : before.version()) + 1, newDocument);
            s.documents.put(documentKey, after);
            s.touchedDocuments.put(documentKey, after);
        }
        for (LedgerEntry e : posting.entries()) {
            s.entries.add(new EntryRow(e, p.regionCode(), version));
            s.later.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
            s.counts.merge(e.kind(), 1, Integer::sum);
            if (e.kind() == EntryKind.REIMBURSEMENT) {
                s.vouchers.put(new VoucherKey(e.countyCode(), e.number()), e);
            }
        }
        if (voucher != null) {
            s.reversed.add(voucher.id());
        }
        for (Posting.ProjectEvent pe : posting.events()) {
            s.events.add(new Outbox.Pending(pe.projectId(), version, pe.regionCode(), pe.event()));
        }
        c.accept(UUID.fromString(posting.entries().get(0).id()));
    }

    /** The account's entries dated after the day (stored ones and the chunk's). */
    private static List<LedgerEntry> later(State s, LedgerEntry.AccountKey key, LocalDate day) {
        List<LedgerEntry> all = s.later.get(key);
        if (all == null || all.isEmpty() || day == null) {
            return List.of();
        }
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntry e : all) {
            if (e.date().isAfter(day)) {
                out.add(e);
            }
        }
        return out;
    }

    private static DocumentKey documentKey(FundImportRow r, FundProject p) {
        String county = r.receivingCounty() != null ? r.receivingCounty() : p.countyCode();
        return new DocumentKey(county, r.documentNumber().strip(), FundSource.parse(r.source(), "source"));
    }

    /** A domain decision whose refusal names a field the row calls otherwise. */
    private static <T> T renamed(Supplier<T> decision, String from, String to) {
        try {
            return decision.get();
        } catch (Refusal r) {
            List<Refusal.FieldError> errors = r.errors().stream()
                    .map(e -> e.field().equals(from) ? new Refusal.FieldError(to, e.message()) : e).toList();
            throw r.kind() == Refusal.Kind.INVALID ? Refusal.invalid(errors) : r;
        }
    }

    /** The refusal as the problem the report shows, its fields named as the row names them. */
    static ApiProblem problem(Refusal r, FundImportRow row) {
        ApiProblem p = new ApiProblem(r.status(), ApiProblem.TYPE_BASE + r.code(), r.title(), r.getMessage());
        for (Refusal.FieldError e : r.errors()) {
            p.withField(field(e.field(), row), e.message());
        }
        return p;
    }

    /** Fields of the API's commands → the row's: {@code lines[0].amount} → {@code amount}, a project → how the row named it. */
    static String field(String field, FundImportRow row) {
        String f = field.startsWith("lines[0].") ? field.substring("lines[0].".length()) : field;
        return switch (f) {
            case "lines" -> "amount";
            case "projectId", "toProjectId" -> row.projectField();
            case "voucherId" -> "voucherNumber";
            case "paymentDate", "voucherDate", "documentDate" -> "date";
            default -> f;
        };
    }
}
