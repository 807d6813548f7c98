package org.fupin.platform.inbox;

import java.util.List;

/**
 * The failure handling of a batch, as plain Java (unit-tested without Quarkus): one attempt applies a whole segment in
 * one transaction; what a failure means is decided by {@link FailureClassifier}.
 * <ul>
 *   <li>Transient: the same segment is tried again after a back-off, until it succeeds (a database outage is no
 *   record's fault, so the batch is not split).</li>
 *   <li>Poison or unclassified in a segment of several records: the segment is halved and the halves are handled in
 *   order, first the left one, each in its own transaction, so the offending record ends up alone while every other
 *   record is applied, in record order.</li>
 *   <li>Poison in a single record: dead-lettered at once. Unclassified in a single record: retried until
 *   {@code maxAttempts} such failures, then dead-lettered (failures of another kind in between, e.g. an outage, do not
 *   use up those attempts).</li>
 * </ul>
 * One record among n costs about 2·log2(n) extra attempts.
 *
 * @param <T> a record of the batch
 */
final class BatchBisector<T> {

    /** What the bisector does with a segment; implemented by {@link BatchInbox}. */
    interface Steps<T> {
        /** One attempt: applies the segment in one transaction, or throws (and nothing of it is applied). */
        void apply(List<T> segment);

        /** Sends the record to the dead-letter topic (returns once the broker has acknowledged it). */
        void deadLetter(T record, RuntimeException failure, FailureClassifier.Kind kind, int attempts);

        /** Waits before the next attempt of the segment; throws {@link InboxStoppedException} when the service stops. */
        void awaitRetry(List<T> segment, int failedAttempts, FailureClassifier.Kind kind, RuntimeException failure);

        /** The segment that waited ({@link #awaitRetry}) is done with: applied, split or dead-lettered. */
        void settled(List<T> segment, int attempts);
    }

    private enum Outcome { DONE, SPLIT }

    private final int maxAttempts;
    private int splits;

    BatchBisector(int maxAttempts) {
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** Handles the whole batch; returns normally once every record is applied or dead-lettered. */
    void run(List<T> batch, Steps<T> steps) {
        if (!batch.isEmpty()) {
            segment(batch, steps);
        }
    }

    /** How often a segment was halved. */
    int splits() {
        return splits;
    }

    private void segment(List<T> segment, Steps<T> steps) {
        if (attempts(segment, steps) == Outcome.SPLIT) {
            splits++;
            int half = segment.size() / 2;
            segment(segment.subList(0, half), steps);
            segment(segment.subList(half, segment.size()), steps);
        }
    }

    private Outcome attempts(List<T> segment, Steps<T> steps) {
        int unexpected = 0; // counted apart: failures during an outage do not use up the attempts of a bug
        int waited = 0;
        try {
            for (int attempt = 1; ; attempt++) {
                RuntimeException failure;
                try {
                    steps.apply(segment);
                    return Outcome.DONE;
                } catch (RuntimeException e) {
                    failure = e;
                }
                FailureClassifier.Kind kind = FailureClassifier.classify(failure);
                if (kind != FailureClassifier.Kind.TRANSIENT && segment.size() > 1) {
                    return Outcome.SPLIT;
                }
                if (kind == FailureClassifier.Kind.UNCLASSIFIED) {
                    unexpected++;
                }
                if (kind == FailureClassifier.Kind.POISON
                        || kind == FailureClassifier.Kind.UNCLASSIFIED && unexpected >= maxAttempts) {
                    steps.deadLetter(segment.get(0), failure, kind, attempt);
                    return Outcome.DONE;
                }
                waited = attempt;
                steps.awaitRetry(segment, attempt, kind, failure);
            }
        } finally {
            if (waited > 0) {
                steps.settled(segment, waited);
            }
        }
    }
}
