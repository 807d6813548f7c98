package org.fupin.platform.inbox;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;

import static org.fupin.platform.inbox.FailureClassifier.Kind.POISON;
import static org.fupin.platform.inbox.FailureClassifier.Kind.TRANSIENT;
import static org.fupin.platform.inbox.FailureClassifier.Kind.UNCLASSIFIED;
import static org.fupin.platform.inbox.FailureClassifier.classify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureClassifierTest {

    static SQLException state(String sqlState) {
        return new SQLException("a driver message that may quote row values", sqlState);
    }

    @Test
    void infrastructureFailuresAreTransientHoweverDeeplyWrapped() {
        // what Hibernate threw in the reported outage: the database refusing connections
        assertEquals(TRANSIENT, classify(new GenericJDBCException("Unable to acquire JDBC Connection", state("55000"))));
        assertEquals(TRANSIENT, classify(new JDBCConnectionException("I/O error", new PSQLException("closed", PSQLState.CONNECTION_FAILURE))));
        assertEquals(TRANSIENT, classify(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("refused"))));
        for (String s : new String[]{"08001", "08003", "08006", "57P01", "57P02", "57P03", "40001", "40P01", "55P03", "57014"}) {
            assertEquals(TRANSIENT, classify(new PersistenceException(new RuntimeException(state(s)))), s);
        }
        assertEquals(TRANSIENT, classify(new LockAcquisitionException("deadlock", state("40P01"))));
        assertEquals(TRANSIENT, classify(new SQLTransientConnectionException("pool")));
        assertEquals(TRANSIENT, classify(new SQLRecoverableException("gone")));
        // Agroal's acquisition timeout has no SQLState
        assertEquals(TRANSIENT, classify(new GenericJDBCException("Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(TRANSIENT, classify(new QueryTimeoutException("statement timeout")));
        assertEquals(TRANSIENT, classify(new LockTimeoutException("lock timeout")));
        assertEquals(TRANSIENT, classify(new org.hibernate.QueryTimeoutException("timeout", state("57014"), "select 1")));
        assertEquals(TRANSIENT, classify(new QuarkusTransactionException(new jakarta.transaction.RollbackException("ARJUNA016053 commit failed"))));
        assertEquals(TRANSIENT, classify(new IllegalStateException(new TimeoutException())));
        assertEquals(TRANSIENT, classify(new UncheckedIOException(new java.io.IOException("reset"))));
    }

    @Test
    void everySqlErrorIsRetriedBecauseDeadLetteringItWouldLoseTheEvent() {
        // data and integrity errors after the schema check: the consumer disagrees with the contract, a deployment fixes it
        assertEquals(TRANSIENT, classify(new PersistenceException(state("22003"))));
        assertEquals(TRANSIENT, classify(new PersistenceException(state("23502"))));
        // an SQLException under a contract-violation type is still infrastructure first
        assertEquals(TRANSIENT, classify(new IllegalArgumentException("wrapped", state("08006"))));
    }

    @Test
    void recordsThatCanNeverSucceedArePoison() {
        assertEquals(POISON, classify(new PoisonEventException("unknown event type")));
        assertEquals(POISON, classify(new RuntimeException(new PoisonEventException("explicit"))));
        // explicit poison wins even over a database failure in its chain
        assertEquals(POISON, classify(new PoisonEventException("explicit", state("08006"))));
        assertEquals(POISON, classify(new IllegalArgumentException("household id is not a UUID")));
        assertEquals(POISON, classify(new NumberFormatException("ce_aggregateversion")));
        assertEquals(POISON, classify(new IllegalArgumentException("malformed", new JsonParseException(null, "Unexpected character"))));
        assertEquals(POISON, classify(JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null, "no such field")));
        assertEquals(POISON, classify(new DateTimeParseException("bad date", "2026-13-01", 5)));
    }

    @Test
    void aBugInTheConsumerIsUnclassified() {
        assertEquals(UNCLASSIFIED, classify(new NullPointerException()));
        assertEquals(UNCLASSIFIED, classify(new IllegalStateException("no such state")));
        assertEquals(UNCLASSIFIED, classify(null));
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(UNCLASSIFIED, classify(a));
    }

    @Test
    void onlyThePoisonMarkerIsDeadLettered() {
        assertTrue(FailureClassifier.isDeadLetter(new RuntimeException(new PoisonEventException("x"))));
        assertFalse(FailureClassifier.isDeadLetter(new IllegalArgumentException("not yet classified by the inbox")));
        assertFalse(FailureClassifier.isDeadLetter(new InboxStoppedException("stopping", state("57P01"))));
        assertFalse(FailureClassifier.isDeadLetter(new OutOfMemoryError()));
    }

    @Test
    void theDescriptionNamesTypesAndStatesButNoMessage() {
        String d = FailureClassifier.describe(new GenericJDBCException("Unable to acquire JDBC Connection", state("55000")));
        assertEquals("GenericJDBCException ← SQLException (SQLState 55000)", d);
        assertFalse(d.contains("row values"));
    }
}
