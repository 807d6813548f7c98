package org.fupin.fund.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.fupin.fund.domain.AllocationDocument;
import org.fupin.fund.domain.EntryKind;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.domain.LedgerEntry;
import org.fupin.platform.money.Money;
import org.hibernate.Session;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The fund ledger's tables read and written set-based, for a chunk of a bulk import (历史台账导入): one statement per
 * table and purpose whatever the number of rows, in the caller's transaction. The use case
 * ({@code FundImportService}) locks what it decides on in a fixed order — project replica rows (id order), allocation
 * documents (id order), accounts ({@link LedgerEntry.AccountKey} order), project ledgers (id order) — decides every row
 * in memory with the domain, then writes: new documents, lines taken, new and changed accounts (each once), the entries
 * (one {@code COPY}), the project ledger versions (each once). Rows new to a table are inserted plainly, never upserted:
 * one committed meanwhile by another transaction makes the chunk fail at the primary key or unique index, and the import
 * machinery runs it again, then seeing that row. Raw JDBC (not Panache) because batching and COPY are the point here, as
 * household-service's {@code HouseholdBulkRepository}.
 */
@ApplicationScoped
public class LedgerBulkRepository {

    @Inject
    EntityManager em;

    /** A document's key: number unique per receiving county and source. */
    public record DocumentKey(String receivingCounty, String documentNumber, FundSource source) {
    }

    /** A voucher's key: number unique per county. */
    public record VoucherKey(String countyCode, String number) {
    }

    /** An account as stored: its totals and version (the budget comes from the replica). */
    public record StoredAccount(LedgerEntry.AccountKey key, Money allocated, Money disbursed, Money reimbursed, long version) {
    }

    /** A new entry to insert, with what the domain's entry does not carry. */
    public record EntryRow(LedgerEntry entry, String regionCode, long ledgerVersion) {
    }

    /** An account after the chunk: totals, how many postings touched it, and whether it is new. */
    public record AccountRow(LedgerEntry.AccountKey key, String countyCode, String regionCode, Money allocated, Money disbursed,
                             Money reimbursed, long version, boolean isNew) {
    }

    /** A document after the chunk: new (inserted whole) or with its lines' sum changed. */
    public record DocumentRow(AllocationDocument document, long version, boolean isNew) {
    }

    /** A project's ledger version after the chunk. */
    public record LedgerRow(UUID projectId, String countyCode, long version, boolean isNew) {
    }

