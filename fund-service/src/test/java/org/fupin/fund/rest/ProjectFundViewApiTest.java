package org.fupin.fund.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.fupin.fund.FundFixtures;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fupin.fund.rest.FundQueryFixtures.budget;
import static org.fupin.fund.rest.FundQueryFixtures.code;
import static org.fupin.fund.rest.FundQueryFixtures.disburse;
import static org.fupin.fund.rest.FundQueryFixtures.document;
import static org.fupin.fund.rest.FundQueryFixtures.line;
import static org.fupin.fund.rest.FundQueryFixtures.project;
import static org.fupin.fund.rest.FundQueryFixtures.reimburse;
import static org.fupin.fund.rest.FundQueryFixtures.reverse;
import static org.fupin.fund.rest.FundQueryFixtures.snapshot;
import static org.fupin.fund.rest.FundQueryFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/v1/fund-projects/{projectId}?asOf=}: a project's fund ledger over real PostgreSQL, with ledger rows
 * stored as the write side stores them. Every figure is checked to the cent against hand-computed values.
 */
@QuarkusTest
class ProjectFundViewApiTest {

    static final String PATH = "/api/v1/fund-projects/";
    static final String VILLAGE = "522428103201";
    static final String COUNTY = "522428000000";

    static RequestSpecification as(String region, String... roles) {
        return given().header("Authorization", Tokens.bearer("fund-reader", region, roles));
    }

    static RequestSpecification viewer(String region) {
        return as(region, Roles.FUND_VIEWER);
    }

