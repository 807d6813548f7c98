package org.fupin.platform.inbox;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The split logic of the batch inbox, without Kafka or a database: each attempt is all or nothing, like a transaction. */
class BatchBisectorTest {

    /** A fake store: an attempt either applies every record of the segment or fails and applies none. */
    static class Store implements BatchBisector.Steps<Integer> {
        final Set<Integer> poison;
        final Set<Integer> buggy;
        int outageAttempts; // the next n attempts fail as if the database refused connections
        final List<Integer> applied = new ArrayList<>();
        final List<Integer> dead = new ArrayList<>();
        final List<FailureClassifier.Kind> deadKinds = new ArrayList<>();
        final List<Integer> deadAttempts = new ArrayList<>();
        final List<Integer> retriedSizes = new ArrayList<>();
        int attempts;
        int settled;
        int stopAfterWaits = Integer.MAX_VALUE;

        Store(Set<Integer> poison, Set<Integer> buggy) {
            this.poison = poison;
            this.buggy = buggy;
        }

        @Override
        public void apply(List<Integer> segment) {
            attempts++;
            if (outageAttempts > 0) {
                outageAttempts--;
                throw new IllegalStateException("wrapped", new SQLException("refused", "08001"));
            }
            for (Integer i : segment) {
                if (poison.contains(i)) {
                    throw new PoisonEventException("record " + i);
                }
                if (buggy.contains(i)) {
                    throw new NullPointerException("record " + i);
                }
            }
            applied.addAll(segment);
        }

        @Override
        public void deadLetter(Integer record, RuntimeException failure, FailureClassifier.Kind kind, int attempts) {
            dead.add(record);
            deadKinds.add(kind);
            deadAttempts.add(attempts);
        }

        @Override
        public void awaitRetry(List<Integer> segment, int failedAttempts, FailureClassifier.Kind kind, RuntimeException failure) {
            retriedSizes.add(segment.size());
            if (retriedSizes.size() >= stopAfterWaits) {
                throw new InboxStoppedException("stopping", failure);
            }
        }

        @Override
        public void settled(List<Integer> segment, int attempts) {
            settled++;
        }
    }

    static List<Integer> records(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aCleanBatchIsOneAttempt() {
        Store store = new Store(Set.of(), Set.of());
        BatchBisector<Integer> b = new BatchBisector<>(5);
        b.run(records(500), store);
        assertEquals(records(500), store.applied);
        assertEquals(1, store.attempts);
        assertEquals(0, b.splits());
    }

    @Test
    void aPoisonRecordIsIsolatedAndTheRestIsAppliedInOrder() {
        Store store = new Store(Set.of(137), Set.of());
        BatchBisector<Integer> b = new BatchBisector<>(5);
        b.run(records(500), store);
        assertEquals(records(500).stream().filter(i -> i != 137).toList(), store.applied, "every other record, in record order");
        assertEquals(List.of(137), store.dead);
        assertEquals(List.of(FailureClassifier.Kind.POISON), store.deadKinds);
        assertEquals(List.of(), store.retriedSizes, "poison is never retried");
        assertTrue(store.attempts <= 2 * 9 + 1, "about 2·log2(n) attempts, not n: " + store.attempts);
    }

    @Test
    void severalPoisonRecordsAtTheEdgesAndSideBySide() {
        Store store = new Store(Set.of(0, 5, 6, 9), Set.of());
        new BatchBisector<Integer>(5).run(records(10), store);
        assertEquals(List.of(1, 2, 3, 4, 7, 8), store.applied);
        assertEquals(List.of(0, 5, 6, 9), store.dead);
    }

    @Test
    void aBugIsIsolatedThenRetriedAloneUpToMaxAttempts() {
        Store store = new Store(Set.of(), Set.of(3));
        new BatchBisector<Integer>(4).run(records(8), store);
        assertEquals(List.of(0, 1, 2, 4, 5, 6, 7), store.applied);
        assertEquals(List.of(3), store.dead);
        assertEquals(List.of(FailureClassifier.Kind.UNCLASSIFIED), store.deadKinds);
        assertEquals(List.of(4), store.deadAttempts);
        assertEquals(List.of(1, 1, 1), store.retriedSizes, "the record alone waits between its attempts, the batch never");
        assertEquals(1, store.settled);
    }

    @Test
    void aTransientFailureRetriesTheWholeBatchUntilItSucceeds() {
        Store store = new Store(Set.of(), Set.of());
        store.outageAttempts = 12; // more than max-attempts: an outage never dead-letters
        BatchBisector<Integer> b = new BatchBisector<>(5);
        b.run(records(50), store);
        assertEquals(records(50), store.applied);
        assertEquals(List.of(), store.dead);
        assertEquals(0, b.splits(), "an outage is no record's fault: the batch is not split");
        assertEquals(12, store.retriedSizes.size());
        assertTrue(store.retriedSizes.stream().allMatch(s -> s == 50));
        assertEquals(1, store.settled);
    }

    @Test
    void anOutageThenAPoisonRecord() {
        Store store = new Store(Set.of(7), Set.of());
        store.outageAttempts = 3;
        new BatchBisector<Integer>(5).run(records(20), store);
        assertEquals(records(20).stream().filter(i -> i != 7).toList(), store.applied);
        assertEquals(List.of(7), store.dead);
    }

    @Test
    void stoppingWhileWaitingAppliesNothingAndDeadLettersNothing() {
        Store store = new Store(Set.of(), Set.of());
        store.outageAttempts = Integer.MAX_VALUE;
        store.stopAfterWaits = 3;
        assertThrows(InboxStoppedException.class, () -> new BatchBisector<Integer>(5).run(records(10), store));
        assertEquals(List.of(), store.applied);
        assertEquals(List.of(), store.dead);
        assertEquals(1, store.settled, "the waiting state is cleared");
    }
}
