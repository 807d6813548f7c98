package org.fupin.fund.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.fupin.fund.FundFixtures.COUNTY;
import static org.fupin.fund.FundFixtures.DOCUMENTS;
import static org.fupin.fund.FundFixtures.VILLAGE;
import static org.fupin.fund.FundFixtures.approver;
import static org.fupin.fund.FundFixtures.clerk;
import static org.fupin.fund.FundFixtures.count;
import static org.fupin.fund.FundFixtures.disbursement;
import static org.fupin.fund.FundFixtures.document;
import static org.fupin.fund.FundFixtures.post;
import static org.fupin.fund.FundFixtures.project;
import static org.fupin.fund.FundFixtures.reimbursement;
import static org.fupin.fund.FundFixtures.restage;
import static org.fupin.fund.FundFixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fund event type as the relay published it to the real Kafka broker on {@code fupin.fund.v1}: key = project id,
 * aggregate {@code fund}, version = the project's ledger version, the business date as {@code effectiveDate}, amounts as
 * decimal strings, each payload valid against its JSON Schema; a refused request publishes nothing.
 */
@QuarkusTest
class FundEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The project's events in topic order, each once: publication is at-least-once (a relay that lost its lease may have
     * sent a row the next holder sends again), and consumers drop such a duplicate by its event id, so the test does too.
     */
    static List<ConsumerRecord<String, String>> of(UUID project, int atLeast) {
        List<ConsumerRecord<String, String>> all = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.FUND, rs -> distinct(rs, project).size() >= atLeast, Duration.ofSeconds(90));
        return distinct(all, project);
    }

    static List<ConsumerRecord<String, String>> distinct(List<ConsumerRecord<String, String>> records, UUID project) {
        Set<String> seen = new java.util.HashSet<>();
        return records.stream().filter(r -> project.toString().equals(r.key()))
                .filter(r -> seen.add(KafkaProbe.header(r, CloudEventHeaders.ID))).toList();
    }

    static JsonNode payload(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyPostingIsOneEventPerProjectKeyedByTheProjectWithItsLedgerVersionAndBusinessDate() {
        UUID a = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        UUID b = project(VILLAGE, "PLANNED", "central-budget", "500.00");
        Map<String, Object> doc = document("1500.00", a, "1000.00", b, "100.00");
        String documentId = post(clerk("5224"), DOCUMENTS, doc).statusCode(201).extract().path("id");   // a1 b1 allocated
        Map<String, Object> d = disbursement(a, "600.00");
        post(clerk("5224"), "/api/v1/disbursements", d).statusCode(201);                                // a2 disbursed
        Map<String, Object> r = reimbursement(a, "250.50");
        String voucher = post(clerk("5224"), "/api/v1/reimbursements", r).statusCode(201).extract().path("id"); // a3
        post(approver("5224"), "/api/v1/reimbursements/" + voucher + "/reversal",
                Map.of("reason", "错账", "date", today().minusDays(4).toString())).statusCode(201);      // a4 reversed
        post(approver("5224"), "/api/v1/fund-adjustments", Map.of("fromProjectId", a.toString(), "toProjectId", b.toString(),
                "source", "central-budget", "amount", "300.00", "documentNumber", "调〔2026〕9号",
                "documentDate", today().minusDays(3).toString(), "reason", "调整")).statusCode(201);     // a5 out, b2 in
        post(clerk("5224"), "/api/v1/disbursements", disbursement(a, "100.01")).statusCode(422);        // refused: nothing
        restage(a, "COMPLETED", 2);
        post(approver("5224"), "/api/v1/recalls", Map.of("projectId", a.toString(), "source", "central-budget",
                "documentNumber", "收〔2026〕1号", "documentDate", today().minusDays(1).toString())).statusCode(201); // a6

        List<ConsumerRecord<String, String>> ofA = of(a, 6);
        assertEquals(List.of("fund.allocated.v1", "fund.disbursed.v1", "fund.reimbursed.v1", "fund.reimbursement-reversed.v1",
                        "fund.allocation-adjusted.v1", "fund.recalled.v1"),
                ofA.stream().map(x -> KafkaProbe.header(x, CloudEventHeaders.TYPE)).toList());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                ofA.stream().map(x -> KafkaProbe.header(x, CloudEventHeaders.AGGREGATE_VERSION)).toList());
        List<ConsumerRecord<String, String>> ofB = of(b, 2);
        assertEquals(List.of("fund.allocated.v1", "fund.allocation-adjusted.v1"),
                ofB.stream().map(x -> KafkaProbe.header(x, CloudEventHeaders.TYPE)).toList());
        assertEquals(List.of("1", "2"), ofB.stream().map(x -> KafkaProbe.header(x, CloudEventHeaders.AGGREGATE_VERSION)).toList());

        for (ConsumerRecord<String, String> x : concat(ofA, ofB)) {
            String type = KafkaProbe.header(x, CloudEventHeaders.TYPE);
            assertEquals(Set.of(), EventSchemas.validate(type, x.value()), type + " " + x.value());
            assertEquals(x.key(), KafkaProbe.header(x, CloudEventHeaders.SUBJECT));
            assertEquals("fund", KafkaProbe.header(x, CloudEventHeaders.AGGREGATE_TYPE));
            assertEquals(VILLAGE, KafkaProbe.header(x, CloudEventHeaders.REGION_CODE));
            JsonNode p = payload(x);
            assertEquals(x.key(), p.get("projectId").asText());
            assertEquals(COUNTY, p.get("countyCode").asText());
            assertEquals("central-budget", p.get("source").asText());
            assertTrue(p.get("amount").isTextual() && p.get("amount").asText().matches("[0-9]+\\.[0-9]{2}"), x.value());
            assertTrue(p.hasNonNull("entryId") && p.hasNonNull("effectiveDate"), x.value());
        }
        assertEquals(1, ofA.stream().map(ConsumerRecord::partition).distinct().count(), "one project, one partition");

        JsonNode allocated = payload(ofA.get(0));
        assertEquals("1000.00", allocated.get("amount").asText());
        assertEquals(documentId, allocated.get("documentId").asText());
        assertEquals(doc.get("documentNumber"), allocated.get("documentNumber").asText());
        assertEquals(doc.get("date"), allocated.get("effectiveDate").asText());
        JsonNode disbursed = payload(ofA.get(1));
        assertEquals("600.00", disbursed.get("amount").asText());
        assertEquals(d.get("paymentOrderNumber"), disbursed.get("paymentOrderNumber").asText());
        assertEquals(d.get("date"), disbursed.get("effectiveDate").asText());
        JsonNode reimbursed = payload(ofA.get(2));
        assertEquals("250.50", reimbursed.get("amount").asText());
        assertEquals(r.get("voucherNumber"), reimbursed.get("voucherNumber").asText());
        assertEquals(r.get("date"), reimbursed.get("effectiveDate").asText());
        JsonNode reversed = payload(ofA.get(3));
        assertEquals(voucher, reversed.get("reversedEntryId").asText());
        assertEquals(today().minusDays(4).toString(), reversed.get("effectiveDate").asText());
        JsonNode out = payload(ofA.get(4));
        assertEquals("OUT", out.get("side").asText());
        assertEquals(b.toString(), out.get("counterpartProjectId").asText());
        JsonNode in = payload(ofB.get(1));
        assertEquals("IN", in.get("side").asText());
        assertEquals(out.get("adjustmentId").asText(), in.get("adjustmentId").asText());
        JsonNode recalled = payload(ofA.get(5));
        // allocated 1000 − 300 adjusted = 700, disbursed 600, reimbursed 0 after the reversal: balance 700
        assertEquals("700.00", recalled.get("amount").asText());
        assertEquals("100.00", recalled.get("undisbursedAmount").asText());
        assertEquals("600.00", recalled.get("returnedAmount").asText());
        assertEquals("COMPLETED", recalled.get("projectStage").asText());
        assertEquals(today().minusDays(1).toString(), recalled.get("effectiveDate").asText());

        // the outbox holds exactly these: the refused disbursement appended nothing
        assertEquals(6, count("select count(*) from outbox_event where aggregate_id = ?", a.toString()));
    }

    static List<ConsumerRecord<String, String>> concat(List<ConsumerRecord<String, String>> x, List<ConsumerRecord<String, String>> y) {
        List<ConsumerRecord<String, String>> all = new java.util.ArrayList<>(x);
        all.addAll(y);
        return all;
    }
}