    static ValidatableResponse view(UUID project, String asOf) {
        return viewer("5224").get(PATH + project + (asOf == null ? "" : "?asOf=" + asOf)).then()
                .statusCode(200).contentType("application/json");
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void figuresPerSourceAndTotalWithBothRatesAndEveryEntryWithItsDocument() {
        String t = token();
        UUID p = project(VILLAGE, 2021, "UNDER_CONSTRUCTION",
                budget("central-budget", "100000.00", "county-budget", "50000.00", "self-raised", "20000.00"));
        String centralNumber = "黔财农〔2021〕" + t + "号";
        UUID central = document(centralNumber, d("2021-03-01"), "central-budget", 2021, COUNTY, "200000.00");
        UUID county = document("X财农〔2021〕" + t + "号", d("2021-04-01"), "county-budget", 2021, COUNTY, "50000.00");
        UUID line1 = line(central, p, "80000.00");
        line(county, p, "50000.00");
        disburse(p, "central-budget", "60000.00", d("2021-05-10"), "ZF-" + t + "-1");
        disburse(p, "county-budget", "20000.00", d("2021-05-12"), "ZF-" + t + "-2");
        reimburse(p, "central-budget", "30000.00", d("2021-06-01"), "PZ-" + t + "-1");
        reimburse(p, "central-budget", "5000.55", d("2021-06-02"), "PZ-" + t + "-2");
        reimburse(p, "county-budget", "10000.00", d("2021-06-03"), "PZ-" + t + "-3");

        view(p, null)
                .body("projectId", equalTo(p.toString()))
                .body("projectCode", equalTo(code(p)))
                .body("regionCode", equalTo(VILLAGE))
                .body("countyCode", equalTo(COUNTY))
                .body("year", equalTo(2021))
                .body("stage", equalTo("UNDER_CONSTRUCTION"))
                .body("cancelled", equalTo(false))
                .body("inOverrun", equalTo(false))
                .body("asOf", nullValue())
                .body("sources.source", contains("central-budget", "county-budget", "self-raised"))
                // central: 拨付率 60000 ÷ 80000, 资金使用率 35000.55 ÷ 80000 = 43.75068… → 43.75
                .body("sources[0].governmentLevel", equalTo("central"))
                .body("sources[0].budget", equalTo("100000.00"))
                .body("sources[0].allocated", equalTo("80000.00"))
                .body("sources[0].disbursed", equalTo("60000.00"))
                .body("sources[0].reimbursed", equalTo("35000.55"))
                .body("sources[0].balance", equalTo("44999.45"))
                .body("sources[0].undisbursed", equalTo("20000.00"))
                .body("sources[0].unreimbursed", equalTo("24999.45"))
                .body("sources[0].overrun", equalTo("0.00"))
                .body("sources[0].disbursementRate.numerator", equalTo("60000.00"))
                .body("sources[0].disbursementRate.denominator", equalTo("80000.00"))
                .body("sources[0].disbursementRate.percent", equalTo("75.00"))
                .body("sources[0].disbursementRate.defined", equalTo(true))
                .body("sources[0].utilisationRate.numerator", equalTo("35000.55"))
                .body("sources[0].utilisationRate.percent", equalTo("43.75"))
                .body("sources[1].allocated", equalTo("50000.00"))
                .body("sources[1].disbursementRate.percent", equalTo("40.00"))
                .body("sources[1].utilisationRate.percent", equalTo("20.00"))
                // a budget without money yet: zeros, both rates undefined (denominator 0), not 0 %
                .body("sources[2].budget", equalTo("20000.00"))
                .body("sources[2].allocated", equalTo("0.00"))
                .body("sources[2].balance", equalTo("0.00"))
                .body("sources[2].disbursementRate.denominator", equalTo("0.00"))
                .body("sources[2].disbursementRate.percent", nullValue())
                .body("sources[2].disbursementRate.defined", equalTo(false))
                .body("sources[2].utilisationRate.defined", equalTo(false))
                // total: 80000 ÷ 130000 = 61.538… → 61.54; 45000.55 ÷ 130000 = 34.6158… → 34.62
                .body("total.source", nullValue())
                .body("total.budget", equalTo("170000.00"))
                .body("total.allocated", equalTo("130000.00"))
                .body("total.disbursed", equalTo("80000.00"))
                .body("total.reimbursed", equalTo("45000.55"))
                .body("total.balance", equalTo("84999.45"))
                .body("total.undisbursed", equalTo("50000.00"))
                .body("total.unreimbursed", equalTo("34999.45"))
                .body("total.overrun", equalTo("0.00"))
                .body("total.disbursementRate.percent", equalTo("61.54"))
                .body("total.utilisationRate.percent", equalTo("34.62"))
                // every entry, in business-date order, with its document
                .body("entries", hasSize(7))
                .body("entries.kind", contains("ALLOCATION", "ALLOCATION", "DISBURSEMENT", "DISBURSEMENT", "REIMBURSEMENT",
                        "REIMBURSEMENT", "REIMBURSEMENT"))
                .body("entries[0].id", equalTo(line1.toString()))
                .body("entries[0].documentId", equalTo(central.toString()))
                .body("entries[0].documentNumber", equalTo(centralNumber))
                .body("entries[0].number", equalTo(centralNumber))
                .body("entries[0].date", equalTo("2021-03-01"))
                .body("entries[0].amount", equalTo("80000.00"))
                .body("entries[0].allocatedDelta", equalTo("80000.00"))
                .body("entries[0].disbursedDelta", equalTo("0.00"))
                .body("entries[0].projectCode", equalTo(code(p)))
                .body("entries[0].countyCode", equalTo(COUNTY))
                .body("entries[0].recordedBy", equalTo(FundQueryFixtures.CLERK))
                .body("entries[1].documentId", equalTo(county.toString()))
                .body("entries[2].number", equalTo("ZF-" + t + "-1"))
                .body("entries[2].documentNumber", nullValue())
                .body("entries[5].number", equalTo("PZ-" + t + "-2"))
                .body("entries[5].expenseKind", equalTo("materials (材料费)"))
                .body("entries[5].reimbursedDelta", equalTo("5000.55"))
                .body("entries[5].reversedBy", nullValue());
    }

    @Test
    void recordedThroughTheWriteApiTheViewEqualsTheStoredAccountAndTheSumOfEntries() {
        UUID p = FundFixtures.project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "100000.00");
        java.util.Map<String, Object> body = FundFixtures.document("150000.00", p, "90000.00");
        String doc = FundFixtures.post(FundFixtures.clerk("5224"), FundFixtures.DOCUMENTS, body).statusCode(201)
                .extract().path("id");
        FundFixtures.disbursed(p, "70000.00");
        FundFixtures.reimbursed(p, "20000.00");
        String voucher = FundFixtures.reimbursed(p, "1234.56");
        String reversal = FundFixtures.post(FundFixtures.approver("5224"), "/api/v1/reimbursements/" + voucher + "/reversal",
                java.util.Map.of("reason", "wrong expense kind (支出类别错)", "date", FundFixtures.today().minusDays(5).toString()))
                .statusCode(201).extract().path("id");

        java.util.List<String> stored = FundFixtures.account(p, "central-budget");
        assertEquals(java.util.List.of("90000.00", "70000.00", "20000.00"), stored);
        FundFixtures.assertConsistent(p, "central-budget");
        view(p, null)
                .body("sources[0].allocated", equalTo(stored.get(0)))
                .body("sources[0].disbursed", equalTo(stored.get(1)))
                .body("sources[0].reimbursed", equalTo(stored.get(2)))
                .body("sources[0].balance", equalTo("70000.00"))
                .body("sources[0].utilisationRate.percent", equalTo("22.22"))
                .body("entries.kind", contains("ALLOCATION", "DISBURSEMENT", "REIMBURSEMENT", "REIMBURSEMENT", "REVERSAL"))
                .body("entries[0].documentId", equalTo(doc))
                .body("entries[0].documentNumber", equalTo(body.get("documentNumber")))
                .body("entries.find { it.id == '" + voucher + "' }.reversedBy", equalTo(reversal));
        // the day before the reversal the voucher still counts
        view(p, FundFixtures.today().minusDays(6).toString()).body("sources[0].reimbursed", equalTo("21234.56"));
        // the document read shares its path with the write resource
        viewer("5224").get(FundFixtures.DOCUMENTS + "/" + doc).then().statusCode(200)
                .body("lined", equalTo("90000.00")).body("use[0].disbursed", equalTo("70000.00"));
        viewer("5224").get("/api/v1/fund-entries?projectId=" + p).then().statusCode(200).body("total", equalTo(5))
                .body("items[0].id", equalTo(reversal));
    }

