package org.fupin.reporting.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The newest snapshot wins; the beneficiary list has a version of its own. */
class ProjectSnapshotTest {

    static final UUID ID = UUID.randomUUID();
    static final UUID H1 = UUID.randomUUID();
    static final UUID H2 = UUID.randomUUID();

    static ProjectSnapshot event(long version, String stage, Set<UUID> households) {
        return new ProjectSnapshot(ID, "P-1", "460101001001", "industry", 2020, "first", stage, LocalDate.of(2020, 5, 1),
                Map.of("central-budget", new BigDecimal("100.00")), null, new BigDecimal("0.00"), List.of(),
                LocalDate.of(2020, 5, 1), version, households, households == null ? 0 : version);
    }

    @Test
    void theFirstEventCreatesTheProjectWithoutHouseholds() {
        ProjectSnapshot p = ProjectSnapshot.merge(null, event(3, "TENDERING", null));
        assertEquals("TENDERING", p.stage());
        assertEquals(3, p.version());
        assertEquals(Set.of(), p.householdIds());
        assertEquals(0, p.beneficiariesVersion());
    }

    @Test
    void aNewerSnapshotReplacesAnOlderOneChangesNothing() {
        ProjectSnapshot v2 = ProjectSnapshot.merge(null, event(2, "TENDERING", null));
        ProjectSnapshot v3 = ProjectSnapshot.merge(v2, event(3, "UNDER_CONSTRUCTION", null));
        assertEquals("UNDER_CONSTRUCTION", v3.stage());
        assertEquals(v3, ProjectSnapshot.merge(v3, event(2, "TENDERING", null)), "out of order: no-op");
        ProjectSnapshot withOldList = ProjectSnapshot.merge(v3, event(1, "PLANNED", Set.of(H1)));
        assertEquals("UNDER_CONSTRUCTION", withOldList.stage(), "an older snapshot does not come back with its list");
        assertEquals(Set.of(H1), withOldList.householdIds(), "but the list is the newest one known");
        assertEquals(v3, ProjectSnapshot.merge(v3, event(3, "UNDER_CONSTRUCTION", null)), "a replay: no-op");
    }

    @Test
    void theBeneficiaryListKeepsItsOwnVersion() {
        ProjectSnapshot p = ProjectSnapshot.merge(null, event(1, "PLANNED", null));
        p = ProjectSnapshot.merge(p, event(2, "PLANNED", Set.of(H1, H2)));
        assertEquals(Set.of(H1, H2), p.householdIds());
        assertEquals(2, p.beneficiariesVersion());
        // a progress report (no list) keeps the list
        p = ProjectSnapshot.merge(p, event(3, "UNDER_CONSTRUCTION", null));
        assertEquals(Set.of(H1, H2), p.householdIds());
        assertEquals(3, p.version());
        // the list of version 4 arrives after the snapshot of version 5: both kept
        p = ProjectSnapshot.merge(p, event(5, "COMPLETED", null));
        p = ProjectSnapshot.merge(p, event(4, "UNDER_CONSTRUCTION", Set.of(H1)));
        assertEquals("COMPLETED", p.stage());
        assertEquals(5, p.version());
        assertEquals(Set.of(H1), p.householdIds());
        assertEquals(4, p.beneficiariesVersion());
        // an older list is ignored
        ProjectSnapshot held = p;
        assertEquals(held, ProjectSnapshot.merge(held, event(2, "PLANNED", Set.of(H1, H2))));
    }

    @Test
    void arrivalOrderDoesNotMatter() {
        List<ProjectSnapshot> events = List.of(event(1, "PLANNED", null), event(2, "PLANNED", Set.of(H1)),
                event(3, "PRE_APPROVAL_DONE", null), event(4, "PRE_APPROVAL_DONE", Set.of(H1, H2)), event(5, "TENDERING", null));
        ProjectSnapshot inOrder = null;
        for (ProjectSnapshot e : events) {
            inOrder = ProjectSnapshot.merge(inOrder, e);
        }
        ProjectSnapshot reversed = null;
        for (int i = events.size() - 1; i >= 0; i--) {
            reversed = ProjectSnapshot.merge(reversed, events.get(i));
        }
        assertEquals(inOrder, reversed);
        assertEquals("TENDERING", inOrder.stage());
        assertEquals(Set.of(H1, H2), inOrder.householdIds());
    }

    @Test
    void aSnapshotOutsideTheContractIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ProjectSnapshot(ID, "P", "4601", null, 2020, null, "PLANNED", null,
                Map.of(), null, null, List.of(), null, 1, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProjectSnapshot(ID, "P", "460101001001", null, 2020, null, "DONE",
                null, Map.of(), null, null, List.of(), null, 1, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProjectSnapshot(ID, "P", "460101001001", null, 2020, null,
                "PLANNED", null, Map.of("central-budget", new BigDecimal("-1.00")), null, null, List.of(), null, 1, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProjectSnapshot(ID, "P", "460101001001", null, 2020, null,
                "PLANNED", null, Map.of(), new BigDecimal("100.01"), null, List.of(), null, 1, null, 0));
        assertThrows(IllegalArgumentException.class, () -> ProjectSnapshot.merge(event(1, "PLANNED", null),
                new ProjectSnapshot(UUID.randomUUID(), "P", "460101001001", null, 2020, null, "PLANNED", null, Map.of(), null,
                        null, List.of(), null, 2, null, 0)));
    }

    @Test
    void budgetTotalAndIncompleteness() {
        ProjectSnapshot p = new ProjectSnapshot(ID, "P", "460101001001", null, 2020, null, "PLANNED", null,
                Map.of("central-budget", new BigDecimal("100.50"), "bank-loans", new BigDecimal("0.50")), null, null,
                List.of("category"), null, 1, null, 0);
        assertEquals(new BigDecimal("101.00"), p.budgetTotal());
        assertTrue(p.incomplete());
        assertEquals(BigDecimal.ZERO, p.investmentCompleted());
        assertSame(p.budget(), p.budget());
    }
}
