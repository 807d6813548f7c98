package org.fupin.reporting.domain;

import org.fupin.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PopulationBatchTest {

    static PopulationBatch.Candidate row(String code, String population, String year) {
        return new PopulationBatch.Candidate(code, population == null ? null : new BigDecimal(population),
                year == null ? null : new BigDecimal(year));
    }

    static List<String> fields(List<PopulationBatch.Candidate> rows) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> PopulationBatch.validate(rows, 100));
        assertEquals(400, p.status());
        return p.errors().stream().map(ApiProblem.FieldError::field).toList();
    }

    @Test
    void codesAndPrefixesAreStoredAsTwelveDigits() {
        assertEquals("520000000000", PopulationBatch.normalise("52"));
        assertEquals("522400000000", PopulationBatch.normalise("5224"));
        assertEquals("522428000000", PopulationBatch.normalise("522428000000"));
        assertEquals("522428103000", PopulationBatch.normalise("522428103"));
        assertEquals("522428103201", PopulationBatch.normalise("522428103201"));
        assertEquals("000000000000", PopulationBatch.normalise("00"));
        assertEquals("000000000000", PopulationBatch.padded(""));
        assertThrows(IllegalArgumentException.class, () -> PopulationBatch.normalise("5"));
        assertThrows(IllegalArgumentException.class, () -> PopulationBatch.normalise(""));
    }

    @Test
    void validRowsAreNormalised() {
        var figures = PopulationBatch.validate(List.of(row("5224", "1000", "2019"), row("522428103201", "1E+3", null),
                row("522428", "0", "2020.0")), 10);
        assertEquals(new PopulationBatch.Figure("522400000000", 1000, 2019), figures.get(0));
        assertEquals(new PopulationBatch.Figure("522428103201", 1000, null), figures.get(1));
        assertEquals(0, figures.get(2).population());
        assertEquals(2020, figures.get(2).year());
        assertEquals("5224", figures.get(0).prefix());
        assertNull(figures.get(1).year());
    }

    @Test
    void everyWrongFieldIsNamedWithItsIndex() {
        assertEquals(List.of("[1].population", "[2].population", "[3].regionCode", "[4].year", "[5].regionCode",
                        "[5].population", "[6]", "[7].population", "[8].regionCode"),
                fields(Arrays.asList(row("52", "1", null), row("5224", "-1", null), row("522428", "1.5", null),
                        row("52x", "1", null), row("522429", "1", "1800"), row(null, null, null), null,
                        row("522430", "2000000001", null), row("520000000000", "1", null))));
        assertEquals(List.of("[0].year"), fields(List.of(row("52", "1", "2019.5"))));
    }

    @Test
    void aBatchIsNeitherEmptyNorTooLarge() {
        assertEquals(List.of("body"), fields(List.of()));
        assertEquals(List.of("body"), fields(null));
        ApiProblem p = assertThrows(ApiProblem.class, () -> PopulationBatch.validate(List.of(row("52", "1", null), row("53", "1", null)), 1));
        assertEquals("body", p.errors().get(0).field());
    }

    @Test
    void aYearIsFourDigitsInRange() {
        assertNull(ReportYear.parse(null, "year"));
        assertNull(ReportYear.parse(" ", "year"));
        assertEquals(2020, ReportYear.parse("2020", "year"));
        for (String bad : List.of("20", "1999", "2101", "20x0", "-2020", "+202")) {
            ApiProblem e = assertThrows(ApiProblem.class, () -> ReportYear.parse(bad, "year"));
            assertEquals("year", e.errors().get(0).field());
        }
    }
}