    @Test
    void anAllocationAboveABudgetCutLaterIsVisibleAsOverrun() {
        UUID p = project(VILLAGE, 2020, "TENDERING", budget("central-budget", "100000.00", "county-budget", "10000.00"));
        String t = token();
        line(document("C-" + t, d("2020-03-01"), "central-budget", 2020, COUNTY, "500000.00"), p, "90000.00");
        line(document("K-" + t, d("2020-03-02"), "county-budget", 2020, COUNTY, "10000.00"), p, "10000.00");
        disburse(p, "central-budget", "50000.00", d("2020-04-01"), "ZF-" + t);
        view(p, null).body("inOverrun", equalTo(false)).body("total.overrun", equalTo("0.00"));

        // 项目调整: central budget cut to 60000 and the county money dropped from the split
        snapshot(p, VILLAGE, 2020, "TENDERING", budget("central-budget", "60000.00"), 2);

        view(p, null)
                .body("inOverrun", equalTo(true))
                .body("sources.source", contains("central-budget", "county-budget"))
                .body("sources[0].budget", equalTo("60000.00"))
                .body("sources[0].allocated", equalTo("90000.00"))
                .body("sources[0].overrun", equalTo("30000.00"))
                .body("sources[0].disbursed", equalTo("50000.00"))
                .body("sources[1].budget", equalTo("0.00"))
                .body("sources[1].allocated", equalTo("10000.00"))
                .body("sources[1].overrun", equalTo("10000.00"))
                .body("total.budget", equalTo("60000.00"))
                .body("total.allocated", equalTo("100000.00"))
                .body("total.overrun", equalTo("40000.00"));
        // as of a day before the money arrived there is nothing above the (current) budget
        view(p, "2020-02-28").body("inOverrun", equalTo(false)).body("total.allocated", equalTo("0.00"))
                .body("sources.source", contains("central-budget")).body("entries", empty());
    }

