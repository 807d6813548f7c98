package org.fupin.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Retry settings of the {@link BatchInbox}. */
@ConfigMapping(prefix = "fupin.inbox")
public interface InboxConfig {

    /** First wait after a failed attempt; it doubles after every further failure up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration minBackoff();

    /** Longest wait between two attempts; a transient failure is retried at this pace until it succeeds. */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * Attempts for a failure that is neither transient nor poison (an unexpected exception of the consumer's own
     * code, see {@link FailureClassifier}); after them the record is dead-lettered. Transient failures ignore it.
     */
    @WithDefault("5")
    int maxAttempts();
}
