package org.fupin.project.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplicaUpdateTest {

    static final String ID = "7f1c1a8e-3f0a-4a43-9b59-2f7d0f3d6e01";

    /** A household's history as household-service emits it (the registration shares its version with the step). */
    static List<ReplicaUpdate> history() {
        return List.of(
                ReplicaUpdate.of(ID, 1, "520102001001", null, "APPLIED", null),
                ReplicaUpdate.of(ID, 2, "520102001001", null, "TOWNSHIP_NOTICE", null),
                ReplicaUpdate.of(ID, 3, "520102001001", null, "REGISTERED", null),
                ReplicaUpdate.of(ID, 3, "520102001001", "H-001", "REGISTERED", 4),
                ReplicaUpdate.of(ID, 4, "520102001001", null, null, 5),              // updated
                ReplicaUpdate.of(ID, 5, "520102001001", null, "EXITED", 5),
                ReplicaUpdate.of(ID, 6, "520102001002", null, null, null),           // cadre assigned, region moved
                ReplicaUpdate.of(ID, 7, "520102001002", null, null, 6),              // monitoring started
                ReplicaUpdate.of(ID, 8, "520102001002", null, null, null));          // monitoring ended
    }

    static ReplicaUpdate fold(List<ReplicaUpdate> updates) {
        ReplicaUpdate acc = updates.get(0);
        for (ReplicaUpdate u : updates.subList(1, updates.size())) {
            acc = acc.merge(u);
        }
        return acc;
    }

    @Test
    void eachFieldTakesTheNewestEventThatCarriesIt() {
        ReplicaUpdate r = fold(history());
        assertEquals(new ReplicaUpdate(ID, 8, "520102001002", "H-001", "EXITED", 5, 6, 7), r);
    }

    @Test
    void theOrderOfArrivalAndReplaysDoNotMatter() {
        ReplicaUpdate expected = fold(history());
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            List<ReplicaUpdate> shuffled = new ArrayList<>(history());
            shuffled.addAll(history().subList(0, random.nextInt(history().size()))); // replays
            Collections.shuffle(shuffled, random);
            assertEquals(expected, fold(shuffled), "order " + shuffled);
        }
        assertEquals(expected, expected.merge(expected));
    }

    @Test
    void anOlderEventNeverOverwritesANewerOne() {
        ReplicaUpdate removed = ReplicaUpdate.of(ID, 9, "520102001002", null, "REMOVED", 6);
        ReplicaUpdate late = ReplicaUpdate.of(ID, 3, "520102001001", "H-001", "REGISTERED", 4);
        assertEquals(new ReplicaUpdate(ID, 9, "520102001002", "H-001", "REMOVED", 9, 6, 9), removed.merge(late));
    }

    @Test
    void onlyOneHousehold() {
        assertThrows(IllegalArgumentException.class, () -> fold(history()).merge(
                ReplicaUpdate.of("0f1c1a8e-3f0a-4a43-9b59-2f7d0f3d6e01", 1, "520102001001", null, "APPLIED", null)));
    }
}
