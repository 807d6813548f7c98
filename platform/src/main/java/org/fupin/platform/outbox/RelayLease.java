package org.fupin.platform.outbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The publishing lease of the outbox relay: one row of {@code outbox_relay_lease} with an owner, an expiry and a
 * fencing token. Only one replica publishes at a time, and a replica that lost the lease cannot write:
 * <ul>
 *   <li>{@link #acquire()} takes a free or expired lease and increments the token; it renews a lease still held;</li>
 *   <li>{@link #whileHeld(Work)} runs the relay's writes in one transaction that first takes a share lock on the
 *       lease row and checks owner, token and expiry. A take-over must update that row, so it waits for the
 *       transaction to end and every later write of the old holder is refused ({@link LostException}). Hence the
 *       writes of two holders never interleave, whatever the clocks or pauses of the replicas.</li>
 * </ul>
 * A replica paused longer than the TTL (GC, SIGSTOP) may still send to Kafka once it resumes, until its next
 * write or renewal fails; such a send is a duplicate of a row the new holder publishes, and consumers drop it by
 * event id. Plain JDBC: a short transaction that locks one row and updates outbox rows, no ORM session needed.
 */
public class RelayLease {

    /** The lease was taken over or expired: the holder must stop at once. */
    public static class LostException extends RuntimeException {
        public LostException(String message) {
            super(message);
        }
    }

    /** Work done under the lease, inside its transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final String name;
    private final String owner;
    private final Duration ttl;
    private volatile long token = -1;
    private long renewedAtNanos;
    private boolean rowEnsured;

    public RelayLease(DataSource dataSource, String name, String owner, Duration ttl) {
        this.dataSource = dataSource;
        this.name = name;
        this.owner = owner;
        this.ttl = ttl;
    }

    /** The token of the lease this instance holds, or -1. */
    public long token() {
        return token;
    }

    public String owner() {
        return owner;
    }

    /** Whether this instance believes it holds the lease (the database decides at each write). */
    public boolean held() {
        return token >= 0;
    }

    /** Takes the lease if it is free or expired, or renews it (when due) if this instance holds it. */
    public boolean acquire() throws SQLException {
        if (held()) {
            try {
                renewIfDue();
                return true;
            } catch (LostException e) {
                // fall through: maybe nobody took it, then it is ours again with a new token
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            ensureRow(c);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("update outbox_relay_lease set owner = ?, token = token + 1,"
                    + " expires_at = now() + ? * interval '1 millisecond'"
                    + " where name = ? and (owner is null or expires_at <= now()) returning token")) {
                ps.setString(1, owner);
                ps.setLong(2, ttl.toMillis());
                ps.setString(3, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        token = rs.getLong(1);
                        renewedAtNanos = start;
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Extends the lease; {@link LostException} if it was taken over or had expired meanwhile. */
    public void renew() throws SQLException {
        long held = token;
        if (held < 0) {
            throw new LostException("lease " + name + " is not held");
        }
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update outbox_relay_lease set expires_at = now() + ? * interval '1 millisecond'"
                     + " where name = ? and owner = ? and token = ? and expires_at > now()")) {
            c.setAutoCommit(true);
            ps.setLong(1, ttl.toMillis());
            ps.setString(2, name);
            ps.setString(3, owner);
            ps.setLong(4, held);
            if (ps.executeUpdate() != 1) {
                lost();
            }
            renewedAtNanos = start;
        }
    }

    /** Renews when a third of the TTL has passed since the last renewal (cheap to call often). */
    public void renewIfDue() throws SQLException {
        if (System.nanoTime() - renewedAtNanos >= ttl.toNanos() / 3) {
            renew();
        }
    }

    /**
     * Runs {@code work} in a transaction that holds a share lock on the lease row, after checking that this instance
     * still holds the lease with its token; otherwise nothing is done and {@link LostException} is thrown.
     */
    public <T> T whileHeld(Work<T> work) throws SQLException {
        long held = token;
        if (held < 0) {
            throw new LostException("lease " + name + " is not held");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean valid;
                try (PreparedStatement ps = c.prepareStatement("select 1 from outbox_relay_lease"
                        + " where name = ? and owner = ? and token = ? and expires_at > now() for share")) {
                    ps.setString(1, name);
                    ps.setString(2, owner);
                    ps.setLong(3, held);
                    try (ResultSet rs = ps.executeQuery()) {
                        valid = rs.next();
                    }
                }
                if (!valid) {
                    c.rollback();
                    lost();
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Gives the lease up (at shutdown), so another replica need not wait for the expiry. */
    public void release() throws SQLException {
        long held = token;
        token = -1;
        if (held < 0) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update outbox_relay_lease set owner = null, expires_at = '-infinity'"
                     + " where name = ? and owner = ? and token = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, name);
            ps.setString(2, owner);
            ps.setLong(3, held);
            ps.executeUpdate();
        }
    }

    private void lost() {
        token = -1;
        throw new LostException("lease " + name + " was taken over or expired");
    }

    private void ensureRow(Connection c) throws SQLException {
        if (rowEnsured) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_relay_lease (name, owner, expires_at, token)"
                + " values (?, null, '-infinity', 0) on conflict (name) do nothing")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        rowEnsured = true;
    }
}