    private <T> T work(Work<T> w) {
        Object[] out = new Object[1];
        em.unwrap(Session.class).doWork(c -> out[0] = w.run(c));
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    // ------------------------------------------------------------------------------------------------ reads and locks

    /** Project ids by code (a code may name several projects in theory; all are returned). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, List<UUID>> projectIdsByCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return work(c -> {
            Map<String, List<UUID>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select project_code, id from project_replica where project_code = any(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", codes.stream().distinct().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Locks the projects' replica rows in id order until the transaction ends (the consumer cannot replace a budget
     * under an allocation meanwhile, as {@link ProjectReplicaRepository#lockById}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockProjects(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id from project_replica where id = any(?) order by id for update")) {
                ps.setArray(1, uuids(c, ids));
                ps.executeQuery().close();
            }
            return null;
        });
    }

    /** The documents with these keys, locked in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<DocumentKey, DocumentRow> lockDocuments(Collection<DocumentKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return work(c -> {
            Map<DocumentKey, DocumentRow> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select d.id, d.document_number, d.document_date, d.fund_source,"
                    + " d.budget_year, d.issuing_region, d.receiving_county, d.amount, d.lined, d.version"
                    + " from allocation_document d join unnest(?, ?, ?) as k(county, number, source)"
                    + " on d.receiving_county = k.county and d.document_number = k.number and d.fund_source = k.source"
                    + " order by d.id for update of d")) {
                List<DocumentKey> list = List.copyOf(keys);
                ps.setArray(1, c.createArrayOf("varchar", list.stream().map(DocumentKey::receivingCounty).toArray()));
                ps.setArray(2, c.createArrayOf("varchar", list.stream().map(DocumentKey::documentNumber).toArray()));
                ps.setArray(3, c.createArrayOf("varchar", list.stream().map(k -> k.source().code()).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FundSource source = FundSource.ofCode(rs.getString(4)).orElseThrow();
                        AllocationDocument d = new AllocationDocument(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                                rs.getObject(3, LocalDate.class), source, rs.getInt(5), rs.getString(6), rs.getString(7),
                                new Money(rs.getBigDecimal(8)), new Money(rs.getBigDecimal(9)));
                        out.put(new DocumentKey(d.receivingCounty(), d.documentNumber(), source), new DocumentRow(d, rs.getLong(10), false));
                    }
                }
            }
            return out;
        });
    }

    /** The vouchers (REIMBURSEMENT entries) with these county × number keys. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<VoucherKey, LedgerEntry> vouchers(Collection<VoucherKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return work(c -> {
            Map<VoucherKey, LedgerEntry> out = new HashMap<>();
            List<VoucherKey> list = List.copyOf(keys);
            try (PreparedStatement ps = c.prepareStatement("select " + ENTRY_COLUMNS + " from ledger_entry e"
                    + " join unnest(?, ?) as k(county, number) on e.county_code = k.county and e.number = k.number"
                    + " where e.kind = 'REIMBURSEMENT'")) {
                ps.setArray(1, c.createArrayOf("varchar", list.stream().map(VoucherKey::countyCode).toArray()));
                ps.setArray(2, c.createArrayOf("varchar", list.stream().map(VoucherKey::number).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LedgerEntry e = entry(rs);
                        out.put(new VoucherKey(e.countyCode(), e.number()), e);
                    }
                }
            }
            return out;
        });
    }

    /** Which of these vouchers (entry ids) have a reversal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> reversed(Collection<String> voucherIds) {
        if (voucherIds.isEmpty()) {
            return Set.of();
        }
        return work(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select reference_id from ledger_entry where kind = 'REVERSAL'"
                    + " and reference_id = any(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", voucherIds.stream().map(UUID::fromString).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class).toString());
                    }
                }
            }
            return out;
        });
    }

    /** The accounts with these keys, locked in {@link LedgerEntry.AccountKey} order (absent ones are left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<LedgerEntry.AccountKey, StoredAccount> lockAccounts(Collection<LedgerEntry.AccountKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<LedgerEntry.AccountKey> sorted = keys.stream().distinct().sorted().toList();
        return work(c -> {
            Map<LedgerEntry.AccountKey, StoredAccount> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select a.project_id, a.fund_source, a.allocated, a.disbursed,"
                    + " a.reimbursed, a.version from fund_account a join unnest(?, ?) with ordinality as k(project_id, source, ord)"
                    + " on a.project_id = k.project_id and a.fund_source = k.source order by k.ord for update of a")) {
                ps.setArray(1, c.createArrayOf("uuid", sorted.stream().map(k -> UUID.fromString(k.projectId())).toArray()));
                ps.setArray(2, c.createArrayOf("varchar", sorted.stream().map(k -> k.source().code()).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LedgerEntry.AccountKey key = new LedgerEntry.AccountKey(rs.getObject(1, UUID.class).toString(),
                                FundSource.ofCode(rs.getString(2)).orElseThrow());
                        out.put(key, new StoredAccount(key, new Money(rs.getBigDecimal(3)), new Money(rs.getBigDecimal(4)),
                                new Money(rs.getBigDecimal(5)), rs.getLong(6)));
                    }
                }
            }
            return out;
        });
    }

    /** The projects' ledger versions, locked in id order (projects without a ledger yet are left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Long> lockLedgers(Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        return work(c -> {
            Map<UUID, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select project_id, version from project_ledger where project_id = any(?)"
                    + " order by project_id for update")) {
                ps.setArray(1, uuids(c, projectIds));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** The entries of each account dated after its given day (for back-dated payments and vouchers). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<LedgerEntry.AccountKey, List<LedgerEntry>> entriesAfter(Map<LedgerEntry.AccountKey, LocalDate> from) {
        if (from.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<LedgerEntry.AccountKey, LocalDate>> list = List.copyOf(from.entrySet());
        return work(c -> {
            Map<LedgerEntry.AccountKey, List<LedgerEntry>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select " + ENTRY_COLUMNS + " from ledger_entry e"
                    + " join unnest(?, ?, ?) as k(project_id, source, day)"
                    + " on e.project_id = k.project_id and e.fund_source = k.source and e.business_date > cast(k.day as date)")) {
                ps.setArray(1, c.createArrayOf("uuid", list.stream().map(e -> UUID.fromString(e.getKey().projectId())).toArray()));
                ps.setArray(2, c.createArrayOf("varchar", list.stream().map(e -> e.getKey().source().code()).toArray()));
                ps.setArray(3, c.createArrayOf("varchar", list.stream().map(e -> e.getValue().toString()).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LedgerEntry e = entry(rs);
                        out.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
                    }
                }
            }
            return out;
        });
    }

    private static final String ENTRY_COLUMNS = "e.id, e.kind, e.project_id, e.fund_source, e.county_code, e.amount, e.business_date,"
            + " e.number, e.document_id, e.reference_id, e.counterpart_project_id, e.reason, e.expense_kind, e.allocated_delta,"
            + " e.disbursed_delta, e.reimbursed_delta";

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getObject(1, UUID.class).toString(), EntryKind.valueOf(rs.getString(2)),
                rs.getObject(3, UUID.class).toString(), FundSource.ofCode(rs.getString(4)).orElseThrow(), rs.getString(5),
                new Money(rs.getBigDecimal(6)), rs.getObject(7, LocalDate.class), rs.getString(8), text(rs.getObject(9, UUID.class)),
                text(rs.getObject(10, UUID.class)), text(rs.getObject(11, UUID.class)), rs.getString(12), rs.getString(13),
                new Money(rs.getBigDecimal(14)), new Money(rs.getBigDecimal(15)), new Money(rs.getBigDecimal(16)));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.stream().distinct().toArray());
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * Writes a decided chunk: new documents then changed ones, new accounts then changed ones (each once), the entries in
     * one COPY, the project ledgers (each once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<DocumentRow> documents, List<AccountRow> accounts, List<EntryRow> entries, List<LedgerRow> ledgers,
                      String actor) {
        if (entries.isEmpty()) {
            return;
        }
        work(c -> {
            writeDocuments(c, documents, actor);
            writeAccounts(c, accounts);
            copyEntries(c, entries, actor);
            writeLedgers(c, ledgers);
            return null;
        });
    }

    private static void writeDocuments(Connection c, List<DocumentRow> documents, String actor) throws SQLException {
        List<DocumentRow> fresh = documents.stream().filter(DocumentRow::isNew).toList();
        List<DocumentRow> changed = documents.stream().filter(d -> !d.isNew()).toList();
        if (!fresh.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into allocation_document (id, document_number, document_date,"
                    + " fund_source, budget_year, issuing_region, receiving_county, amount, lined, version, created_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DocumentRow r : fresh) {
                    AllocationDocument d = r.document();
                    ps.setObject(1, UUID.fromString(d.id()));
                    ps.setString(2, d.documentNumber());
                    ps.setObject(3, d.date());
                    ps.setString(4, d.source().code());
                    ps.setInt(5, d.year());
                    ps.setString(6, d.issuingRegion());
                    ps.setString(7, d.receivingCounty());
                    ps.setBigDecimal(8, d.amount().amount());
                    ps.setBigDecimal(9, d.lined().amount());
                    ps.setLong(10, r.version());
                    ps.setString(11, actor);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("update allocation_document d set lined = u.lined, version = u.version"
                    + " from unnest(?, ?, ?) as u(id, lined, version) where d.id = u.id")) {
                ps.setArray(1, c.createArrayOf("uuid", changed.stream().map(r -> UUID.fromString(r.document().id())).toArray()));
                ps.setArray(2, c.createArrayOf("numeric", changed.stream().map(r -> r.document().lined().amount()).toArray()));
                ps.setArray(3, c.createArrayOf("bigint", changed.stream().map(DocumentRow::version).toArray()));
                ps.executeUpdate();
            }
        }
    }

    private static void writeAccounts(Connection c, List<AccountRow> accounts) throws SQLException {
        List<AccountRow> fresh = accounts.stream().filter(AccountRow::isNew).sorted((a, b) -> a.key().compareTo(b.key())).toList();
        List<AccountRow> changed = accounts.stream().filter(a -> !a.isNew()).toList();
        if (!fresh.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into fund_account (project_id, fund_source, county_code, region_code,"
                    + " allocated, disbursed, reimbursed, version) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AccountRow a : fresh) {
                    ps.setObject(1, UUID.fromString(a.key().projectId()));
                    ps.setString(2, a.key().source().code());
                    ps.setString(3, a.countyCode());
                    ps.setString(4, a.regionCode());
                    ps.setBigDecimal(5, a.allocated().amount());
                    ps.setBigDecimal(6, a.disbursed().amount());
                    ps.setBigDecimal(7, a.reimbursed().amount());
                    ps.setLong(8, a.version());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("update fund_account a set allocated = u.allocated, disbursed = u.disbursed,"
                    + " reimbursed = u.reimbursed, version = u.version, updated_at = now()"
                    + " from unnest(?, ?, ?, ?, ?, ?) as u(project_id, source, allocated, disbursed, reimbursed, version)"
                    + " where a.project_id = u.project_id and a.fund_source = u.source")) {
                ps.setArray(1, c.createArrayOf("uuid", changed.stream().map(a -> UUID.fromString(a.key().projectId())).toArray()));
                ps.setArray(2, c.createArrayOf("varchar", changed.stream().map(a -> a.key().source().code()).toArray()));
                ps.setArray(3, c.createArrayOf("numeric", changed.stream().map(a -> a.allocated().amount()).toArray()));
                ps.setArray(4, c.createArrayOf("numeric", changed.stream().map(a -> a.disbursed().amount()).toArray()));
                ps.setArray(5, c.createArrayOf("numeric", changed.stream().map(a -> a.reimbursed().amount()).toArray()));
                ps.setArray(6, c.createArrayOf("bigint", changed.stream().map(AccountRow::version).toArray()));
                ps.executeUpdate();
            }
        }
    }

    private static final String ENTRY_INSERT_COLUMNS = "id, kind, project_id, fund_source, county_code, region_code, amount,"
            + " business_date, number, document_id, reference_id, counterpart_project_id, reason, expense_kind, allocated_delta,"
            + " disbursed_delta, reimbursed_delta, ledger_version, recorded_at, recorded_by";

    /** The entries in one COPY (CSV; every text quoted), or one JDBC batch where the connection offers no COPY. */
    private static void copyEntries(Connection c, List<EntryRow> entries, String actor) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now();
        PGConnection pg;
        try {
            pg = c.unwrap(PGConnection.class);
        } catch (SQLException e) {
            pg = null;
        }
        if (pg == null) {
            batchEntries(c, entries, actor, now);
            return;
        }
        StringBuilder csv = new StringBuilder(entries.size() * 300);
        for (EntryRow r : entries) {
            LedgerEntry e = r.entry();
            csv.append(e.id()).append(',').append(e.kind().name()).append(',').append(e.projectId()).append(',')
                    .append(e.source().code()).append(',').append(e.countyCode()).append(',').append(r.regionCode()).append(',')
                    .append(e.amount().amount().toPlainString()).append(',').append(e.date()).append(',');
            quoted(csv, e.number()).append(',');
            nullable(csv, e.documentId()).append(',');
            nullable(csv, e.referenceId()).append(',');
            nullable(csv, e.counterpartProjectId()).append(',');
            quoted(csv, e.reason()).append(',');
            quoted(csv, e.expenseKind()).append(',');
            csv.append(e.allocatedDelta().amount().toPlainString()).append(',')
                    .append(e.disbursedDelta().amount().toPlainString()).append(',')
                    .append(e.reimbursedDelta().amount().toPlainString()).append(',')
                    .append(r.ledgerVersion()).append(',').append(now).append(',');
            quoted(csv, actor).append('\n');
        }
        try {
            pg.getCopyAPI().copyIn("copy ledger_entry (" + ENTRY_INSERT_COLUMNS + ") from stdin with (format csv)",
                    new StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into ledger_entry failed", e);
        }
    }

    private static StringBuilder quoted(StringBuilder b, String text) {
        return text == null ? b : b.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private static StringBuilder nullable(StringBuilder b, String text) {
        return text == null ? b : b.append(text);
    }

    private static void batchEntries(Connection c, List<EntryRow> entries, String actor, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into ledger_entry (" + ENTRY_INSERT_COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EntryRow r : entries) {
                LedgerEntry e = r.entry();
                int i = 0;
                ps.setObject(++i, UUID.fromString(e.id()));
                ps.setString(++i, e.kind().name());
                ps.setObject(++i, UUID.fromString(e.projectId()));
                ps.setString(++i, e.source().code());
                ps.setString(++i, e.countyCode());
                ps.setString(++i, r.regionCode());
                ps.setBigDecimal(++i, e.amount().amount());
                ps.setObject(++i, e.date());
                ps.setString(++i, e.number());
                ps.setObject(++i, e.documentId() == null ? null : UUID.fromString(e.documentId()), java.sql.Types.OTHER);
                ps.setObject(++i, e.referenceId() == null ? null : UUID.fromString(e.referenceId()), java.sql.Types.OTHER);
                ps.setObject(++i, e.counterpartProjectId() == null ? null : UUID.fromString(e.counterpartProjectId()), java.sql.Types.OTHER);
                ps.setString(++i, e.reason());
                ps.setString(++i, e.expenseKind());
                ps.setBigDecimal(++i, e.allocatedDelta().amount());
                ps.setBigDecimal(++i, e.disbursedDelta().amount());
                ps.setBigDecimal(++i, e.reimbursedDelta().amount());
                ps.setLong(++i, r.ledgerVersion());
                ps.setObject(++i, now);
                ps.setString(++i, actor);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeLedgers(Connection c, List<LedgerRow> ledgers) throws SQLException {
        List<LedgerRow> fresh = ledgers.stream().filter(LedgerRow::isNew).sorted((a, b) -> a.projectId().compareTo(b.projectId())).toList();
        List<LedgerRow> changed = ledgers.stream().filter(l -> !l.isNew()).toList();
        if (!fresh.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into project_ledger (project_id, county_code, version) values (?, ?, ?)")) {
                for (LedgerRow l : fresh) {
                    ps.setObject(1, l.projectId());
                    ps.setString(2, l.countyCode());
                    ps.setLong(3, l.version());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!changed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("update project_ledger l set version = u.version"
                    + " from unnest(?, ?) as u(project_id, version) where l.project_id = u.project_id")) {
                ps.setArray(1, c.createArrayOf("uuid", changed.stream().map(LedgerRow::projectId).toArray()));
                ps.setArray(2, c.createArrayOf("bigint", changed.stream().map(LedgerRow::version).toArray()));
                ps.executeUpdate();
            }
        }
    }
}