    @Test
    void asOfCountsEntriesByBusinessDateAndAReversalFromItsOwnDate() {
        String t = token();
        UUID p = project(VILLAGE, 2021, "UNDER_CONSTRUCTION", budget("provincial-budget", "60000.00"));
        line(document("S-" + t, d("2021-03-01"), "provincial-budget", 2021, COUNTY, "60000.00"), p, "50000.00");
        disburse(p, "provincial-budget", "40000.00", d("2021-04-01"), "ZF-" + t + "-1");
        UUID voucher = reimburse(p, "provincial-budget", "10000.00", d("2021-05-01"), "PZ-" + t + "-1");
        UUID reversal = reverse(voucher, d("2021-06-15"), "wrong project (记错项目)");
        reimburse(p, "provincial-budget", "8000.00", d("2021-06-20"), "PZ-" + t + "-2");
        // recorded last, dated earlier (补录): counts from its own date
        disburse(p, "provincial-budget", "5000.00", d("2021-04-15"), "ZF-" + t + "-2");

        view(p, "2021-02-28").body("asOf", equalTo("2021-02-28")).body("entries", empty())
                .body("sources[0].budget", equalTo("60000.00")).body("sources[0].allocated", equalTo("0.00"))
                .body("sources[0].disbursementRate.defined", equalTo(false))
                .body("total.utilisationRate.percent", nullValue());
        view(p, "2021-03-01").body("entries", hasSize(1)).body("sources[0].allocated", equalTo("50000.00"))
                .body("sources[0].disbursementRate.percent", equalTo("0.00"));
        view(p, "2021-04-14").body("sources[0].disbursed", equalTo("40000.00"));
        view(p, "2021-04-30").body("sources[0].disbursed", equalTo("45000.00"))
                .body("entries.number", contains("S-" + t, "ZF-" + t + "-1", "ZF-" + t + "-2"));
        view(p, "2021-06-14").body("sources[0].reimbursed", equalTo("10000.00"))
                .body("sources[0].utilisationRate.percent", equalTo("20.00"))
                .body("entries.find { it.kind == 'REIMBURSEMENT' }.reversedBy", nullValue())
                .body("entries.kind", contains("ALLOCATION", "DISBURSEMENT", "DISBURSEMENT", "REIMBURSEMENT"));
        view(p, "2021-06-15").body("sources[0].reimbursed", equalTo("0.00"))
                .body("sources[0].balance", equalTo("50000.00"))
                .body("entries.find { it.kind == 'REIMBURSEMENT' }.reversedBy", equalTo(reversal.toString()))
                .body("entries[4].kind", equalTo("REVERSAL"))
                .body("entries[4].referenceId", equalTo(voucher.toString()))
                .body("entries[4].number", equalTo("PZ-" + t + "-1"))
                .body("entries[4].reimbursedDelta", equalTo("-10000.00"))
                .body("entries[4].reason", equalTo("wrong project (记错项目)"));
        view(p, null).body("sources[0].allocated", equalTo("50000.00"))
                .body("sources[0].disbursed", equalTo("45000.00"))
                .body("sources[0].reimbursed", equalTo("8000.00"))
                .body("sources[0].unreimbursed", equalTo("37000.00"))
                .body("total.utilisationRate.percent", equalTo("16.00"))
                .body("entries", hasSize(6));
    }

    @Test
    void aProjectWithoutMoneyShowsItsBudgetAndZeros() {
        UUID p = project("522428103202", 2022, "PLANNED", budget("bank-loans", "300000.00"));
        view(p, null).body("sources", hasSize(1)).body("sources[0].source", equalTo("bank-loans"))
                .body("sources[0].governmentLevel", nullValue())
                .body("sources[0].budget", equalTo("300000.00")).body("sources[0].allocated", equalTo("0.00"))
                .body("total.budget", equalTo("300000.00")).body("total.disbursementRate.defined", equalTo(false))
                .body("entries", empty()).body("inOverrun", equalTo(false));
        UUID none = project("522428103202", 2022, "PLANNED", budget());
        view(none, null).body("sources", empty()).body("total.budget", equalTo("0.00"))
                .body("total.utilisationRate.defined", equalTo(false));
    }

    @Test
    void nobodySeesAProjectOutsideTheirRegionAndRolesAreChecked() {
        UUID p = project(VILLAGE, 2021, "PLANNED", budget("central-budget", "1000.00"));
        String path = PATH + p;
        viewer("53").get(path).then().statusCode(404).contentType("application/problem+json");
        viewer("522428104").get(path).then().statusCode(404); // another township of the same county
        viewer("522428103").get(path).then().statusCode(200);
        viewer("00").get(path).then().statusCode(200);
        viewer("5224").get(PATH + UUID.randomUUID()).then().statusCode(404);
        viewer("5224").get(PATH + "not-a-uuid").then().statusCode(404);
        as("5224", Roles.FUND_CLERK).get(path).then().statusCode(200);
        as("5224", Roles.FUND_APPROVER).get(path).then().statusCode(200);
        as("5224", Roles.PROJECT_VIEWER).get(path).then().statusCode(403);
        as(null, Roles.FUND_VIEWER).get(path).then().statusCode(403); // no region claim grants nothing
        given().get(path).then().statusCode(401);
    }

    @Test
    void aBadAsOfIs400NamingIt() {
        UUID p = project(VILLAGE, 2021, "PLANNED", budget("central-budget", "1000.00"));
        for (String bad : new String[]{"2021-13-01", "2021-02-30", "yesterday", "20210301"}) {
            viewer("5224").get(PATH + p + "?asOf=" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        }
    }
}
