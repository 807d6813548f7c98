package org.fupin.fund;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.fupin.fund.repository.ProjectReplicaRecord;
import org.fupin.fund.repository.ProjectReplicaRepository;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Projects in the replica, request bodies and calls shared by the fund API tests. */
public final class FundFixtures {
    private FundFixtures() {
    }

    /** A village of county 522428 (Guizhou). */
    public static final String VILLAGE = "522428103201";
    public static final String COUNTY = "522428000000";
    /** A village of another county of the same province. */
    public static final String OTHER_COUNTY_VILLAGE = "522401001001";
    /** A village of another province (Yunnan). */
    public static final String OTHER_PROVINCE_VILLAGE = "530102001001";
    public static final String DOCUMENTS = "/api/v1/allocation-documents";

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    public static String clerk(String region) {
        return Tokens.bearer("fund-clerk-" + region, region, Roles.FUND_CLERK);
    }

    public static String approver(String region) {
        return Tokens.bearer("fund-approver-" + region, region, Roles.FUND_APPROVER);
    }

    public static String viewer(String region) {
        return Tokens.bearer("fund-viewer-" + region, region, Roles.FUND_VIEWER);
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    /** A POST with a fresh Idempotency-Key. */
    public static ValidatableResponse post(String token, String path, Object body) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path).then();
    }

    /** A project in the replica (as the project events would have put it), with its budget by source code. */
    public static UUID project(String region, String stage, String... sourceAmount) {
        Map<String, BigDecimal> budget = new TreeMap<>();
        for (int i = 0; i < sourceAmount.length; i += 2) {
            budget.put(sourceAmount[i], new BigDecimal(sourceAmount[i + 1]));
        }
        UUID id = UUID.randomUUID();
        ProjectReplicaRecord r = new ProjectReplicaRecord(id, "FX-" + id.toString().substring(0, 8).toUpperCase(), region,
                "village-infrastructure", today().getYear(), "first", stage, today().minusDays(60), budget,
                today().minusDays(60), 1);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(ProjectReplicaRepository.class).get().apply(List.of(r)));
        return id;
    }

    /** The same project with another stage or budget (a newer snapshot). */
    public static void restage(UUID id, String stage, long version, String... sourceAmount) {
        ProjectReplicaRepository repo = Arc.container().instance(ProjectReplicaRepository.class).get();
        ProjectReplicaRecord old = QuarkusTransaction.requiringNew().call(() -> repo.snapshot(id)).orElseThrow();
        Map<String, BigDecimal> budget = new TreeMap<>(old.budget());
        for (int i = 0; i < sourceAmount.length; i += 2) {
            budget.put(sourceAmount[i], new BigDecimal(sourceAmount[i + 1]));
        }
        ProjectReplicaRecord r = new ProjectReplicaRecord(id, old.projectCode(), old.regionCode(), old.category(),
                old.projectYear(), old.batch(), stage, today().minusDays(2), budget, today().minusDays(2), version);
        QuarkusTransaction.requiringNew().run(() -> repo.apply(List.of(r)));
    }

    public static String code(UUID project) {
        ProjectReplicaRepository repo = Arc.container().instance(ProjectReplicaRepository.class).get();
        return QuarkusTransaction.requiringNew().call(() -> repo.snapshot(project)).orElseThrow().projectCode();
    }

    /** A document body of county 522428, central money, dated 30 days ago. */
    public static Map<String, Object> document(String amount, Object... projectAmount) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("documentNumber", "黔财农〔" + today().getYear() + "〕" + UUID.randomUUID().toString().substring(0, 8) + "号");
        b.put("date", today().minusDays(30).toString());
        b.put("source", "central-budget");
        b.put("year", today().getYear());
        b.put("issuingRegion", "520000000000");
        b.put("receivingCounty", COUNTY);
        b.put("amount", amount);
        if (projectAmount.length > 0) {
            b.put("lines", lines(projectAmount));
        }
        return b;
    }

    public static List<Map<String, Object>> lines(Object... projectAmount) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < projectAmount.length; i += 2) {
            lines.add(Map.of("projectId", projectAmount[i].toString(), "amount", projectAmount[i + 1]));
        }
        return lines;
    }

    /** Allocates {@code amount} of central money to the project through a document of its own; returns the document id. */
    public static String allocated(UUID project, String amount) {
        return post(clerk("5224"), DOCUMENTS, document(amount, project, amount)).statusCode(201).extract().path("id");
    }

    public static Map<String, Object> disbursement(UUID project, String amount) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("projectId", project.toString());
        b.put("source", "central-budget");
        b.put("amount", amount);
        b.put("paymentOrderNumber", "PO-" + UUID.randomUUID().toString().substring(0, 8));
        b.put("date", today().minusDays(20).toString());
        return b;
    }

    public static Map<String, Object> reimbursement(UUID project, String amount) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("projectId", project.toString());
        b.put("source", "central-budget");
        b.put("amount", amount);
        b.put("voucherNumber", "V-" + UUID.randomUUID().toString().substring(0, 12));
        b.put("date", today().minusDays(10).toString());
        b.put("expenseKind", "工程款");
        return b;
    }

    public static String disbursed(UUID project, String amount) {
        return post(clerk("5224"), "/api/v1/disbursements", disbursement(project, amount)).statusCode(201).extract().path("id");
    }

    public static String reimbursed(UUID project, String amount) {
        return post(clerk("5224"), "/api/v1/reimbursements", reimbursement(project, amount)).statusCode(201).extract().path("id");
    }

    // ---- the stored ledger, read directly

    static AgroalDataSource db() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }

    /** {allocated, disbursed, reimbursed} of the account as stored, "none" when there is no row. */
    public static List<String> account(UUID project, String source) {
        return query("select allocated, disbursed, reimbursed from fund_account where project_id = ? and fund_source = ?",
                project, source);
    }

    /** {allocated, disbursed, reimbursed} as the sum of the account's entries. */
    public static List<String> sumOfEntries(UUID project, String source) {
        return query("select coalesce(sum(allocated_delta), 0.00), coalesce(sum(disbursed_delta), 0.00),"
                + " coalesce(sum(reimbursed_delta), 0.00) from ledger_entry where project_id = ? and fund_source = ?", project, source);
    }

    /** The stored totals equal the sum of the entries. */
    public static void assertConsistent(UUID project, String source) {
        List<String> stored = account(project, source);
        List<String> sums = sumOfEntries(project, source);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, new BigDecimal(sums.get(i)).compareTo(new BigDecimal(stored.get(i))),
                    "stored " + stored + " = sum of entries " + sums);
        }
    }

    public static long count(String sql, Object... params) {
        return Long.parseLong(query(sql, params).get(0));
    }

    public static List<String> query(String sql, Object... params) {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return List.of("none");
                }
                List<String> row = new java.util.ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
