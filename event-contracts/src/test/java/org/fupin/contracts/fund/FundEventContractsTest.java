package org.fupin.contracts.fund;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fund events: one record and one schema per type on fupin.fund.v1, each carrying the common ledger-entry fields. */
class FundEventContractsTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final String E = UUID.randomUUID().toString();
    static final String P = UUID.randomUUID().toString();
    static final String Q = UUID.randomUUID().toString();
    static final String V = "522428103201";
    static final String C = "522428000000";
    static final LocalDate DAY = LocalDate.of(2019, 12, 31);

    static List<Object> samples() {
        return List.of(
                new FundAllocatedV1(E, P, V, C, "central-budget", "1200000.00", UUID.randomUUID().toString(), "X财农〔2019〕12号",
                        DAY, 2020, "000000000000", DAY),
                new FundAllocatedV1(E, P, V, C, "bank-loans", "0.01", UUID.randomUUID().toString(), "国开行黔贷〔2019〕8号", DAY,
                        2019, C, DAY),
                new FundAllocationAdjustedV1(E, UUID.randomUUID().toString(), P, V, C, "county-budget", "OUT", "300.00", Q,
                        "X扶调〔2020〕3号", DAY, "项目终止，资金调整", DAY),
                new FundAllocationAdjustedV1(E, UUID.randomUUID().toString(), Q, "522428104000", C, "county-budget", "IN",
                        "300.00", P, "X扶调〔2020〕3号", DAY, "项目终止，资金调整", DAY),
                new FundDisbursedV1(E, P, V, C, "central-budget", "999999999999.99", "拨-2019-001", DAY, DAY),
                new FundReimbursedV1(E, P, V, C, "central-budget", "4500.50", "记-15", DAY, "材料费", DAY),
                new FundReimbursementReversedV1(E, UUID.randomUUID().toString(), P, V, C, "central-budget", "4500.50", "记-15",
                        DAY.minusDays(20), "金额录入错误", DAY),
                new FundRecalledV1(E, P, V, C, "central-budget", "350.00", "200.00", "150.00", "COMPLETED", "X财收〔2021〕1号",
                        DAY, DAY),
                new FundRecalledV1(E, P, V, C, "self-raised", "10.00", "10.00", "0.00", "CANCELLED", "N", DAY, DAY));
    }

    static String type(Object e) {
        return EventCatalog.typeOf(e.getClass()).value();
    }

    @Test
    void sixTypesOnTheFundTopicKeyedByProject() {
        List<Class<?>> fund = EventCatalog.ALL.stream().filter(c -> c.getPackageName().endsWith(".fund")).toList();
        assertEquals(List.of("fund.allocated.v1", "fund.allocation-adjusted.v1", "fund.disbursed.v1", "fund.reimbursed.v1",
                "fund.reimbursement-reversed.v1", "fund.recalled.v1"), fund.stream().map(c -> EventCatalog.typeOf(c).value()).toList());
        for (Class<?> c : fund) {
            EventType t = EventCatalog.typeOf(c);
            assertEquals(Topics.FUND, t.topic());
            assertEquals("fupin.fund.v1", t.topic());
            assertEquals("fund", t.aggregate());
            assertTrue(c.getSimpleName().endsWith("V1"));
            List<String> components = java.util.Arrays.stream(c.getRecordComponents()).map(r -> r.getName()).toList();
            assertTrue(components.containsAll(List.of("entryId", "projectId", "regionCode", "countyCode", "source", "amount",
                    "effectiveDate")), c.getName() + " carries the common fields");
            assertTrue(components.stream().anyMatch(n -> n.endsWith("Number")), c.getName() + " carries its document/voucher number");
            assertTrue(components.stream().anyMatch(n -> n.endsWith("Date") && !n.equals("effectiveDate")), c.getName()
                    + " carries the document/voucher date");
        }
        Set<String> sampled = new HashSet<>();
        samples().forEach(e -> sampled.add(type(e)));
        assertEquals(fund.size(), sampled.size(), "every fund type has a sample here");
    }

    @Test
    void everySampleMatchesItsSchemaWithAmountsAsDecimalStrings() throws Exception {
        for (Object e : samples()) {
            String json = JSON.writeValueAsString(e);
            assertEquals(Set.of(), EventSchemas.validate(type(e), json), json);
            JsonNode node = JSON.readTree(json);
            assertTrue(node.get("amount").isTextual(), "amounts travel as decimal strings");
            assertEquals(DAY.toString(), node.get("effectiveDate").asText());
        }
    }

    @Test
    void theSchemasRefuseWhatMustNotTravel() {
        for (Object sample : samples()) {
            String t = type(sample);
            assertInvalid(t, sample, n -> n.put("amount", 12.5), "an amount as a JSON number");
            assertInvalid(t, sample, n -> n.put("amount", "12.5"), "an amount without two decimals");
            assertInvalid(t, sample, n -> n.put("amount", "1.005"), "three decimals");
            assertInvalid(t, sample, n -> n.put("amount", "0.00"), "a zero amount");
            assertInvalid(t, sample, n -> n.put("amount", "-5.00"), "a negative amount (the kind says the sign)");
            assertInvalid(t, sample, n -> n.put("amount", "1000000000000.00"), "10^12 yuan");
            assertInvalid(t, sample, n -> n.put("source", "foreign-aid"), "an unknown source");
            assertInvalid(t, sample, n -> n.put("countyCode", V), "a village as the county");
            assertInvalid(t, sample, n -> n.put("regionCode", "5224"), "a prefix as the region");
            assertInvalid(t, sample, n -> n.remove("effectiveDate"), "no business date");
            assertInvalid(t, sample, n -> n.put("payee", "张三"), "anything else (names)");
        }
        Object adjusted = samples().get(2);
        assertInvalid(type(adjusted), adjusted, n -> n.put("side", "BOTH"), "an unknown side");
        Object recalled = samples().get(7);
        assertInvalid(type(recalled), recalled, n -> n.put("projectStage", "UNDER_CONSTRUCTION"), "a recall of an open project");
    }

    static void assertInvalid(String type, Object sample, Consumer<ObjectNode> edit, String what) {
        try {
            ObjectNode node = (ObjectNode) JSON.valueToTree(sample);
            edit.accept(node);
            assertFalse(EventSchemas.validate(type, JSON.writeValueAsString(node)).isEmpty(), type + ": " + what + " must be refused");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
