package org.fupin.reporting.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fact's transitions, exactly as the former SQL did them. */
class HouseholdFactTest {

    static final UUID ID = UUID.randomUUID();
    static final String VILLAGE = "522428001001";
    static final String OTHER = "522428002003";

    static HouseholdFact registered() {
        return HouseholdFact.apply(null, new HouseholdChange.Registered(ID, VILLAGE, 1, 3, 2019, "ORDINARY", List.of("a", "b", "a"))).fact();
    }

    @Test
    void aRegistrationCreatesTheFactWithDistinctMembers() {
        HouseholdFact.Applied a = HouseholdFact.apply(null, new HouseholdChange.Registered(ID, VILLAGE, 1, 3, 2019, "ORDINARY",
                List.of("a", "b", "a")));
        assertEquals(new HouseholdFact(ID, VILLAGE, 3, HouseholdStatus.REGISTERED, 1, 2019, "ORDINARY", null, null, false, null, 0), a.fact());
        assertEquals(List.of("a", "b"), a.persons());
    }

    @Test
    void changesOfAHouseholdWithoutFactAreIgnored() {
        assertNull(HouseholdFact.apply(null, new HouseholdChange.Exited(ID, VILLAGE, 5, 3, 2020)));
        assertNull(HouseholdFact.apply(null, new HouseholdChange.Updated(ID, VILLAGE, 5, 3, "ORDINARY", List.of())));
        assertNull(HouseholdFact.apply(null, new HouseholdChange.Returned(ID, VILLAGE, 5, 3, 2021)));
        assertNull(HouseholdFact.apply(null, new HouseholdChange.Removed(ID, VILLAGE, 5, 3, 2021)));
        assertNull(HouseholdFact.apply(null, new HouseholdChange.MonitoringStarted(ID, VILLAGE, 5, 3)));
        assertNull(HouseholdFact.apply(null, new HouseholdChange.MonitoringEnded(ID, VILLAGE, 5)));
    }

    @Test
    void olderVersionsAreIgnoredEqualOnesApplied() {
        HouseholdFact f = HouseholdFact.apply(registered(), new HouseholdChange.Exited(ID, VILLAGE, 3, 3, 2020)).fact();
        assertNull(HouseholdFact.apply(f, new HouseholdChange.Updated(ID, VILLAGE, 2, 49, "ORDINARY", List.of())));
        assertNull(HouseholdFact.apply(f, new HouseholdChange.Registered(ID, VILLAGE, 2, 4, 2018, "ORDINARY", List.of())));
        HouseholdFact same = HouseholdFact.apply(f, new HouseholdChange.MonitoringStarted(ID, VILLAGE, 3, 3)).fact();
        assertTrue(same.monitored());
        assertEquals(3, same.version());
    }

    @Test
    void everyAppliedChangeTakesTheRegionAndVersion() {
        HouseholdFact f = HouseholdFact.apply(registered(), new HouseholdChange.MonitoringEnded(ID, OTHER, 7)).fact();
        assertEquals(OTHER, f.regionCode());
        assertEquals(7, f.version());
        assertEquals(3, f.memberCount()); // monitoring-ended carries no member count
    }

    @Test
    void exitReturnAndRemoval() {
        HouseholdFact exited = HouseholdFact.apply(registered(), new HouseholdChange.Exited(ID, VILLAGE, 2, 4, 2020)).fact();
        assertEquals(HouseholdStatus.EXITED, exited.status());
        assertEquals(2020, exited.exitYear());
        assertEquals(4, exited.memberCount());
        HouseholdFact returned = HouseholdFact.apply(exited, new HouseholdChange.Returned(ID, VILLAGE, 3, 5, 2021)).fact();
        assertEquals(HouseholdStatus.REGISTERED, returned.status());
        assertEquals(1, returned.returnCount());
        assertEquals(2021, returned.lastReturnYear());
        assertEquals(2020, returned.exitYear()); // history
        // a return that is not from EXITED changes the status and year but counts no return
        HouseholdFact again = HouseholdFact.apply(returned, new HouseholdChange.Returned(ID, VILLAGE, 3, 5, 2022)).fact();
        assertEquals(1, again.returnCount());
        assertEquals(2022, again.lastReturnYear());
        HouseholdFact removed = HouseholdFact.apply(again, HouseholdChange.Removed.at(ID, VILLAGE, 4, 5,
                Instant.parse("2020-12-31T17:00:00Z"))).fact();
        assertEquals(HouseholdStatus.REMOVED, removed.status());
        assertEquals(2021, removed.removedYear()); // China time
        assertFalse(removed.holdsMembers());
        // even a removed household returns to REGISTERED on a return event, as the SQL did
        assertEquals(HouseholdStatus.REGISTERED, HouseholdFact.apply(removed, new HouseholdChange.Returned(ID, VILLAGE, 5, 5, 2023))
                .fact().status());
    }

    @Test
    void aNewerRegistrationReplacesRegistrationDataAndKeepsHistory() {
        HouseholdFact f = HouseholdFact.apply(registered(), new HouseholdChange.Exited(ID, VILLAGE, 2, 3, 2020)).fact();
        f = HouseholdFact.apply(f, new HouseholdChange.MonitoringStarted(ID, VILLAGE, 3, 3)).fact();
        HouseholdFact.Applied a = HouseholdFact.apply(f, new HouseholdChange.Registered(ID, OTHER, 4, 6, 2021, "POLICY_SAFETY_NET", List.of("c")));
        assertEquals(new HouseholdFact(ID, OTHER, 6, HouseholdStatus.REGISTERED, 4, 2021, "POLICY_SAFETY_NET", 2020, null, true, null, 0),
                a.fact());
        assertEquals(List.of("c"), a.persons());
    }

    @Test
    void anUpdateReplacesMembersCountAndType() {
        HouseholdFact.Applied a = HouseholdFact.apply(registered(), new HouseholdChange.Updated(ID, VILLAGE, 2, 2, "MINIMUM_LIVING_ALLOWANCE",
                List.of("x", "y")));
        assertEquals(2, a.fact().memberCount());
        assertEquals("MINIMUM_LIVING_ALLOWANCE", a.fact().householdType());
        assertEquals(HouseholdStatus.REGISTERED, a.fact().status());
        assertEquals(List.of("x", "y"), a.persons());
    }

    @Test
    void aRegionThatIsNotTwelveDigitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HouseholdFact.apply(null,
                new HouseholdChange.Registered(ID, "5224", 1, 3, 2019, "ORDINARY", List.of())));
    }
}
