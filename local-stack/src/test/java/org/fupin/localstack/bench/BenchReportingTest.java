package org.fupin.localstack.bench;

import org.fupin.localstack.chaos.ResidentIds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's own arithmetic and output: percentiles, the table, options, generated data and events. */
class BenchReportingTest {

    @Test
    void percentilesOfKnownLatencies() {
        Latencies l = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            l.recordNanos(ms * 1_000_000L);
        }
        assertEquals(100, l.count());
        assertEquals(50.0, l.p50(), 0.05);
        assertEquals(99.0, l.p99(), 0.1);
        assertEquals(100.0, l.maxMillis(), 0.1);
        assertTrue(Double.isNaN(new Latencies().p99()), "nothing recorded: no percentile");
    }

    @Test
    void subMillisecondLatenciesKeepTheirResolution() {
        Latencies l = new Latencies();
        l.recordNanos(250_000); // 0.25 ms
        assertEquals(0.25, l.p50(), 0.001);
    }

    @Test
    void tableAlignsColumnsAndNamesVerdicts() {
        String out = new ResultTable()
                .row("ingest", "6,000 households/s", "COPY 100,000 households/s", "17×", "≥ 5,000/s", ResultTable.Verdict.MET)
                .row("freshness p99", "400 ms", "produce → consume 5.0 ms", "80×", "≤ 300 ms", ResultTable.Verdict.MISSED)
                .row("start-up, all five", "all ready 9.0 s", "", "", "", ResultTable.Verdict.NONE)
                .note("how it was measured")
                .render();
        List<String> lines = out.lines().toList();
        assertEquals("| measure            | figure             | baseline (same run)       | ratio | target    | met |", lines.get(0));
        assertTrue(lines.get(1).startsWith("| ------------------ | ------"), lines.get(1));
        assertEquals("| ingest             | 6,000 households/s | COPY 100,000 households/s | 17×   | ≥ 5,000/s | yes |", lines.get(2));
        assertTrue(lines.get(3).endsWith("| NO  |"), lines.get(3));
        assertTrue(lines.get(4).endsWith("|     |"), lines.get(4));
        assertEquals("- how it was measured", lines.get(5));
        Set<Integer> widths = new HashSet<>();
        lines.subList(0, 5).forEach(l -> widths.add(l.length()));
        assertEquals(1, widths.size(), "every row as wide as the header");
    }

    @Test
    void formatsMillisecondsRatiosAndRates() {
        assertEquals("4.2 ms", ResultTable.ms(4.21));
        assertEquals("4,530 ms", ResultTable.ms(4530.4));
        assertEquals("n/a", ResultTable.ms(Double.NaN));
        assertEquals("513×", ResultTable.ratio(513.2));
        assertEquals("1.50×", ResultTable.ratio(1.5));
        assertEquals("0.0040×", ResultTable.ratio(0.004));
        assertEquals("n/a", ResultTable.ratio(Double.POSITIVE_INFINITY));
        assertEquals("5,000 households/s", ResultTable.perSecond(4999.9, "households"));
    }

    @Test
    void optionsDefaultToTheIssuesSizesAndRejectNonsense() {
        BenchOptions d = BenchOptions.parse();
        assertEquals(1_000_000, d.households());
        assertEquals(100_000, d.ingest());
        assertEquals(60, d.freshnessSeconds());
        assertEquals(1_000, d.rate());
        assertEquals(1_000, d.queries());
        assertTrue(d.runs(BenchOptions.Phase.STARTUP));
        BenchOptions small = BenchOptions.parse("--households", "5000", "--ingest", "2,000", "--skip", "startup,freshness");
        assertEquals(5000, small.households());
        assertEquals(2000, small.ingest());
        assertTrue(small.runs(BenchOptions.Phase.INGEST) && !small.runs(BenchOptions.Phase.STARTUP) && !small.runs(BenchOptions.Phase.FRESHNESS));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--households", "-1"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--only", "everything"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rate"));
    }

    @Test
    void projectOptionsDefaultToTwentyThousandAndRunInTheFullBench() {
        BenchOptions d = BenchOptions.parse();
        assertEquals(20_000, d.projects());
        assertEquals(5_000, d.projectJobSize());
        assertTrue(d.runs(BenchOptions.Phase.PROJECTS));
        BenchOptions only = BenchOptions.parse("--only", "projects", "--projects", "2,000", "--project-job-size", "500");
        assertEquals(2_000, only.projects());
        assertEquals(500, only.projectJobSize());
        assertTrue(only.runs(BenchOptions.Phase.PROJECTS) && !only.runs(BenchOptions.Phase.INGEST));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--projects", "0"));
    }

    @Test
    void fundOptionsDefaultToAMillionVouchersAndRunInTheFullBench() {
        BenchOptions d = BenchOptions.parse();
        assertEquals(1_000_000, d.funds());
        assertEquals(50_000, d.fundJobSize());
        assertTrue(d.runs(BenchOptions.Phase.FUNDS));
        BenchOptions only = BenchOptions.parse("--only", "funds", "--funds", "50,000", "--fund-job-size", "12500");
        assertEquals(50_000, only.funds());
        assertEquals(12_500, only.fundJobSize());
        assertTrue(only.runs(BenchOptions.Phase.FUNDS) && !only.runs(BenchOptions.Phase.PROJECTS));
        // each job's vouchers stay within its own projects and are dated in order per project
        FundIngestBench.Voucher first = FundIngestBench.voucher("469900", "R", 1, 25, 0);
        FundIngestBench.Voucher next = FundIngestBench.voucher("469900", "R", 1, 25, 25);
        assertEquals(first.projectCode(), next.projectCode());
        assertTrue(next.date().isAfter(first.date()));
        assertEquals(FundIngestBench.project("469900", 25).code(), first.projectCode());
    }

    @Test
    void generatedProjectsCoverEveryStageAndCategoryAndAreRepeatable() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Set<String> stages = new HashSet<>();
        Set<String> categories = new HashSet<>();
        Set<String> codes = new HashSet<>();
        String body = ProjectIngestBench.ndjson("459900", 0, 1_000);
        List<String> lines = body.lines().toList();
        assertEquals(1_000, lines.size());
        for (String line : lines) {
            var o = json.readTree(line);
            assertTrue(codes.add(o.path("projectCode").asText()), "unique codes");
            assertTrue(o.path("regionCode").asText().matches("459900[0-9]{6}"));
            stages.add(o.path("stage").asText());
            categories.add(o.path("category").asText());
            String stage = o.path("stage").asText();
            assertEquals(!stage.equals("PLANNED"), o.has("stageDates"), line);
            assertEquals(List.of("UNDER_CONSTRUCTION", "COMPLETED", "ACCEPTED").contains(stage), o.has("progress"), line);
            if (o.has("progress")) {
                var budget = o.path("budget");
                java.math.BigDecimal total = java.math.BigDecimal.ZERO;
                for (var it = budget.fields(); it.hasNext(); ) {
                    total = total.add(new java.math.BigDecimal(it.next().getValue().asText()));
                }
                assertTrue(new java.math.BigDecimal(o.path("progress").path("investmentCompleted").asText()).compareTo(total) <= 0);
            }
            if (ProjectIngestBench.SKIP_TENDERING.contains(o.path("category").asText())) {
                assertTrue(!stage.equals("TENDERING") && !o.path("stageDates").has("TENDERING"), line);
            }
        }
        assertEquals(Set.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION", "COMPLETED", "ACCEPTED"), stages);
        assertEquals(13, categories.size());
        assertEquals(ProjectIngestBench.ndjsonLine(ProjectIngestBench.project("459900", 77)),
                ProjectIngestBench.ndjsonLine(ProjectIngestBench.project("459900", 77)), "project i is always the same");
    }

    @Test
    void generatedHouseholdsAreValidUniqueAndRepeatable() {
        BenchHouseholds data = new BenchHouseholds("659800", BenchHouseholds::provinceVillage);
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < 2_000; i++) {
            BenchHouseholds.Household h = data.household(i);
            assertTrue(h.village().matches("65[0-9]{10}"), h.village());
            assertTrue(h.members().size() >= 1 && h.members().size() <= 6);
            assertEquals("HEAD", h.members().get(0).relation());
            for (BenchHouseholds.Person p : h.members()) {
                assertTrue(ResidentIds.isValid(p.residentId()), "valid ID number");
                assertTrue(ids.add(p.residentId()), "one person, one household");
            }
        }
        assertEquals(data.household(1234), data.household(1234), "household i is always the same");
        assertEquals("650101001001", BenchHouseholds.provinceVillage(0));
        assertEquals("651010010010", BenchHouseholds.provinceVillage(9_999));
        assertEquals("6510", BenchHouseholds.prefix(BenchHouseholds.provinceVillage(9_999), 4));
    }

    @Test
    void freshnessEventsMatchTheirSchema() throws Exception {
        FreshnessBench.selfCheck("630000000001"); // throws when event-contracts' schema refuses one
        var record = FreshnessBench.record("fupin.household.v1", FreshnessBench.event("630000000001", 1));
        assertEquals(record.key(), new String(record.headers().lastHeader("ce_subject").value()));
        for (String h : List.of("ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "ce_specversion", "content-type",
                "ce_regioncode", "ce_aggregatetype", "ce_aggregateversion")) {
            assertTrue(record.headers().lastHeader(h) != null, h);
        }
    }
}
