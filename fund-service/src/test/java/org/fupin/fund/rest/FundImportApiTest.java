package org.fupin.fund.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.fund.repository.ProjectReplicaRecord;
import org.fupin.fund.repository.ProjectReplicaRepository;
import org.fupin.fund.service.FundCommands;
import org.fupin.fund.service.FundImportTable;
import org.fupin.fund.service.FundService;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk import of historical fund ledgers over the real PostgreSQL and Kafka: NDJSON, CSV with the office's Chinese
 * headers and the xlsx template; per-row errors (bad amount, unknown project, above the disbursed money, duplicate
 * voucher) while the good rows land; a reversal row; the same batch again is the same job; the submitter's region scopes
 * every row; and the set-based chunk path ends where the API's use cases, one command at a time, end.
 */
@QuarkusTest
class FundImportApiTest {

    static final String IMPORTS = "/api/v1/fund-imports";
    static final String COUNTY = "522428000000";
    static final String VILLAGE = "522428103201";
    static final String PROVINCE = "520000000000";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;
    @Inject
    ProjectReplicaRepository replica;
    @Inject
    FundService funds;
    @Inject
    CurrentIdentityAssociation identities;

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String clerk(String tag, String region) {
        return Tokens.bearer("fund-clerk-" + tag, region, Roles.FUND_CLERK);
    }

    static String approver(String tag, String region) {
        return Tokens.bearer("fund-approver-" + tag, region, Roles.FUND_APPROVER);
    }

    /** A project of the replica (as its events would have left it) with a central and a county budget. */
    UUID project(String code, String stage) {
        UUID id = UUID.randomUUID();
        ProjectReplicaRecord r = new ProjectReplicaRecord(id, code, VILLAGE, "village-infrastructure", 2021, "第一批", stage,
                LocalDate.of(2021, 2, 1), Map.of("central-budget", new BigDecimal("500000.00"), "county-budget", new BigDecimal("100000.00")),
                LocalDate.of(2021, 2, 1), 1);
        QuarkusTransaction.requiringNew().run(() -> replica.apply(List.of(r)));
        return id;
    }

    static Map<String, Object> submit(String token, String type, byte[] body) {
        return given().header("Authorization", token).contentType(type).body(body).post(IMPORTS)
                .then().statusCode(202).extract().as(Map.class);
    }

