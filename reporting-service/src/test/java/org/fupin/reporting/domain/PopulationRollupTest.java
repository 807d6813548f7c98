package org.fupin.reporting.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PopulationRollupTest {

    @Test
    void theRegionsOwnFigureWins() {
        Map<String, Long> loaded = Map.of("522428000000", 300_000L, "522428103000", 10_000L, "522428103201", 900L);
        assertEquals(300_000L, PopulationRollup.populationOf("522428", loaded));
        assertEquals(10_000L, PopulationRollup.populationOf("522428103", loaded));
        assertEquals(900L, PopulationRollup.populationOf("522428103201", loaded));
    }

    @Test
    void otherwiseTheTopMostFiguresInsideAreAdded() {
        Map<String, Long> loaded = Map.of(
                "522428103000", 10_000L,   // township 103 ...
                "522428103201", 900L,      // ... holds this village: not added again
                "522428104201", 800L,
                "522428104202", 700L,
                "522428105000", 0L,
                "522429000000", 99_999L,   // another county: outside
                "520000000000", 5L);       // the province: outside (wider)
        assertEquals(10_000L + 800 + 700, PopulationRollup.populationOf("522428", loaded));
        assertEquals(1_500L, PopulationRollup.populationOf("522428104", loaded));
        assertEquals(5L, PopulationRollup.populationOf("52", loaded));
        assertEquals(5L, PopulationRollup.populationOf("", Map.of("520000000000", 5L)));
        assertEquals(0L, PopulationRollup.populationOf("522428105", loaded));
    }

    @Test
    void aLoadedCityAboveItsCountiesCountsOnce() {
        Map<String, Long> loaded = Map.of("522400000000", 1_000L, "522428000000", 400L, "522300000000", 2_000L,
                "522301001001", 7L);
        assertEquals(3_000L, PopulationRollup.populationOf("52", loaded));
    }

    @Test
    void nothingLoadedIsUnknown() {
        assertNull(PopulationRollup.populationOf("522428", Map.of()));
        assertNull(PopulationRollup.populationOf("522428", Map.of("522429000000", 5L)));
    }
}
