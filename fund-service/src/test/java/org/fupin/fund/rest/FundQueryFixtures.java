package org.fupin.fund.rest;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.spi.CDI;
import org.fupin.fund.repository.ProjectReplicaRecord;
import org.fupin.fund.repository.ProjectReplicaRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ledger rows written straight into the V3 tables (as the write side stores them: entry + account totals + the project's
 * ledger version + a document's lined), and replica projects through {@link ProjectReplicaRepository#apply}. Each test
 * makes its own projects, documents and numbers (random tokens), so no test depends on another's data.
 */
final class FundQueryFixtures {
    private FundQueryFixtures() {
    }

    static final String CLERK = "fixture-clerk";

    /** A unique token for numbers and codes. */
    static String token() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Budget split from pairs: source, amount, source, amount … */
    static Map<String, BigDecimal> budget(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    /** A project in the replica (version 1). */
    static UUID project(String region, int year, String stage, Map<String, BigDecimal> budget) {
        UUID id = UUID.randomUUID();
        snapshot(id, region, year, stage, budget, 1);
        return id;
    }

    static String code(UUID project) {
        return "XM" + project.toString().substring(0, 8).toUpperCase();
    }

    /** A newer snapshot of the project (e.g. a budget cut by a project adjustment). */
    static void snapshot(UUID id, String region, int year, String stage, Map<String, BigDecimal> budget, long version) {
        ProjectReplicaRepository replica = CDI.current().select(ProjectReplicaRepository.class).get();
        QuarkusTransaction.requiringNew().run(() -> replica.apply(List.of(new ProjectReplicaRecord(id, code(id), region,
                "infrastructure", year, "first", stage, LocalDate.of(year, 1, 10), budget, LocalDate.of(year, 1, 10), version))));
    }

    static UUID document(String number, LocalDate date, String source, int year, String county, String amount) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
                        insert into allocation_document (id, document_number, document_date, fund_source, budget_year,
                               issuing_region, receiving_county, amount, created_by)
                        values (:id, :number, :date, :source, :year, :issuing, :county, cast(:amount as numeric), :by)""")
                .setParameter("id", id).setParameter("number", number).setParameter("date", date)
                .setParameter("source", source).setParameter("year", year).setParameter("issuing", county.substring(0, 2) + "0000000000")
                .setParameter("county", county).setParameter("amount", amount).setParameter("by", CLERK)
                .executeUpdate());
        return id;
    }

    /** A line of the document to the project (an ALLOCATION entry at the document's date). */
    static UUID line(UUID document, UUID project, String amount) {
        Object[] d = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager().createNativeQuery(
                        "select document_number, document_date, fund_source from allocation_document where id = :id")
                .setParameter("id", document).getSingleResult());
        LocalDate date = d[1] instanceof LocalDate l ? l : ((java.sql.Date) d[1]).toLocalDate();
        UUID entry = entry("ALLOCATION", project, (String) d[2], amount, date, (String) d[0], document, null, null, null, null,
                amount, "0", "0");
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "update allocation_document set lined = lined + cast(:amount as numeric), version = version + 1 where id = :id")
                .setParameter("amount", amount).setParameter("id", document).executeUpdate());
        return entry;
    }

    static UUID disburse(UUID project, String source, String amount, LocalDate date, String paymentOrder) {
        return entry("DISBURSEMENT", project, source, amount, date, paymentOrder, null, null, null, null, null, "0", amount, "0");
    }

    static UUID reimburse(UUID project, String source, String amount, LocalDate date, String voucher) {
        return entry("REIMBURSEMENT", project, source, amount, date, voucher, null, null, null, null, "materials (材料费)",
                "0", "0", amount);
    }

    /** 红字冲销 of a voucher entry: its whole amount, its number, dated on the reversal date. */
    static UUID reverse(UUID voucher, LocalDate date, String reason) {
        Object[] v = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager().createNativeQuery(
                        "select project_id, fund_source, cast(amount as varchar), number from ledger_entry where id = :id")
                .setParameter("id", voucher).getSingleResult());
        String amount = (String) v[2];
        return entry("REVERSAL", (UUID) v[0], (String) v[1], amount, date, (String) v[3], null, voucher, null, reason, null,
                "0", "0", "-" + amount);
    }

    /** 资金调整: both sides, sharing an adjustment id; returns {out, in}. */
    static UUID[] adjust(UUID from, UUID to, String source, String amount, LocalDate date, String documentNumber) {
        UUID adjustment = UUID.randomUUID();
        UUID out = entry("ADJUSTMENT_OUT", from, source, amount, date, documentNumber, null, adjustment, to, "moved to a ready project",
                null, "-" + amount, "0", "0");
        UUID in = entry("ADJUSTMENT_IN", to, source, amount, date, documentNumber, null, adjustment, from, "moved to a ready project",
                null, amount, "0", "0");
        return new UUID[]{out, in};
    }

    /** 结余资金收回: allocated − amount, disbursed − returned (the part the unit pays back). */
    static UUID recall(UUID project, String source, String amount, String returned, LocalDate date, String documentNumber) {
        return entry("RECALL", project, source, amount, date, documentNumber, null, null, null, null, null, "-" + amount,
                "-" + returned, "0");
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** One entry with the account, ledger version and the account's totals kept as the write side keeps them. */
    static UUID entry(String kind, UUID project, String source, String amount, LocalDate date, String number, UUID document,
                      UUID reference, UUID counterpart, String reason, String expenseKind, String allocated,
                      String disbursed, String reimbursed) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("""
                            insert into fund_account (project_id, fund_source, county_code, region_code)
                            select id, :source, substr(region_code, 1, 6) || '000000', region_code from project_replica where id = :p
                            on conflict do nothing""")
                    .setParameter("source", source).setParameter("p", project).executeUpdate();
            long version = ((Number) em.createNativeQuery("""
                            insert into project_ledger (project_id, county_code, version)
                            select id, substr(region_code, 1, 6) || '000000', 1 from project_replica where id = :p
                            on conflict (project_id) do update set version = project_ledger.version + 1
                            returning version""")
                    .setParameter("p", project).getSingleResult()).longValue();
            em.createNativeQuery("""
                            insert into ledger_entry (id, kind, project_id, fund_source, county_code, region_code, amount,
                                   business_date, number, document_id, reference_id, counterpart_project_id, reason, expense_kind,
                                   allocated_delta, disbursed_delta, reimbursed_delta, ledger_version, recorded_by)
                            select :id, :kind, :p, :source, a.county_code, a.region_code, cast(:amount as numeric), :date, :number,
                                   cast(:document as uuid), cast(:reference as uuid), cast(:counterpart as uuid), cast(:reason as varchar),
                                   cast(:expense as varchar), cast(:ad as numeric),
                                   cast(:dd as numeric), cast(:rd as numeric), :version, :by
                            from fund_account a where a.project_id = :p and a.fund_source = :source""")
                    .setParameter("id", id).setParameter("kind", kind).setParameter("p", project).setParameter("source", source)
                    .setParameter("amount", amount).setParameter("date", date).setParameter("number", number)
                    .setParameter("document", text(document)).setParameter("reference", text(reference))
                    .setParameter("counterpart", text(counterpart)).setParameter("reason", reason)
                    .setParameter("expense", expenseKind).setParameter("ad", allocated).setParameter("dd", disbursed)
                    .setParameter("rd", reimbursed).setParameter("version", version).setParameter("by", CLERK)
                    .executeUpdate();
            em.createNativeQuery("""
                            update fund_account a set allocated = s.al, disbursed = s.di, reimbursed = s.re, version = a.version + 1
                            from (select sum(allocated_delta) al, sum(disbursed_delta) di, sum(reimbursed_delta) re
                                  from ledger_entry where project_id = :p and fund_source = :source) s
                            where a.project_id = :p and a.fund_source = :source""")
                    .setParameter("p", project).setParameter("source", source).executeUpdate();
        });
        return id;
    }
}
