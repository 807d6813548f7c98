package org.fupin.household.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fupin.platform.outbox.RelayLease;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two relay replicas on one database never publish at once: the lease has one holder, and a replica that lost it
 * (paused past its TTL while another took over) cannot mark a row published. Each test uses its own lease name and
 * rows the application's relay leaves alone (inserted parked), so the running relay does not interfere.
 */
@QuarkusTest
class RelayLeaseFencingTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aReplicaThatLostTheLeaseCannotMarkRowsPublished() throws Exception {
        String name = "fencing-test-" + UUID.randomUUID();
        RelayLease a = new RelayLease(db, name, "replica-a", Duration.ofSeconds(30));
        RelayLease b = new RelayLease(db, name, "replica-b", Duration.ofSeconds(30));
        long row = insertRow();

        assertTrue(a.acquire());
        assertFalse(b.acquire(), "one holder at a time");

        // replica A is paused past its TTL; B takes the lease over with the next token
        exec("update outbox_relay_lease set expires_at = now() - interval '1 second' where name = '" + name + "'");
        assertTrue(b.acquire());
        assertEquals(a.token() + 1, b.token());

        // A resumes: its write is refused and changes nothing; it cannot renew; it stops
        assertThrows(RelayLease.LostException.class, () -> a.whileHeld(c -> markPublished(c, row)));
        assertFalse(published(row));
        assertFalse(a.held());
        assertThrows(RelayLease.LostException.class, a::renew);
        assertFalse(a.acquire(), "B still holds it");

        assertEquals(1, (int) b.whileHeld(c -> markPublished(c, row)));
        assertTrue(published(row));
    }

    @Test
    void anExpiredLeaseNobodyTookIsNotEnoughToWrite() throws Exception {
        String name = "fencing-test-" + UUID.randomUUID();
        RelayLease a = new RelayLease(db, name, "replica-a", Duration.ofSeconds(30));
        long row = insertRow();
        assertTrue(a.acquire());
        long first = a.token();
        exec("update outbox_relay_lease set expires_at = now() - interval '1 second' where name = '" + name + "'");
        assertThrows(RelayLease.LostException.class, () -> a.whileHeld(c -> markPublished(c, row)));
        assertFalse(published(row));
        assertTrue(a.acquire(), "free again: re-acquired");
        assertEquals(first + 1, a.token(), "with a new token");
        assertEquals(1, (int) a.whileHeld(c -> markPublished(c, row)));
    }

    @Test
    void aTakeOverWaitsUntilTheHoldersWriteHasCommitted() throws Exception {
        String name = "fencing-test-" + UUID.randomUUID();
        RelayLease a = new RelayLease(db, name, "replica-a", Duration.ofSeconds(1));
        RelayLease b = new RelayLease(db, name, "replica-b", Duration.ofSeconds(30));
        long row = insertRow();
        assertTrue(a.acquire());
        CompletableFuture<Boolean> takeOver = new CompletableFuture<>();
        a.whileHeld(c -> {
            // A's lease expires while its write transaction is open; B tries to take it over meanwhile
            await().atMost(Duration.ofSeconds(10)).until(() -> leaseExpired(name));
            CompletableFuture.runAsync(() -> {
                try {
                    takeOver.complete(b.acquire());
                } catch (Exception e) {
                    takeOver.completeExceptionally(e);
                }
            });
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !takeOver.isDone());
            return markPublished(c, row);
        });
        // A's write committed under the lease; only then did B get it
        await().atMost(Duration.ofSeconds(10)).until(takeOver::isDone);
        assertTrue(takeOver.get());
        assertTrue(published(row));
        assertThrows(RelayLease.LostException.class, () -> a.whileHeld(c -> 0));
    }

    /** A row the application's relay skips (parked), so only the test's leases write it. */
    long insertRow() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into outbox_event (event_id, aggregate_type,"
                + " aggregate_id, aggregate_version, event_type, topic, payload, occurred_at, parked_at)"
                + " values (?, 'test', ?, 1, 'test.event.v1', 'fupin.fencing-test.v1', '{}', now(), now()) returning seq")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, UUID.randomUUID().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static int markPublished(Connection c, long seq) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("update outbox_event set published_at = now() where seq = ? and published_at is null")) {
            ps.setLong(1, seq);
            return ps.executeUpdate();
        }
    }

    boolean published(long seq) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select published_at is not null from outbox_event where seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    boolean leaseExpired(String name) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select expires_at <= now() from outbox_relay_lease where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    void exec(String sql) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().executeUpdate(sql);
        }
    }
}
