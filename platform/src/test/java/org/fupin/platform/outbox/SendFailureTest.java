package org.fupin.platform.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.fupin.platform.outbox.SendFailure.Kind.OUTAGE;
import static org.fupin.platform.outbox.SendFailure.Kind.ROW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only a failure of the record itself counts towards parking; Kafka being down or slow never does. */
class SendFailureTest {

    @Test
    void failuresOfTheRecordItselfCountTowardsParking() {
        assertEquals(ROW, SendFailure.classify(new RecordTooLargeException("The message is 2000000 bytes")));
        assertEquals(ROW, SendFailure.classify(new ExecutionException(new RecordTooLargeException("too large"))));
        assertEquals(ROW, SendFailure.classify(new InvalidTopicException("bad topic name")));
        assertEquals(ROW, SendFailure.classify(new InvalidRecordException("rejected by the broker")));
        assertEquals(ROW, SendFailure.classify(new SerializationException("cannot serialise")));
    }

    @Test
    void brokerOutagesAndUnknownFailuresNeverPark() {
        assertEquals(OUTAGE, SendFailure.classify(new TimeoutException("Topic t not present in metadata after 10000 ms")));
        assertEquals(OUTAGE, SendFailure.classify(new ExecutionException(new TimeoutException("Expiring 3 record(s)"))));
        assertEquals(OUTAGE, SendFailure.classify(new NetworkException("connection reset")));
        assertEquals(OUTAGE, SendFailure.classify(new DisconnectException()));
        assertEquals(OUTAGE, SendFailure.classify(new NotLeaderOrFollowerException("leader moved")));
        assertEquals(OUTAGE, SendFailure.classify(new NotEnoughReplicasException("min.insync.replicas")));
        assertEquals(OUTAGE, SendFailure.classify(new UnknownTopicOrPartitionException("not yet created")));
        assertEquals(OUTAGE, SendFailure.classify(new OutOfOrderSequenceException("sequence")));
        assertEquals(OUTAGE, SendFailure.classify(new ProducerFencedException("fenced")));
        assertEquals(OUTAGE, SendFailure.classify(new AuthenticationException("bad credentials")));
        assertEquals(OUTAGE, SendFailure.classify(new UnknownServerException("?")));
        assertEquals(OUTAGE, SendFailure.classify(new IllegalStateException("Cannot perform operation after producer has been closed")));
        assertEquals(OUTAGE, SendFailure.classify(new RuntimeException("anything else")));
    }

    @Test
    void theStoredErrorNamesTheExceptionAndIsBounded() {
        String d = SendFailure.describe(new ExecutionException(new RecordTooLargeException("x".repeat(5000))));
        assertTrue(d.startsWith("org.apache.kafka.common.errors.RecordTooLargeException: xxx"), d);
        assertEquals(1000, d.length());
    }
}
