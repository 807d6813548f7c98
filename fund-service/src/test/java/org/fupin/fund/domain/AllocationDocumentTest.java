package org.fupin.fund.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.fupin.fund.domain.Ledgers.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationDocumentTest {

    static AllocationDocument.Input input(String number, LocalDate date, String source, Integer year, String issuing,
                                          String county, String amount) {
        return new AllocationDocument.Input(number, date, source, year, issuing, county, amount);
    }

    @Test
    void aDocumentCarriesItsSourceWithTheLevelOfBudgetMoney() {
        AllocationDocument d = AllocationDocument.create("d1", input(" X财农〔2019〕12号 ", LocalDate.of(2019, 3, 5),
                "central-budget", 2019, "000000000000", "522428000000", "1200000.5"), TODAY);
        assertEquals("X财农〔2019〕12号", d.documentNumber());
        assertEquals(FundSource.CENTRAL_BUDGET, d.source());
        assertEquals("central", d.governmentLevel());
        assertEquals("1200000.50", d.amount().toString());
        assertEquals("0.00", d.lined().toString());
        assertEquals(d.amount(), d.unlined());
        AllocationDocument loan = AllocationDocument.create("d2", input("国开行贷〔2019〕1号", LocalDate.of(2019, 5, 1),
                "bank-loans", 2019, "522428000000", "522428000000", "5000000"), TODAY);
        assertTrue(loan.source().isLoan(), "a loan's credit arrives as a document of source bank-loans");
        assertEquals(null, loan.governmentLevel());
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        Refusal r = assertThrows(Refusal.class, () -> AllocationDocument.create("d", input("", TODAY.plusDays(1), "foreign-aid",
                1999, "52", "522428103201", "0"), TODAY));
        assertEquals(400, r.status());
        assertEquals(List.of("documentNumber", "date", "source", "amount", "receivingCounty", "issuingRegion", "year"), r.fields());
    }

    @Test
    void theIssuerIsTheCountyOrARegionAboveIt() {
        assertEquals(List.of("issuingRegion"), assertThrows(Refusal.class, () -> AllocationDocument.create("d",
                input("N", TODAY, "county-budget", 2021, "522427000000", "522428000000", "1"), TODAY)).fields());
        AllocationDocument.create("d", input("N", TODAY, "city-budget", 2021, "522400000000", "522428000000", "1"), TODAY);
        AllocationDocument.create("d", input("N", TODAY, "county-budget", 2021, "522428000000", "522428000000", "1"), TODAY);
    }

    @Test
    void theReceiverIsACounty() {
        for (String notACounty : List.of("520000000000", "522400000000", "522428103000", "5224280", "")) {
            assertEquals(List.of("receivingCounty"), assertThrows(Refusal.class, () -> AllocationDocument.create("d",
                    input("N", TODAY, "central-budget", 2021, "000000000000", notACounty, "1"), TODAY)).fields(), notACounty);
        }
    }

    @Test
    void theBudgetYearIsTheDocumentsYearOrNextToIt() {
        LocalDate autumn = LocalDate.of(2019, 10, 20);
        // 提前下达: 2020 money issued in October 2019
        assertEquals(2020, AllocationDocument.create("d", input("N", autumn, "central-budget", 2020, "000000000000",
                "522428000000", "1"), TODAY).year());
        assertEquals(List.of("year"), assertThrows(Refusal.class, () -> AllocationDocument.create("d", input("N", autumn,
                "central-budget", 2022, "000000000000", "522428000000", "1"), TODAY)).fields());
        assertEquals(List.of("year"), assertThrows(Refusal.class, () -> AllocationDocument.create("d", input("N", autumn,
                "central-budget", null, "000000000000", "522428000000", "1"), TODAY)).fields());
    }

    @Test
    void linesOutsideZeroToAmountCannotBeStored() {
        assertThrows(IllegalStateException.class, () -> new AllocationDocument("d", "N", TODAY, FundSource.CENTRAL_BUDGET,
                2021, "000000000000", "522428000000", Ledgers.m("10.00"), Ledgers.m("10.01")));
    }

    @Test
    void fundSourcesAreTheTablesInItsOrder() throws Exception {
        String sql = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/db/migration/V1__fund_source.sql"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s+\\('([a-z-]+)',[^,]+,[^,]+,\\s+(null|'([a-z]+)')")
                .matcher(sql);
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
            assertEquals(m.group(3), FundSource.ofCode(m.group(1)).orElseThrow().governmentLevel(), m.group(1));
        }
        assertEquals(codes, java.util.Arrays.stream(FundSource.values()).map(FundSource::code).toList());
    }
}
