package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side of the fund ledger (资金台账): read-only native SQL over {@code allocation_document},
 * {@code ledger_entry} and {@code project_replica} (V3 and V2 migrations). Nothing here decides anything: the service
 * filters by the caller's region and computes the figures with the domain ({@code LedgerAsOf}, {@code ProjectFunds});
 * this class only selects rows, and sums deltas by business date where loading every voucher would be wasteful.
 * "As of a day" is always {@code business_date <= day} (the domain's {@code LedgerAsOf.counts}).
 */
@ApplicationScoped
public class FundQueryRepository {

    /** One ledger entry as stored, with its project's code and, for an allocation, its document's number. */
    public record EntryRow(UUID id, String kind, UUID projectId, String projectCode, String source, String countyCode,
                           String regionCode, BigDecimal amount, LocalDate date, String number, UUID documentId,
                           String documentNumber, UUID referenceId, UUID counterpartProjectId, String reason,
                           String expenseKind, BigDecimal allocatedDelta, BigDecimal disbursedDelta,
                           BigDecimal reimbursedDelta, long ledgerVersion, Instant recordedAt, String recordedBy) {
    }

    /** One allocation document as stored ({@code lined} = Σ its lines now). */
    public record DocumentRow(UUID id, String documentNumber, LocalDate date, String source, int year,
                              String issuingRegion, String receivingCounty, BigDecimal amount, BigDecimal lined,
                              Instant createdAt, String createdBy) {
    }

    /** The sums of one project × source account's entries up to a day. */
    public record AccountSums(UUID projectId, BigDecimal allocated, BigDecimal disbursed, BigDecimal reimbursed) {
    }

    /**
     * Entry list filters, null = any. {@code regionPrefix} is already inside the caller's region ("" = national).
     *
     * @param year the project's year (项目年度) from the replica
     */
    public record EntryFilter(String regionPrefix, Integer year, String source, UUID projectId, UUID documentId,
                              String kind, LocalDate from, LocalDate to) {
    }

    /** Document list filters, null = any; {@code number} is a case-insensitive part of the document number. */
    public record DocumentFilter(String regionPrefix, Integer year, String source, String number, LocalDate from,
                                 LocalDate to) {
    }

    /** One page of rows and the count of all matching. */
    public record Rows<T>(List<T> items, long total) {
    }

    private static final String ENTRY_COLUMNS = """
            select e.id, e.kind, e.project_id, p.project_code, e.fund_source, e.county_code, e.region_code, e.amount,
                   e.business_date, e.number, e.document_id, d.document_number, e.reference_id, e.counterpart_project_id,
                   e.reason, e.expense_kind, e.allocated_delta, e.disbursed_delta, e.reimbursed_delta, e.ledger_version,
                   e.recorded_at, e.recorded_by
            """;
    private static final String ENTRY_FROM = """
            from ledger_entry e
            left join project_replica p on p.id = e.project_id
            left join allocation_document d on d.id = e.document_id
            """;
    private static final String DOCUMENT_COLUMNS = """
            select d.id, d.document_number, d.document_date, d.fund_source, d.budget_year, d.issuing_region,
                   d.receiving_county, d.amount, d.lined, d.created_at, d.created_by
            from allocation_document d
            """;

    /** Every entry of a project dated on or before the day (null = all), in ledger order (date, then recording). */
    public List<EntryRow> projectEntries(UUID projectId, LocalDate day) {
        Query q = em().createNativeQuery(ENTRY_COLUMNS + ENTRY_FROM + "where e.project_id = :project"
                        + (day == null ? "" : " and e.business_date <= :day")
                        + " order by e.business_date, e.recorded_at, e.ledger_version, e.id")
                .setParameter("project", projectId);
        if (day != null) {
            q.setParameter("day", day);
        }
        return entries(q);
    }

    /** The lines of a document (its ALLOCATION entries), in recording order. */
    public List<EntryRow> documentLines(UUID documentId) {
        return entries(em().createNativeQuery(ENTRY_COLUMNS + ENTRY_FROM
                        + "where e.document_id = :document and e.kind = 'ALLOCATION' order by e.recorded_at, e.id")
                .setParameter("document", documentId));
    }

    /**
     * The reversal entries, dated on or before the day, of these vouchers (by reversed entry id): a voucher reversed
     * later still counts on the day.
     */
    public Map<UUID, UUID> reversalsOf(Collection<UUID> voucherIds, LocalDate day) {
        if (voucherIds.isEmpty()) {
            return Map.of();
        }
        Query q = em().createNativeQuery("select reference_id, id from ledger_entry where kind = 'REVERSAL'"
                        + " and reference_id = any(cast(:ids as uuid[]))" + (day == null ? "" : " and business_date <= :day"))
                .setParameter("ids", voucherIds.toArray(UUID[]::new));
        if (day != null) {
            q.setParameter("day", day);
        }
        Map<UUID, UUID> out = new LinkedHashMap<>();
        for (Object[] r : rows(q)) {
            out.put((UUID) r[0], (UUID) r[1]);
        }
        return out;
    }

    /** The sums of the accounts of these projects in one source, by entries dated on or before the day (null = all). */
    public Map<UUID, AccountSums> accountSums(Collection<UUID> projectIds, String source, LocalDate day) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        Query q = em().createNativeQuery("""
                        select project_id, coalesce(sum(allocated_delta), 0), coalesce(sum(disbursed_delta), 0),
                               coalesce(sum(reimbursed_delta), 0)
                        from ledger_entry
                        where project_id = any(cast(:ids as uuid[])) and fund_source = :source"""
                        + (day == null ? "" : " and business_date <= :day") + " group by project_id")
                .setParameter("ids", projectIds.toArray(UUID[]::new))
                .setParameter("source", source);
        if (day != null) {
            q.setParameter("day", day);
        }
        Map<UUID, AccountSums> out = new LinkedHashMap<>();
        for (Object[] r : rows(q)) {
            out.put((UUID) r[0], new AccountSums((UUID) r[0], (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3]));
        }
        return out;
    }

    public Optional<DocumentRow> document(UUID id) {
        List<Object[]> r = rows(em().createNativeQuery(DOCUMENT_COLUMNS + "where d.id = :id").setParameter("id", id));
        return r.isEmpty() ? Optional.empty() : Optional.of(document(r.get(0)));
    }

    /** Documents received by counties under the prefix, newest document date first. */
    public Rows<DocumentRow> documents(DocumentFilter f, int page, int size) {
        Where w = new Where();
        w.add("d.receiving_county like :region", "region", f.regionPrefix() + "%");
        if (f.year() != null) {
            w.add("d.budget_year = :year", "year", f.year());
        }
        if (f.source() != null) {
            w.add("d.fund_source = :source", "source", f.source());
        }
        if (f.number() != null) {
            w.add("strpos(lower(d.document_number), lower(:number)) > 0", "number", f.number());
        }
        if (f.from() != null) {
            w.add("d.document_date >= :from", "from", f.from());
        }
        if (f.to() != null) {
            w.add("d.document_date <= :to", "to", f.to());
        }
        long total = w.count("select count(*) from allocation_document d");
        List<DocumentRow> items = new ArrayList<>();
        for (Object[] r : w.page(DOCUMENT_COLUMNS, " order by d.document_date desc, d.document_number, d.id", page, size)) {
            items.add(document(r));
        }
        return new Rows<>(items, total);
    }

    /** Entries of projects under the prefix (the project's region when recorded), newest business date first. */
    public Rows<EntryRow> entries(EntryFilter f, int page, int size) {
        Where w = new Where();
        w.add("e.region_code like :region", "region", f.regionPrefix() + "%");
        if (f.year() != null) {
            w.add("p.project_year = :year", "year", f.year());
        }
        if (f.source() != null) {
            w.add("e.fund_source = :source", "source", f.source());
        }
        if (f.projectId() != null) {
            w.add("e.project_id = :project", "project", f.projectId());
        }
        if (f.documentId() != null) {
            w.add("e.document_id = :document", "document", f.documentId());
        }
        if (f.kind() != null) {
            w.add("e.kind = :kind", "kind", f.kind());
        }
        if (f.from() != null) {
            w.add("e.business_date >= :from", "from", f.from());
        }
        if (f.to() != null) {
            w.add("e.business_date <= :to", "to", f.to());
        }
        long total = w.count("select count(*) " + ENTRY_FROM);
        List<EntryRow> items = new ArrayList<>();
        for (Object[] r : w.page(ENTRY_COLUMNS + ENTRY_FROM,
                " order by e.business_date desc, e.recorded_at desc, e.ledger_version desc, e.id desc", page, size)) {
            items.add(entry(r));
        }
        return new Rows<>(items, total);
    }

    /** A where clause built from the filters given, with its named parameters. */
    private final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        void add(String condition, String name, Object value) {
            conditions.add(condition);
            parameters.put(name, value);
        }

        private String clause() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        private Query bind(Query q) {
            parameters.forEach(q::setParameter);
            return q;
        }

        long count(String select) {
            return ((Number) bind(em().createNativeQuery(select + clause())).getSingleResult()).longValue();
        }

        List<Object[]> page(String select, String orderBy, int page, int size) {
            return rows(bind(em().createNativeQuery(select + clause() + orderBy))
                    .setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size));
        }
    }

    private static jakarta.persistence.EntityManager em() {
        return Panache.getEntityManager();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static List<EntryRow> entries(Query q) {
        List<EntryRow> out = new ArrayList<>();
        for (Object[] r : rows(q)) {
            out.add(entry(r));
        }
        return out;
    }

    private static EntryRow entry(Object[] r) {
        return new EntryRow((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (BigDecimal) r[7], date(r[8]), (String) r[9], (UUID) r[10], (String) r[11], (UUID) r[12],
                (UUID) r[13], (String) r[14], (String) r[15], (BigDecimal) r[16], (BigDecimal) r[17], (BigDecimal) r[18],
                ((Number) r[19]).longValue(), instant(r[20]), (String) r[21]);
    }

    private static DocumentRow document(Object[] r) {
        return new DocumentRow((UUID) r[0], (String) r[1], date(r[2]), (String) r[3], ((Number) r[4]).intValue(),
                (String) r[5], (String) r[6], (BigDecimal) r[7], (BigDecimal) r[8], instant(r[9]), (String) r[10]);
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
