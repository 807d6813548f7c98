package org.fupin.platform.usecase;

import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.outbox.Outbox;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The last steps of a use case: each event to the outbox in order, with the aggregate's id, version and region; then audit. */
class ChangeRecorderTest {

    record Exited(String id) {
    }

    record Registered(String id) {
    }

    @Test
    void appendsEveryEventInOrderThenAuditsWithTheEffectiveDate() {
        List<String> calls = new ArrayList<>();
        ChangeRecorder recorder = new ChangeRecorder();
        recorder.outbox = new Outbox() {
            @Override
            public UUID append(String aggregateId, long aggregateVersion, String regionCode, Object event) {
                calls.add("outbox " + aggregateId + " v" + aggregateVersion + " " + regionCode + " " + event);
                return UUID.randomUUID();
            }
        };
        recorder.audit = new AuditTrail() {
            @Override
            public void record(String action, String entityType, String entityId, String regionCode, String detail) {
                calls.add("audit " + action + " " + entityType + " " + entityId + " " + regionCode + " " + detail);
            }
        };
        recorder.record(new AggregateChange("household", "h-1", 3, "522428103201", LocalDate.of(2017, 11, 30),
                "household.exited", "REGISTERED -> EXITED", List.of(new Registered("h-1"), new Exited("h-1"))));
        assertEquals(List.of(
                "outbox h-1 v3 522428103201 Registered[id=h-1]",
                "outbox h-1 v3 522428103201 Exited[id=h-1]",
                "audit household.exited household h-1 522428103201 REGISTERED -> EXITED; effective 2017-11-30"), calls);
    }

    @Test
    void aChangeWithoutItsEffectiveDateIsRefused() {
        assertThrows(NullPointerException.class, () -> new AggregateChange("household", "h-1", 1, "522428103201", null,
                "household.applied", null, List.of()));
    }
}
