package org.fupin.fund.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fupin.fund.rest.FundQueryFixtures.adjust;
import static org.fupin.fund.rest.FundQueryFixtures.budget;
import static org.fupin.fund.rest.FundQueryFixtures.code;
import static org.fupin.fund.rest.FundQueryFixtures.disburse;
import static org.fupin.fund.rest.FundQueryFixtures.document;
import static org.fupin.fund.rest.FundQueryFixtures.line;
import static org.fupin.fund.rest.FundQueryFixtures.project;
import static org.fupin.fund.rest.FundQueryFixtures.recall;
import static org.fupin.fund.rest.FundQueryFixtures.reimburse;
import static org.fupin.fund.rest.FundQueryFixtures.reverse;
import static org.fupin.fund.rest.FundQueryFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The document view ({@code GET /api/v1/allocation-documents/{id}?asOf=}) and the lists of documents and entries over
 * real PostgreSQL: lines and their use, as of a day, filters, pagination, region scope and bad parameters.
 */
@QuarkusTest
class FundQueryApiTest {

    static final String DOCUMENTS = "/api/v1/allocation-documents";
    static final String ENTRIES = "/api/v1/fund-entries";
    static final String COUNTY = "522428000000";
    static final String VILLAGE = "522428103201";
    static final String OTHER_COUNTY = "530102000000";

    static RequestSpecification as(String region, String... roles) {
        return given().header("Authorization", Tokens.bearer("fund-reader", region, roles));
    }

