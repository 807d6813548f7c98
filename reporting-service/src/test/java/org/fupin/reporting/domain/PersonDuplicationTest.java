package org.fupin.reporting.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 数据比对 deltas: a person counts for a prefix when two or more of their non-removed households lie inside it. */
class PersonDuplicationTest {

    static final UUID H1 = UUID.randomUUID();
    static final UUID H2 = UUID.randomUUID();
    static final UUID H3 = UUID.randomUUID();

    @Test
    void aSecondHouseholdInTheSameVillageCountsAtEveryLevel() {
        var d = new PersonDuplication().add(Map.of(H1, "522428001001"), Map.of(H1, "522428001001", H2, "522428001001")).changes();
        assertEquals(Map.of("", 1L, "52", 1L, "5224", 1L, "522428", 1L, "522428001", 1L, "522428001001", 1L), d);
    }

    @Test
    void householdsInTwoCountiesCountFromTheCityUp() {
        var d = new PersonDuplication().add(Map.of(), Map.of(H1, "522428001001", H2, "522401002003")).changes();
        assertEquals(Map.of("", 1L, "52", 1L, "5224", 1L), d);
    }

    @Test
    void leavingAHouseholdUndoesIt() {
        var d = new PersonDuplication().add(Map.of(H1, "522428001001", H2, "522401002003", H3, "522401002001"),
                Map.of(H1, "522428001001", H2, "522401002003")).changes();
        assertEquals(Map.of("522401", -1L, "522401002", -1L), d); // still two in the city and above
    }

    @Test
    void manyPersonsAddUpAndOneHouseholdNeverCounts() {
        var d = new PersonDuplication()
                .add(Map.of(), Map.of(H1, "522428001001", H2, "522428001002"))
                .add(Map.of(), Map.of(H1, "522428001001", H3, "530101001001"))
                .add(Map.of(H1, "522428001001"), Map.of(H2, "522428001002"))
                .changes();
        assertEquals(Map.of("", 2L, "52", 1L, "5224", 1L, "522428", 1L, "522428001", 1L), d);
    }

    @Test
    void aMoveBetweenVillagesShiftsTheLowerPrefixes() {
        var d = new PersonDuplication().add(Map.of(H1, "522428001001", H2, "522428001001"), Map.of(H1, "522428001001", H2, "522428001002"))
                .changes();
        assertEquals(Map.of("522428001001", -1L), d);
    }
}
