package org.fupin.platform.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sorts a failed send into a failure of the row itself, which counts towards parking it, or anything else (broker
 * down or unreachable, timeout, leader moving, producer fenced or closed, an unknown error), which only delays
 * publishing: the relay backs off and retries, and the row's attempts stay as they were. Unknown failures are
 * treated as outages on purpose: Kafka being down must never park a row.
 */
public final class SendFailure {

    public enum Kind {
        /** The broker is unreachable or not ready: retry later, count nothing. */
        OUTAGE,
        /** This record can never be sent as it is: count an attempt, park it after {@code max-attempts}. */
        ROW
    }

    private SendFailure() {
    }

    public static Kind classify(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof RecordTooLargeException // larger than max.request.size or the broker's message.max.bytes
                || t instanceof RecordBatchTooLargeException
                || t instanceof InvalidTopicException // a topic name Kafka rejects
                || t instanceof InvalidRecordException // the broker rejected the record (e.g. a topic's policy)
                || t instanceof SerializationException
                || t instanceof TopicAuthorizationException) { // this topic only; a fixed ACL plus a re-queue sends it
            return Kind.ROW;
        }
        return Kind.OUTAGE;
    }

    /** The message stored as {@code last_error}: the exception class and message, at most 1000 characters. */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        String msg = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return msg.length() > 1000 ? msg.substring(0, 1000) : msg;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