    static Map<String, Object> finished(String token, Object job) {
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                given().header("Authorization", token).get(IMPORTS + "/" + job).then().extract().path("state")));
        return given().header("Authorization", token).get(IMPORTS + "/" + job).then().statusCode(200).extract().as(Map.class);
    }

    static List<Map<String, Object>> errors(String token, Object job) {
        return given().header("Authorization", token).get(IMPORTS + "/" + job + "/errors").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static ObjectNode line(String kind, String code) {
        ObjectNode o = JSON.createObjectNode().put("kind", kind);
        if (code != null) {
            o.put("projectCode", code);
        }
        return o;
    }

    static ObjectNode allocation(String code, String amount, String document, String documentAmount, String date) {
        ObjectNode o = line("allocation", code).put("source", "central-budget").put("amount", amount).put("date", date)
                .put("documentNumber", document).put("issuingRegion", PROVINCE);
        if (documentAmount != null) {
            o.put("documentAmount", documentAmount);
        }
        return o;
    }

    static ObjectNode disbursement(String code, String amount, String order, String date) {
        return line("disbursement", code).put("source", "central-budget").put("amount", amount).put("paymentOrderNumber", order)
                .put("date", date);
    }

    static ObjectNode reimbursement(String code, String amount, String voucher, String date) {
        return line("reimbursement", code).put("source", "central-budget").put("amount", amount).put("voucherNumber", voucher)
                .put("date", date).put("expenseKind", "工程款");
    }

    static ObjectNode reversal(String code, String voucher, String date) {
        return line("reversal", code).put("voucherNumber", voucher).put("date", date).put("reason", "凭证金额录入错误");
    }

    static byte[] ndjson(List<ObjectNode> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** allocated, disbursed, reimbursed of the project's central-budget account, or null when it has none. */
    List<String> account(UUID project, String source) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select allocated, disbursed, reimbursed, version from fund_account"
                     + " where project_id = ? and fund_source = ?")) {
            ps.setObject(1, project);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(rs.getBigDecimal(1).toPlainString(), rs.getBigDecimal(2).toPlainString(),
                        rs.getBigDecimal(3).toPlainString(), Long.toString(rs.getLong(4))) : null;
            }
        }
    }

    /** The project's entries in ledger order: kind, amount, date, number, ledger version. */
    List<String> entries(UUID project) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select kind, fund_source, amount, business_date, number, ledger_version,"
                     + " allocated_delta, disbursed_delta, reimbursed_delta, (reference_id is not null) from ledger_entry"
                     + " where project_id = ? order by ledger_version, kind")) {
            ps.setObject(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString() + " " + rs.getString(4)
                            + " " + rs.getString(5) + " v" + rs.getLong(6) + " "
                            + rs.getBigDecimal(7).toPlainString() + "/" + rs.getBigDecimal(8).toPlainString() + "/"
                            + rs.getBigDecimal(9).toPlainString() + (rs.getBoolean(10) ? " ref" : ""));
                }
            }
        }
        return out;
    }

    /** The project's outbox events: type and aggregate version, in publication order. */
    List<String> events(UUID project) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select event_type, aggregate_version from outbox_event where aggregate_id = ?"
                     + " order by seq")) {
            ps.setString(1, project.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "@" + rs.getLong(2));
                }
            }
        }
        return out;
    }

    String documentLined(String number) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select amount, lined from allocation_document where document_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1).toPlainString() + "/" + rs.getBigDecimal(2).toPlainString() : null;
            }
        }
    }

    @Test
    void ndjsonLedgerLandsRowByRowWithErrorsForTheBadRowsAndTheSameBatchIsTheSameJob() throws Exception {
        String t = tag();
        String p1 = "FI-" + t + "-1";
        String p2 = "FI-" + t + "-2";
        UUID id1 = project(p1, "UNDER_CONSTRUCTION");
        UUID id2 = project(p2, "UNDER_CONSTRUCTION");
        String doc = "黔财农〔2021〕" + t + "号";
        ObjectNode numberAmount = reimbursement(p1, "1", t + "-V9", "2021-05-03");
        numberAmount.put("amount", 100);
        byte[] body = ndjson(List.of(
                allocation(p1, "100000.00", doc, "150000.00", "2021-03-01"),            // 1
                allocation(p2, "50000.00", doc, null, "2021-03-01"),                    // 2 the same document, first seen in row 1
                disbursement(p1, "80000.00", t + "-BF1", "2021-04-01"),                 // 3
                reimbursement(p1, "30000.00", t + "-V1", "2021-05-01"),                 // 4
                reimbursement(p1, "12.345", t + "-V2", "2021-05-02"),                   // 5 bad amount
                reimbursement("FI-" + t + "-NONE", "10.00", t + "-V3", "2021-05-02"),   // 6 unknown project
                reimbursement(p1, "60000.00", t + "-V4", "2021-05-02"),                 // 7 above the disbursed money
                reimbursement(p1, "10000.00", t + "-V1", "2021-05-02"),                 // 8 duplicate voucher
                reversal(p1, t + "-V1", "2021-06-01"),                                  // 9 红字冲销 of row 4
                reimbursement(p1, "20000.00", t + "-V5", "2021-06-02"),                 // 10
                numberAmount));                                                          // 11 amount as a JSON number
        String approver = approver(t, "522428");
        Map<String, Object> submitted = submit(approver, ImportFormat.NDJSON_TYPE, body);
        Map<String, Object> job = finished(approver, submitted.get("jobId"));
        assertEquals(List.of(11, 11, 6, 5), List.of(job.get("total"), job.get("processed"), job.get("accepted"), job.get("rejected")));
        Map<Integer, String> fields = new LinkedHashMap<>();
        errors(approver, submitted.get("jobId")).forEach(e -> fields.put((Integer) e.get("row"), (String) e.get("field")));
        assertEquals(Map.of(5, "amount", 6, "projectCode", 7, "amount", 8, "voucherNumber", 11, "amount"), fields);

        assertEquals(List.of("100000.00", "80000.00", "20000.00", "5"), account(id1, "central-budget"));
        assertEquals(List.of("50000.00", "0.00", "0.00", "1"), account(id2, "central-budget"));
        assertEquals("150000.00/150000.00", documentLined(doc));
        List<String> e1 = entries(id1);
        assertEquals(5, e1.size(), e1.toString());
        assertTrue(e1.get(3).startsWith("REVERSAL central-budget 30000.00 2021-06-01") && e1.get(3).endsWith("ref"), e1.toString());
        assertEquals(List.of("fund.allocated.v1@1", "fund.disbursed.v1@2", "fund.reimbursed.v1@3",
                "fund.reimbursement-reversed.v1@4", "fund.reimbursed.v1@5"), events(id1));

        // the same batch again: the same job, nothing twice
        Map<String, Object> again = submit(approver, ImportFormat.NDJSON_TYPE, body);
        assertEquals(submitted.get("jobId"), again.get("jobId"));
        assertEquals(true, again.get("alreadySubmitted"));
        assertEquals(5, entries(id1).size());
    }

    @Test
    void csvWithTheOfficesChineseHeadersAndAClerksReversalRowIsRefusedAlone() throws Exception {
        String t = tag();
        String p = "FC-" + t;
        UUID id = project(p, "UNDER_CONSTRUCTION");
        String csv = "业务类型,项目编号,资金来源,金额（元）,日期,文号,文件金额（元）,资金年度,下达单位区划代码,拨付单号,凭证号,支出类别,冲销原因\n"
                + "资金下达," + p + ",县级财政资金,\"60,000.00\",2021/3/5,县财〔2021〕" + t + "号,\"100,000.00\",2021,522428000000,,,,\n"
                + "拨付," + p + ",县级财政资金,40000.00,2021年4月2日,,,,," + t + "-BF,,,\n"
                + "报账," + p + ",县级财政资金,25000.50,2021-05-06,,,,,," + t + "-PZ1,材料费,\n"
                + "红字冲销," + p + ",,,2021-05-20,,,,,," + t + "-PZ1,,录入错误\n";
        String clerk = clerk(t, "5224");
        Map<String, Object> submitted = submit(clerk, ImportFormat.CSV_TYPE, csv.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> job = finished(clerk, submitted.get("jobId"));
        assertEquals(List.of(4, 3, 1), List.of(job.get("total"), job.get("accepted"), job.get("rejected")));
        List<Map<String, Object>> errors = errors(clerk, submitted.get("jobId"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(5, errors.get(0).get("row"));
        assertEquals("kind", errors.get(0).get("field"));
        assertEquals(List.of("60000.00", "40000.00", "25000.50", "3"), account(id, "county-budget"));
    }

    @Test
    void theXlsxTemplateFilledInImportsEveryKindOfLine() throws Exception {
        String t = tag();
        String p = "FX-" + t;
        UUID id = project(p, "UNDER_CONSTRUCTION");
        String approver = approver(t, "522428");
        byte[] template = given().header("Authorization", approver).get(IMPORTS + "/template.xlsx").then().statusCode(200)
                .extract().asByteArray();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> labels = new ArrayList<>();
            sheet.getRow(0).forEach(c -> labels.add(c.getStringCellValue()));
            assertTrue(labels.containsAll(List.of("业务类型", "项目编号", "资金来源", "金额（元）", "文号", "日期", "凭证号", "支出类别")),
                    labels.toString());
            assertEquals(FundImportTable.COLUMNS.size(), labels.size());
            for (int r = 1; r <= 4; r++) { // the four examples, with this test's project, document and voucher
                Row row = sheet.getRow(r);
                row.getCell(labels.indexOf("项目编号")).setCellValue(p);
                if (!row.getCell(labels.indexOf("文号")).getStringCellValue().isEmpty()) {
                    row.getCell(labels.indexOf("文号")).setCellValue("黔财农〔2019〕" + t + "号");
                }
                if (!row.getCell(labels.indexOf("凭证号")).getStringCellValue().isEmpty()) {
                    row.getCell(labels.indexOf("凭证号")).setCellValue(t + "-PZ");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        Map<String, Object> submitted = submit(approver, ImportFormat.XLSX_TYPE, filled);
        Map<String, Object> job = finished(approver, submitted.get("jobId"));
        assertEquals(List.of(4, 4, 0), List.of(job.get("total"), job.get("accepted"), job.get("rejected")),
                errors(approver, submitted.get("jobId")).toString());
        assertEquals(List.of("200000.00", "150000.00", "0.00", "4"), account(id, "central-budget"));
        assertEquals("1000000.00/200000.00", documentLined("黔财农〔2019〕" + t + "号"));
    }

    @Test
    void rowsRunInTheSubmittersRegion() throws Exception {
        String t = tag();
        String p = "FR-" + t;
        UUID id = project(p, "UNDER_CONSTRUCTION");
        String outsider = clerk(t, "5301");
        Map<String, Object> submitted = submit(outsider, ImportFormat.NDJSON_TYPE, ndjson(List.of(
                allocation(p, "1000.00", "滇财〔2021〕" + t + "号", "1000.00", "2021-03-01"),
                line("allocation", null).put("projectId", id.toString()).put("source", "central-budget").put("amount", "1.00")
                        .put("date", "2021-03-01").put("documentNumber", "X" + t).put("documentAmount", "1.00")
                        .put("issuingRegion", PROVINCE))));
        Map<String, Object> job = finished(outsider, submitted.get("jobId"));
        assertEquals(List.of(2, 0, 2), List.of(job.get("total"), job.get("accepted"), job.get("rejected")));
        List<Map<String, Object>> errors = errors(outsider, submitted.get("jobId"));
        assertEquals(List.of("projectCode", "projectId"), errors.stream().map(e -> e.get("field")).toList());
        assertEquals(null, account(id, "central-budget"));
        // the job is invisible from another region
        given().header("Authorization", clerk(t, "5224")).get(IMPORTS + "/" + submitted.get("jobId")).then().statusCode(404);
        // a viewer may not submit
        given().header("Authorization", Tokens.bearer("viewer-" + t, "5224", Roles.FUND_VIEWER)).contentType(ImportFormat.NDJSON_TYPE)
                .body("{}\n".getBytes(StandardCharsets.UTF_8)).post(IMPORTS).then().statusCode(403);
    }

    /**
     * The same ledger lines through the import's set-based chunks and through the API's use cases one command at a time
     * (FundService, as the resources call it) end with the same accounts, documents, entries, versions and events, and
     * refuse the same lines.
     */
    @Test
    void theChunkPathEndsWhereTheUseCasesOneAtATimeEnd() throws Exception {
        String t = tag();
        List<UUID> chunked = new ArrayList<>();
        List<UUID> single = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chunked.add(project("FK-" + t + "-" + i, i == 3 ? "CANCELLED" : "UNDER_CONSTRUCTION"));
            single.add(project("FS-" + t + "-" + i, i == 3 ? "CANCELLED" : "UNDER_CONSTRUCTION"));
        }
        // a ledger with back-dated payments, refusals of every kind and a reversal, over four projects
        record Step(String kind, int project, String amount, String number, String date) {
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("allocation", 0, "300000.00", "DOC1", "2021-03-01"));
        steps.add(new Step("allocation", 1, "150000.00", "DOC1", "2021-03-01"));
        steps.add(new Step("allocation", 2, "60000.00", "DOC1", "2021-03-01"));  // above the document (500000): refused
        steps.add(new Step("allocation", 3, "1000.00", "DOC2", "2021-03-02"));   // cancelled project: refused
        steps.add(new Step("allocation", 2, "50000.00", "DOC1", "2021-03-01"));
        steps.add(new Step("allocation", 0, "250000.00", "DOC2", "2021-03-02")); // above the budget (500000): refused
        steps.add(new Step("disbursement", 0, "200000.00", "BF1", "2021-05-01"));
        steps.add(new Step("disbursement", 0, "50000.00", "BF2", "2021-04-01"));  // back-dated, covered
        steps.add(new Step("disbursement", 1, "160000.00", "BF3", "2021-05-01")); // above the allocated money: refused
        steps.add(new Step("disbursement", 1, "100000.00", "BF4", "2021-05-01"));
        steps.add(new Step("reimbursement", 0, "120000.00", "V1", "2021-05-10"));
        steps.add(new Step("reimbursement", 0, "100000.00", "V2", "2021-04-15")); // back-dated: only 50000 paid then: refused
        steps.add(new Step("reimbursement", 0, "40000.00", "V3", "2021-04-15"));
        steps.add(new Step("reimbursement", 1, "100000.00", "V1", "2021-05-11")); // duplicate voucher in the county: refused
        steps.add(new Step("reimbursement", 1, "99999.99", "V4", "2021-05-11"));
        steps.add(new Step("reversal", 0, null, "V1", "2021-06-01"));
        steps.add(new Step("reversal", 0, null, "V1", "2021-06-02"));            // reversed twice: refused
        steps.add(new Step("reimbursement", 0, "130000.00", "V5", "2021-06-03"));
        steps.add(new Step("reimbursement", 2, "1.00", "V6", "2021-06-03"));     // nothing disbursed: refused
        steps.add(new Step("disbursement", 2, "50000.00", "BF5", "2021-06-04"));

        // 1. the import, one job (one chunk)
        List<ObjectNode> lines = new ArrayList<>();
        for (Step s : steps) {
            String code = "FK-" + t + "-" + s.project();
            String n = t + "-K-" + s.number();
            lines.add(switch (s.kind()) {
                case "allocation" -> allocation(code, s.amount(), n, "500000.00", s.date());
                case "disbursement" -> disbursement(code, s.amount(), n, s.date());
                case "reimbursement" -> reimbursement(code, s.amount(), n, s.date());
                default -> reversal(code, n, s.date());
            });
        }
        String approver = approver(t, "522428");
        Map<String, Object> submitted = submit(approver, ImportFormat.NDJSON_TYPE, ndjson(lines));
        finished(approver, submitted.get("jobId"));
        TreeSet<Integer> refusedByImport = new TreeSet<>();
        errors(approver, submitted.get("jobId")).forEach(e -> refusedByImport.add((Integer) e.get("row") - 1));

        // 2. the use cases, one command at a time, as the submitter
        TreeSet<Integer> refusedOneByOne = new TreeSet<>();
        Map<Integer, String> why = new LinkedHashMap<>();
        asApprover(t, () -> {
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                UUID project = single.get(s.project());
                String n = t + "-S-" + s.number();
                try {
                    switch (s.kind()) {
                        case "allocation" -> {
                            var line = List.of(new FundCommands.Line(project, s.amount()));
                            var known = funds.documentId(COUNTY, n, "central-budget");
                            if (known.isPresent()) {
                                funds.addLines(known.get(), new FundCommands.Lines(line), null);
                            } else {
                                funds.recordDocument(new FundCommands.Document(n, LocalDate.parse(s.date()), "central-budget", 2021,
                                        PROVINCE, COUNTY, "500000.00", line), null);
                            }
                        }
                        case "disbursement" -> funds.disburse(new FundCommands.Disbursement(project, "central-budget", s.amount(), n,
                                LocalDate.parse(s.date())), null);
                        case "reimbursement" -> funds.reimburse(new FundCommands.Reimbursement(project, "central-budget", s.amount(),
                                n, LocalDate.parse(s.date()), "工程款"), null);
                        default -> funds.reverse(funds.voucherId(COUNTY, n).orElseThrow(() -> new IllegalStateException(why.toString())),
                                new FundCommands.Reversal("凭证金额录入错误", LocalDate.parse(s.date()), null), null);
                    }
                } catch (ApiProblem refused) {
                    refusedOneByOne.add(i);
                    why.put(i, refused.status() + " " + refused.getMessage());
                }
            }
            return null;
        });

        assertEquals(refusedOneByOne, refusedByImport, why.toString());
        assertEquals(List.of(2, 3, 5, 8, 11, 13, 16, 18), List.copyOf(refusedByImport));
        for (int i = 0; i < 4; i++) {
            assertEquals(account(single.get(i), "central-budget"), account(chunked.get(i), "central-budget"), "project " + i);
            assertEquals(entries(single.get(i)).stream().map(e -> e.replace(t + "-S-", "")).toList(),
                    entries(chunked.get(i)).stream().map(e -> e.replace(t + "-K-", "")).toList(), "project " + i);
            assertEquals(events(single.get(i)), events(chunked.get(i)), "project " + i);
        }
        assertEquals(documentLined(t + "-S-DOC1"), documentLined(t + "-K-DOC1"));
        assertEquals(documentLined(t + "-S-DOC2"), documentLined(t + "-K-DOC2"));
    }

    /** Runs the work as an approver of the county, as an import job runs its rows. */
    private <T> T asApprover(String tag, Supplier<T> work) {
        ManagedContext requests = Arc.container().requestContext();
        boolean active = requests.isActive();
        if (!active) {
            requests.activate();
        }
        try {
            identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("fund-approver-" + tag))
                    .addRole(Roles.FUND_APPROVER).addAttribute(RegionScope.ATTRIBUTE, "522428").build());
            return work.get();
        } finally {
            if (!active) {
                requests.terminate();
            }
        }
    }
}
