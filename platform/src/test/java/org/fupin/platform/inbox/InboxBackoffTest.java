package org.fupin.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InboxBackoffTest {

    static BatchInbox inbox(Duration min, Duration max) {
        BatchInbox inbox = new BatchInbox();
        inbox.config = new InboxConfig() {
            @Override
            public Duration minBackoff() {
                return min;
            }

            @Override
            public Duration maxBackoff() {
                return max;
            }

            @Override
            public int maxAttempts() {
                return 5;
            }
        };
        return inbox;
    }

    @Test
    void doublesFromTheMinimumAndStaysAtTheMaximumForever() {
        BatchInbox inbox = inbox(Duration.ofMillis(200), Duration.ofSeconds(10));
        assertEquals(Duration.ofMillis(200), inbox.backoff(1));
        assertEquals(Duration.ofMillis(400), inbox.backoff(2));
        assertEquals(Duration.ofMillis(6400), inbox.backoff(6));
        assertEquals(Duration.ofSeconds(10), inbox.backoff(7));
        assertEquals(Duration.ofSeconds(10), inbox.backoff(1_000_000)); // no overflow after a long outage
    }
}
