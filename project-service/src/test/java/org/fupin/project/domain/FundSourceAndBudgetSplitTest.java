package org.fupin.project.domain;

import org.fupin.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundSourceAndBudgetSplitTest {

    @Test
    void theSourcesAreFundServicesInItsOrder() throws Exception {
        Path sql = Path.of("../fund-service/src/main/resources/db/migration/V1__fund_source.sql");
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+\\('([a-z-]+)',\\s+'").matcher(Files.readString(sql));
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertEquals(codes, Arrays.stream(FundSource.values()).map(FundSource::code).toList());
        assertEquals(11, codes.size());
        assertEquals(4, Arrays.stream(FundSource.values()).filter(FundSource::isGovernmentBudget).count());
    }

    static Map<String, String> input(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theTotalIsTheExactSum() {
        BudgetSplit b = BudgetSplit.parse(input("county-budget", "0.10", "central-budget", "1200000.20", "self-raised", "0"), "budget");
        assertEquals("1200000.30", b.total().toString());
        assertEquals(Map.of("central-budget", "1200000.20", "county-budget", "0.10"), b.byCode(), "zero amounts are left out");
        assertEquals(List.of("central-budget", "county-budget"), List.copyOf(b.byCode().keySet()), "in fund-service's order");
        assertEquals(Money.ZERO, b.amount(FundSource.BANK_LOANS));
        assertEquals(b, BudgetSplit.of(Map.of(FundSource.CENTRAL_BUDGET, Money.of("1200000.2"), FundSource.COUNTY_BUDGET, Money.of("0.1"))));
        assertTrue(BudgetSplit.parse(null, "budget").isEmpty());
        assertEquals("0.00", BudgetSplit.empty().total().toString());
    }

    @Test
    void eachWrongEntryIsNamed() {
        Refusal r = assertThrows(Refusal.class, () -> BudgetSplit.parse(input("central-budget", "1.005", "county-budget", "-3",
                "foreign-aid", "1", "total", "5", "bank-loans", "1e3"), "budget"));
        assertEquals(400, r.status());
        assertEquals(List.of("budget.central-budget", "budget.county-budget", "budget.foreign-aid", "budget.total",
                "budget.bank-loans"), r.fields());
        assertTrue(r.errors().get(3).message().contains("never entered"), r.errors().get(3).message());
        assertThrows(Refusal.class, () -> BudgetSplit.parse(input("central-budget", "1000000000000.00"), "budget"),
                "more integer digits than platform Money allows");
    }

    @Test
    void theTotalMustFitAnAmountToo() {
        Refusal r = assertThrows(Refusal.class, () -> BudgetSplit.parse(input("central-budget", "999999999999.99",
                "county-budget", "0.01"), "budget"));
        assertEquals(List.of("budget"), r.fields());
        assertEquals("999999999999.99", BudgetSplit.parse(input("central-budget", "999999999999.98", "county-budget", "0.01"),
                "budget").total().toString());
    }
}
