package org.fupin.reporting.domain;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.fupin.reporting.domain.HouseholdFigure.EXITED;
import static org.fupin.reporting.domain.HouseholdFigure.MONITORED;
import static org.fupin.reporting.domain.HouseholdFigure.REGISTERED;
import static org.fupin.reporting.domain.HouseholdFigure.REMAINING;
import static org.fupin.reporting.domain.HouseholdFigure.REMOVED;
import static org.fupin.reporting.domain.HouseholdFigure.RETURNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a fact counts under, and the deltas of a change at every region level. */
class RollupDeltaTest {

    static final String VILLAGE = "522428001001";

    static HouseholdFact fact(HouseholdStatus status, Integer identificationYear, Integer exitYear, Integer removedYear, boolean monitored,
                              Integer lastReturnYear, int returns, int members) {
        return new HouseholdFact(UUID.randomUUID(), VILLAGE, members, status, 1, identificationYear, "ORDINARY", exitYear, removedYear,
                monitored, lastReturnYear, returns);
    }

    static Set<String> keys(HouseholdFact f) {
        return f.contributions().stream().map(c -> c.figure().key() + "/" + c.year() + "=" + c.households() + "," + c.persons())
                .collect(Collectors.toSet());
    }

    @Test
    void aRegisteredHouseholdCountsUnderAllYearsAndItsIdentificationYear() {
        assertEquals(Set.of("registered/0=1,3", "registered/2019=1,3", "remaining/0=1,3"),
                keys(fact(HouseholdStatus.REGISTERED, 2019, null, null, false, null, 0, 3)));
    }

    @Test
    void aNullYearCountsOnlyUnderAllYears() {
        assertEquals(Set.of("registered/0=1,2", "exited/0=1,2", "monitored/0=1,2"),
                keys(fact(HouseholdStatus.EXITED, null, null, null, true, null, 0, 2)));
    }

    @Test
    void exitedReturnedRemovedAndMonitored() {
        assertEquals(Set.of("registered/0=1,4", "registered/2019=1,4", "exited/0=1,4", "exited/2020=1,4", "returned/0=1,4",
                        "returned/2021=1,4", "monitored/0=1,4"),
                keys(fact(HouseholdStatus.EXITED, 2019, 2020, null, true, 2021, 1, 4)));
        // removed: out of registered, remaining and monitored; the return history still counts
        assertEquals(Set.of("removed/0=1,5", "removed/2021=1,5", "returned/0=1,5", "returned/2020=1,5"),
                keys(fact(HouseholdStatus.REMOVED, 2019, 2019, 2021, true, 2020, 1, 5)));
        // exited then returned: remaining, returned; the exit year is history, not exited
        assertEquals(Set.of("registered/0=1,1", "registered/2019=1,1", "remaining/0=1,1", "returned/0=1,1", "returned/2021=1,1"),
                keys(fact(HouseholdStatus.REGISTERED, 2019, 2020, null, false, 2021, 1, 1)));
    }

    @Test
    void aDeltaIsAfterMinusBeforeAtEveryRegionLevel() {
        HouseholdFact before = fact(HouseholdStatus.REGISTERED, 2019, null, null, false, null, 0, 3);
        HouseholdFact after = new HouseholdFact(before.householdId(), VILLAGE, 3, HouseholdStatus.EXITED, 2, 2019, "ORDINARY", 2020, null,
                false, null, 0);
        Map<RollupKey, long[]> d = new HashMap<>();
        new RollupDelta().add(before, after).changes().forEach(c -> d.put(c.key(), new long[]{c.households(), c.persons()}));
        for (String prefix : List.of("", "52", "5224", "522428", "522428001", VILLAGE)) {
            assertEquals(List.of(-1L, -3L), List.of(d.get(new RollupKey(prefix, REMAINING, 0))[0], d.get(new RollupKey(prefix, REMAINING, 0))[1]));
            assertEquals(1, d.get(new RollupKey(prefix, EXITED, 0))[0]);
            assertEquals(3, d.get(new RollupKey(prefix, EXITED, 2020))[1]);
            // registered did not change: no counter
            assertTrue(!d.containsKey(new RollupKey(prefix, REGISTERED, 0)) && !d.containsKey(new RollupKey(prefix, REGISTERED, 2019)));
        }
        assertEquals(6 * 3, d.size());
    }

    @Test
    void aMoveTakesTheHouseholdOutOfTheOldPrefixes() {
        HouseholdFact before = fact(HouseholdStatus.REGISTERED, 2019, null, null, true, null, 0, 2);
        HouseholdFact after = new HouseholdFact(before.householdId(), "522429001001", 2, HouseholdStatus.REGISTERED, 2, 2019, "ORDINARY",
                null, null, true, null, 0);
        Map<RollupKey, Long> households = new HashMap<>();
        new RollupDelta().add(before, after).changes().forEach(c -> households.put(c.key(), c.households()));
        assertEquals(-1L, households.get(new RollupKey("522428", MONITORED, 0)));
        assertEquals(1L, households.get(new RollupKey("522429001", REMAINING, 0)));
        assertEquals(null, households.get(new RollupKey("5224", REGISTERED, 0))); // same city: cancels out
        assertEquals(null, households.get(new RollupKey("", REMOVED, 0)));
        assertEquals(null, households.get(new RollupKey("", RETURNED, 0)));
    }

    @Test
    void newAndUnchangedFacts() {
        HouseholdFact f = fact(HouseholdStatus.REGISTERED, 2019, null, null, false, null, 0, 3);
        assertEquals(6 * 3, new RollupDelta().add(null, f).changes().size());
        assertTrue(new RollupDelta().add(f, f).changes().isEmpty());
        // changes come in key order (the upsert's lock order)
        List<RollupKey> keys = new RollupDelta().add(null, f).changes().stream().map(RollupDelta.Change::key).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
    }
}
