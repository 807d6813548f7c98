package org.fupin.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Decides what a failed consumption means, walking the whole cause chain (Hibernate, JTA and Quarkus wrap the JDBC
 * driver's exception several levels deep). Plain Java: classes outside the JDK are matched by name.
 * <ol>
 *   <li>{@link PoisonEventException} anywhere in the chain → {@link Kind#POISON}: a projection said so explicitly.</li>
 *   <li>Infrastructure anywhere in the chain → {@link Kind#TRANSIENT}: any {@link SQLException} (connection refused
 *   or closed, SQLState class 08; 57P01–57P03 shutdown / cannot connect now; 55000 "database is not accepting
 *   connections"; 40001 serialization failure; 40P01 deadlock; 55P03 lock not available; 57014 statement timeout;
 *   Agroal's acquisition timeout, which has no SQLState; {@link SQLTransientException},
 *   {@link SQLRecoverableException}), JPA/Hibernate lock and query timeouts, optimistic and pessimistic lock
 *   failures, a rolled-back commit, I/O errors and timeouts.
 *   <br>Why every SQLException, even a data (22xxx) or integrity (23xxx) error: the payload already passed its JSON
 *   Schema, so such an error means the consumer's own schema or code disagrees with the contract. A deployment
 *   fixes that, and then the very record applies; dead-lettering it would drop it from the figures for good (a
 *   replay is ignored once a newer version of the aggregate was applied). Retrying stalls the channel visibly instead
 *   (readiness DOWN, naming the SQLState) — it never loses the event.</li>
 *   <li>A contract violation → {@link Kind#POISON}: {@link IllegalArgumentException} (also
 *   {@link NumberFormatException}), Jackson's parse and mapping errors, {@link java.time.DateTimeException}.</li>
 *   <li>Anything else → {@link Kind#UNCLASSIFIED}: an unexpected exception of the consumer's own code (e.g. a
 *   NullPointerException). The inbox retries it a bounded number of times and then dead-letters it, so one record
 *   that hits a bug does not stop every figure of every region.</li>
 * </ol>
 */
public final class FailureClassifier {

    public enum Kind {
        /** Can never succeed: dead-letter at once. */
        POISON,
        /** Infrastructure: retry until it succeeds, never dead-letter. */
        TRANSIENT,
        /** Neither: retry a few times, then dead-letter. */
        UNCLASSIFIED
    }

    /** Non-JDK exception types (and their subclasses) that mean "try again later". */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.OptimisticLockException",
            "jakarta.transaction.RollbackException",
            "org.hibernate.JDBCException", // JDBCConnectionException, LockAcquisitionException, GenericJDBCException, ...
            "org.hibernate.QueryTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.StaleStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException",
            "org.apache.kafka.common.errors.RetriableException");

    /** Non-JDK exception types that mean "this record is malformed". */
    private static final Set<String> POISON_TYPES = Set.of(
            "com.fasterxml.jackson.core.JacksonException",
            "com.fasterxml.jackson.core.JsonProcessingException");

    private FailureClassifier() {
    }

    public static Kind classify(Throwable failure) {
        Iterable<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof PoisonEventException) {
                return Kind.POISON;
            }
        }
        for (Throwable t : chain) {
            if (isTransient(t)) {
                return Kind.TRANSIENT;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IllegalArgumentException || t instanceof java.time.DateTimeException
                    || isA(t, POISON_TYPES)) {
                return Kind.POISON;
            }
        }
        return Kind.UNCLASSIFIED;
    }

    /** Whether the channel's failure strategy must move the record to the dead-letter topic. */
    public static boolean isDeadLetter(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short description for logs and the readiness check: exception types and SQLStates only, never a message
     * (a driver message may quote the values of a row).
     */
    public static String describe(Throwable failure) {
        StringBuilder s = new StringBuilder();
        for (Throwable t : chain(failure)) {
            if (!s.isEmpty()) {
                s.append(" ← ");
            }
            s.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                s.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return s.toString();
    }

    private static boolean isTransient(Throwable t) {
        return t instanceof SQLException // incl. SQLTransientException, SQLRecoverableException, PSQLException
                || t instanceof java.util.concurrent.TimeoutException
                // ConnectException, SocketTimeoutException, EOFException; not Jackson's parse errors (IOExceptions too)
                || t instanceof java.io.IOException && !isA(t, POISON_TYPES)
                || t instanceof java.io.UncheckedIOException
                || isA(t, TRANSIENT_TYPES);
    }

    /** Whether the class of t or one of its superclasses is named in the set. */
    private static boolean isA(Throwable t, Set<String> typeNames) {
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (typeNames.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The failure, its causes, and the exceptions chained by {@link SQLException#getNextException()}; no cycles. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && out.size() < 64) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return out;
    }
}