    static RequestSpecification viewer(String region) {
        return as(region, Roles.FUND_VIEWER);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aDocumentShowsItsLinesAndTheirUseAlsoAsOfADay() {
        String t = token();
        UUID p1 = project(VILLAGE, 2021, "UNDER_CONSTRUCTION", budget("central-budget", "100000.00"));
        UUID p2 = project("522428103202", 2021, "UNDER_CONSTRUCTION", budget("central-budget", "50000.00"));
        String number = "黔财农〔2021〕" + t + "号";
        UUID doc = document(number, d("2021-03-01"), "central-budget", 2021, COUNTY, "100000.00");
        UUID other = document("Z-" + t, d("2021-02-01"), "central-budget", 2021, COUNTY, "10000.00");
        UUID l1 = line(doc, p1, "30000.00");
        UUID l2 = line(doc, p2, "20000.00");
        UUID l3 = line(doc, p1, "5000.00"); // a second request for the same project
        line(other, p1, "10000.00");          // the account is fed by two documents
        disburse(p1, "central-budget", "25000.00", d("2021-04-01"), "ZF-" + t);
        reimburse(p1, "central-budget", "5000.00", d("2021-05-01"), "PZ-" + t);

        viewer("5224").get(DOCUMENTS + "/" + doc).then().statusCode(200)
                .body("id", equalTo(doc.toString()))
                .body("documentNumber", equalTo(number))
                .body("date", equalTo("2021-03-01"))
                .body("source", equalTo("central-budget"))
                .body("governmentLevel", equalTo("central"))
                .body("year", equalTo(2021))
                .body("receivingCounty", equalTo(COUNTY))
                .body("amount", equalTo("100000.00"))
                .body("issued", equalTo(true))
                .body("lined", equalTo("55000.00"))
                .body("unlined", equalTo("45000.00"))
                .body("lines.entryId", contains(l1.toString(), l2.toString(), l3.toString()))
                .body("lines.amount", contains("30000.00", "20000.00", "5000.00"))
                .body("lines[0].projectCode", equalTo(code(p1)))
                .body("use.projectId", contains(p1.toString(), p2.toString()))
                .body("use[0].projectCode", equalTo(code(p1)))
                .body("use[0].allocated", equalTo("35000.00"))
                .body("use[0].accountAllocated", equalTo("45000.00"))
                .body("use[0].disbursed", equalTo("25000.00"))
                .body("use[0].reimbursed", equalTo("5000.00"))
                .body("use[1].allocated", equalTo("20000.00"))
                .body("use[1].disbursed", equalTo("0.00"));

        // before the disbursement: lines counted, account without the payment
        viewer("5224").get(DOCUMENTS + "/" + doc + "?asOf=2021-03-31").then().statusCode(200)
                .body("asOf", equalTo("2021-03-31")).body("lined", equalTo("55000.00"))
                .body("use[0].accountAllocated", equalTo("45000.00")).body("use[0].disbursed", equalTo("0.00"));
        viewer("5224").get(DOCUMENTS + "/" + doc + "?asOf=2021-04-30").then()
                .body("use[0].disbursed", equalTo("25000.00")).body("use[0].reimbursed", equalTo("0.00"));
        // before the document's date nothing of it counts
        viewer("5224").get(DOCUMENTS + "/" + doc + "?asOf=2021-02-28").then().statusCode(200)
                .body("issued", equalTo(false)).body("amount", equalTo("100000.00")).body("lined", equalTo("0.00"))
                .body("unlined", equalTo("0.00")).body("lines", empty()).body("use", empty());

        viewer("53").get(DOCUMENTS + "/" + doc).then().statusCode(404).contentType("application/problem+json");
        viewer("522428103").get(DOCUMENTS + "/" + doc).then().statusCode(404); // a township does not see the county's file
        viewer("5224").get(DOCUMENTS + "/" + UUID.randomUUID()).then().statusCode(404);
        viewer("5224").get(DOCUMENTS + "/" + doc + "?asOf=31.12.2021").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        as("5224", Roles.FUND_CLERK).get(DOCUMENTS + "/" + doc).then().statusCode(200);
        as("5224", Roles.FUND_APPROVER).get(DOCUMENTS + "/" + doc).then().statusCode(200);
        as("5224", Roles.REPORT_VIEWER).get(DOCUMENTS + "/" + doc).then().statusCode(403);
        given().get(DOCUMENTS + "/" + doc).then().statusCode(401);
    }

    @Test
    void theDocumentListFiltersPagesAndStaysInsideTheRegion() {
        String t = token();
        UUID a = document("A〔2020〕" + t, d("2020-03-01"), "central-budget", 2020, COUNTY, "1000.00");
        UUID b = document("B〔2021〕" + t, d("2021-03-01"), "county-budget", 2021, COUNTY, "2000.00");
        UUID c = document("C〔2021〕" + t, d("2021-06-01"), "bank-loans", 2021, COUNTY, "3000.00");
        UUID far = document("D〔2021〕" + t, d("2021-07-01"), "central-budget", 2021, OTHER_COUNTY, "4000.00");
        String list = DOCUMENTS + "?number=" + t.toLowerCase();

        viewer("5224").get(list).then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.id", contains(c.toString(), b.toString(), a.toString()))
                .body("items[0].source", equalTo("bank-loans")).body("items[0].governmentLevel", nullValue())
                .body("items[0].amount", equalTo("3000.00")).body("items[0].lined", equalTo("0.00"))
                .body("items[0].unlined", equalTo("3000.00"));
        viewer("5224").get(list + "&size=2").then().body("total", equalTo(3)).body("items.id", contains(c.toString(), b.toString()));
        viewer("5224").get(list + "&size=2&page=1").then().body("total", equalTo(3)).body("page", equalTo(1))
                .body("items.id", contains(a.toString()));
        viewer("5224").get(list + "&size=2&page=5").then().body("total", equalTo(3)).body("items", empty());
        viewer("5224").get(list + "&year=2021").then().body("items.id", contains(c.toString(), b.toString()));
        viewer("5224").get(list + "&source=central-budget").then().body("items.id", contains(a.toString()));
        viewer("5224").get(list + "&from=2021-01-01&to=2021-05-31").then().body("items.id", contains(b.toString()));
        viewer("5224").get(list + "&from=2021-03-01").then().body("items.id", contains(c.toString(), b.toString()));
        viewer("5224").get(list + "&region=522428").then().body("total", equalTo(3));
        viewer("5224").get(list + "&region=522428000000").then().body("total", equalTo(3));

        // other regions: filtered, a requested prefix outside the caller's is 403, the nation sees all
        viewer("53").get(list).then().statusCode(200).body("items.id", contains(far.toString()));
        viewer("5224").get(list + "&region=53").then().statusCode(403).body("errors[0].field", equalTo("region"));
        viewer("00").get(list).then().body("total", equalTo(4));
        viewer("52").get(list + "&region=5301").then().statusCode(403);

        viewer("5224").get(DOCUMENTS + "?region=5224281&year=20x1&source=gold&from=2021-02-30&to=x&page=-1&size=0")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("region", "year", "source", "from", "to", "page", "size"));
        viewer("5224").get(DOCUMENTS + "?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        viewer("5224").get(DOCUMENTS + "?from=2021-05-01&to=2021-04-01").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void theEntryListFiltersByKindSourceDocumentYearAndDatesNewestFirst() {
        String t = token();
        UUID p = project(VILLAGE, 2019, "COMPLETED", budget("central-budget", "100000.00", "county-budget", "20000.00"));
        UUID q = project("522428103202", 2020, "UNDER_CONSTRUCTION", budget("central-budget", "100000.00"));
        UUID doc = document("E-" + t, d("2019-03-01"), "central-budget", 2019, COUNTY, "200000.00");
        UUID allocation = line(doc, p, "60000.00");
        line(doc, q, "10000.00");
        line(document("K-" + t, d("2019-03-05"), "county-budget", 2019, COUNTY, "20000.00"), p, "20000.00");
        UUID disbursement = disburse(p, "central-budget", "40000.00", d("2019-04-01"), "ZF-" + t);
        UUID voucher = reimburse(p, "central-budget", "12000.00", d("2019-05-01"), "PZ-" + t + "-1");
        UUID reversal = reverse(voucher, d("2019-05-20"), "duplicate voucher (重复报账)");
        UUID voucher2 = reimburse(p, "central-budget", "30000.00", d("2019-06-01"), "PZ-" + t + "-2");
        UUID[] adjustment = adjust(p, q, "central-budget", "15000.00", d("2019-07-01"), "调〔2019〕" + t);
        UUID recalled = recall(p, "central-budget", "5000.00", "0.00", d("2019-12-20"), "收〔2019〕" + t);
        String ofP = ENTRIES + "?projectId=" + p;

        viewer("5224").get(ofP).then().statusCode(200)
                .body("total", equalTo(8))
                .body("items.kind", contains("RECALL", "ADJUSTMENT_OUT", "REIMBURSEMENT", "REVERSAL", "REIMBURSEMENT",
                        "DISBURSEMENT", "ALLOCATION", "ALLOCATION"))
                .body("items[0].id", equalTo(recalled.toString()))
                .body("items[0].documentNumber", equalTo("收〔2019〕" + t))
                .body("items[0].allocatedDelta", equalTo("-5000.00"))
                .body("items[1].id", equalTo(adjustment[0].toString()))
                .body("items[1].counterpartProjectId", equalTo(q.toString()))
                .body("items[1].documentNumber", equalTo("调〔2019〕" + t))
                .body("items[2].id", equalTo(voucher2.toString()))
                .body("items[2].reversedBy", nullValue())
                .body("items[3].id", equalTo(reversal.toString()))
                .body("items[3].referenceId", equalTo(voucher.toString()))
                .body("items[4].id", equalTo(voucher.toString()))
                .body("items[4].reversedBy", equalTo(reversal.toString()))
                .body("items[5].id", equalTo(disbursement.toString()))
                .body("items[5].documentNumber", nullValue())
                .body("items[5].projectCode", equalTo(code(p)))
                .body("items[6].documentNumber", equalTo("K-" + t))
                .body("items[7].id", equalTo(allocation.toString()))
                .body("items[7].documentId", equalTo(doc.toString()))
                .body("items[7].documentNumber", equalTo("E-" + t));
        viewer("5224").get(ofP + "&size=3&page=1").then().body("total", equalTo(8)).body("size", equalTo(3))
                .body("items.kind", contains("REVERSAL", "REIMBURSEMENT", "DISBURSEMENT"));
        viewer("5224").get(ofP + "&size=3&page=2").then().body("page", equalTo(2))
                .body("items.documentNumber", contains("K-" + t, "E-" + t));
        viewer("5224").get(ofP + "&kind=reimbursement").then().body("items.id", contains(voucher2.toString(), voucher.toString()));
        viewer("5224").get(ofP + "&kind=ADJUSTMENT_OUT").then().body("total", equalTo(1));
        viewer("5224").get(ofP + "&source=county-budget").then().body("total", equalTo(1)).body("items[0].amount", equalTo("20000.00"));
        viewer("5224").get(ofP + "&from=2019-05-01&to=2019-06-30").then().body("items.kind",
                contains("REIMBURSEMENT", "REVERSAL", "REIMBURSEMENT"));
        viewer("5224").get(ENTRIES + "?documentId=" + doc).then().body("total", equalTo(2))
                .body("items.projectId", containsInAnyOrder(p.toString(), q.toString()));
        viewer("5224").get(ENTRIES + "?documentId=" + doc + "&year=2020").then().body("items.projectId", contains(q.toString()));
        String adjustmentId = viewer("5224").get(ofP + "&kind=ADJUSTMENT_OUT").then().extract().path("items[0].referenceId");
        viewer("5224").get(ENTRIES + "?projectId=" + q).then().body("items.kind", contains("ADJUSTMENT_IN", "ALLOCATION"))
                .body("items[0].id", equalTo(adjustment[1].toString()))
                .body("items[0].referenceId", equalTo(adjustmentId))
                .body("items[0].counterpartProjectId", equalTo(p.toString()))
                .body("items[0].allocatedDelta", equalTo("15000.00"));
        viewer("5224").get(ENTRIES + "?projectId=" + p + "&region=522428103").then().body("total", equalTo(8));
        viewer("5224").get(ENTRIES + "?projectId=" + p + "&region=522428104").then().body("total", equalTo(0));
        viewer("5224").get(ENTRIES + "?region=5224&from=2019-01-01&to=2019-12-31&size=500").then().statusCode(200)
                .body("items.regionCode", everyItem(startsWith("5224"))).body("items.id", hasItems(recalled.toString()));

        // outside the caller's region: filtered away, never 403 by id, a region outside is 403
        viewer("53").get(ofP).then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        viewer("522428104").get(ofP).then().body("total", equalTo(0));
        viewer("5224").get(ofP + "&region=53").then().statusCode(403).body("errors[0].field", equalTo("region"));

        viewer("5224").get(ENTRIES + "?projectId=abc&documentId=1&kind=PAYMENT&year=1999&source=x&page=x&size=1000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("projectId", "documentId", "kind", "year", "source", "page", "size"));
        as("5224", Roles.PROJECT_CLERK).get(ofP).then().statusCode(403);
        given().get(ofP).then().statusCode(401);
    }
}
