package org.fupin.platform.pii;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Re-encrypts, with the active key, every stored value of {@code fupin.pii.encrypted-columns} that another key wrote,
 * in the background, while the service keeps reading and writing them.
 * <ul>
 *   <li>small batches, each its own short transaction; rows are claimed {@code FOR UPDATE SKIP LOCKED}, so a row a
 *   request holds is skipped (and taken in a later pass) and several replicas may rotate at once without waiting on,
 *   or overwriting, each other;</li>
 *   <li>each update is conditional on the old ciphertext;</li>
 *   <li>reads never wait: old and new ciphertexts are both readable while the old key stays in the ring;</li>
 *   <li>passes repeat until no row under another key is left (a request that loaded a row before it was rotated may
 *   write the old ciphertext back — still readable, and taken by the next pass);</li>
 *   <li>a lost database connection is retried with back-off until it succeeds; a value that cannot be decrypted (key
 *   not in the ring, corrupt) is counted and left alone.</li>
 * </ul>
 * Plain JDBC, because the tables are named in configuration rather than mapped entities.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int MAX_IDLE_PASSES = 5;

    public enum State { IDLE, RUNNING, DONE, INCOMPLETE, FAILED }

    /** One encrypted column, the table it lives in, and that table's primary-key columns. */
    public record Column(String table, String column, List<String> key) {
        public String name() {
            return table + "." + column;
        }
    }

    /** Rows per key id of one column, as stored now; {@code error} if the column cannot be read. */
    public record ColumnStatus(String table, String column, Map<String, Long> rowsByKeyId, String error) {
    }

    /**
     * The job as this replica runs it, and what is stored now: {@code remaining} counts the rows of every column that a
     * key other than the active one wrote.
     */
    public record Status(String activeKeyId, State state, Instant startedAt, Instant finishedAt, int passes, long reencrypted,
                         long undecryptable, long remaining, String lastError, List<ColumnStatus> columns) {
    }

    @Inject
    PiiConfig config;
    @Inject
    PersonalDataProtector pii;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry metrics;

    private volatile List<Column> columns;
    private volatile State state = State.IDLE;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile int passes;
    private volatile long undecryptable;
    private volatile String lastError;
    private final AtomicLong reencrypted = new AtomicLong();
    private final Set<String> brokenColumns = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread thread;
    private Counter counter;

    /** The configured columns, checked to be plain SQL identifiers (they are written into statements). */
    public List<Column> columns() {
        List<Column> c = columns;
        if (c == null) {
            c = parse(config.encryptedColumns());
            columns = c;
        }
        return c;
    }

    static List<Column> parse(Map<String, List<String>> configured) {
        List<Column> list = new ArrayList<>();
        new TreeMap<>(configured).forEach((name, key) -> {
            String[] parts = name.split("\\.");
            if (parts.length != 2 || !IDENTIFIER.matcher(parts[0]).matches() || !IDENTIFIER.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException("fupin.pii.encrypted-columns.\"" + name + "\": the name must be table.column"
                        + " (lower-case SQL identifiers)");
            }
            List<String> keyColumns = key.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (keyColumns.isEmpty() || !keyColumns.stream().allMatch(k -> IDENTIFIER.matcher(k).matches())) {
                throw new IllegalArgumentException("fupin.pii.encrypted-columns.\"" + name + "\": the value must list the table's"
                        + " primary-key columns, e.g. id or job_id,row_number");
            }
            list.add(new Column(parts[0], parts[1], keyColumns));
        });
        return Collections.unmodifiableList(list);
    }

    /**
     * Starts a rotation in the background unless one runs on this replica already (or the service stores no personal data).
     *
     * @return whether a new run started
     */
    public synchronized boolean start() {
        if (state == State.RUNNING || columns().isEmpty()) {
            return false;
        }
        if (counter == null) {
            counter = Counter.builder("fupin.pii.rotation.reencrypted").description("stored values re-encrypted with the active key")
                    .register(metrics);
        }
        state = State.RUNNING;
        startedAt = Instant.now();
        finishedAt = null;
        passes = 0;
        undecryptable = 0;
        lastError = null;
        reencrypted.set(0);
        brokenColumns.clear();
        running = true;
        thread = new Thread(this::run, "pii-key-rotation");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    void stop(@Observes ShutdownEvent ignored) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Status status() {
        if (columns().isEmpty()) {
            // a service without personal data: nothing to rotate, and no keys to ask for
            return new Status(null, state, null, null, 0, 0, 0, 0, null, List.of());
        }
        String prefix = pii.activePrefix();
        List<ColumnStatus> list = new ArrayList<>();
        long remaining = 0;
        for (Column c : columns()) {
            try {
                Map<String, Long> byKey = countByKeyId(c);
                list.add(new ColumnStatus(c.table(), c.column(), byKey, null));
                remaining += byKey.entrySet().stream().filter(e -> !(PersonalDataProtector.V1 + e.getKey() + ":").equals(prefix))
                        .mapToLong(Map.Entry::getValue).sum();
            } catch (SQLException e) {
                list.add(new ColumnStatus(c.table(), c.column(), Map.of(), describe(e)));
            }
        }
        return new Status(pii.activeKeyId(), state, startedAt, finishedAt, passes, reencrypted.get(), undecryptable, remaining,
                lastError, list);
    }

    private void run() {
        long backoff = 200;
        int idle = 0;
        LOG.infof("PII key rotation: re-encrypting %s with key %s", columns().stream().map(Column::name).toList(), pii.activeKeyId());
        try {
            while (running) {
                try {
                    passes++;
                    long before = reencrypted.get();
                    long bad = 0;
                    for (Column c : columns()) {
                        if (!brokenColumns.contains(c.name())) {
                            bad += rotate(c);
                        }
                    }
                    undecryptable = bad;
                    long left = -bad;
                    for (Column c : columns()) {
                        if (!brokenColumns.contains(c.name())) {
                            left += countNotActive(c);
                        }
                    }
                    backoff = 200;
                    LOG.infof("PII key rotation: pass %d re-encrypted %d values, %d left under other keys, %d undecryptable",
                            passes, reencrypted.get() - before, Math.max(left, 0), bad);
                    if (left <= 0) {
                        finish(brokenColumns.isEmpty() ? State.DONE : State.INCOMPLETE);
                        return;
                    }
                    // rows left are locked by requests or were written back with an old key: try again shortly
                    idle = reencrypted.get() == before ? idle + 1 : 0;
                    if (idle >= MAX_IDLE_PASSES) {
                        lastError = left + " values still under other keys after " + idle + " passes without progress";
                        finish(State.INCOMPLETE);
                        return;
                    }
                    Thread.sleep(backoff);
                } catch (SQLException e) {
                    // the database is unreachable or busy: retried until it works, never given up
                    lastError = describe(e);
                    LOG.warnf("PII key rotation: %s; retrying in %d ms", lastError, backoff);
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
            finish(State.INCOMPLETE); // shut down meanwhile; the next run continues where this one stopped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(State.INCOMPLETE);
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.error("PII key rotation failed", e);
            finish(State.FAILED);
        }
    }

    private void finish(State end) {
        finishedAt = Instant.now();
        state = end;
        LOG.infof("PII key rotation %s: %d values re-encrypted with key %s in %d passes, %d undecryptable", end, reencrypted.get(),
                pii.activeKeyId(), passes, undecryptable);
    }

    /** One pass over a column, in key order: returns the number of values that could not be decrypted. */
    private long rotate(Column c) throws SQLException, InterruptedException {
        String keyList = String.join(", ", c.key());
        String select = "select " + keyList + ", " + c.column() + " from " + c.table() + " where " + c.column() + " is not null and "
                + c.column() + " <> '' and not starts_with(" + c.column() + ", ?)";
        String after = " and (" + keyList + ") > (" + c.key().stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        String tail = " order by " + keyList + " limit ? for update skip locked";
        String update = "update " + c.table() + " set " + c.column() + " = ? where "
                + c.key().stream().map(k -> k + " = ?").collect(Collectors.joining(" and ")) + " and " + c.column() + " = ?";
        int batchSize = Math.max(1, config.rotation().batchSize());
        String prefix = pii.activePrefix();
        Object[] last = null;
        long bad = 0;
        while (running) {
            int claimed;
            try (Connection conn = dataSource.getConnection()) {
                conn.setAutoCommit(false);
                try {
                    List<Object[]> keys = new ArrayList<>();
                    List<String> values = new ArrayList<>();
                    try (PreparedStatement ps = conn.prepareStatement(select + (last == null ? "" : after) + tail)) {
                        int i = 1;
                        ps.setString(i++, prefix);
                        if (last != null) {
                            for (Object k : last) {
                                ps.setObject(i++, k);
                            }
                        }
                        ps.setInt(i, batchSize);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                Object[] key = new Object[c.key().size()];
                                for (int k = 0; k < key.length; k++) {
                                    key[k] = rs.getObject(k + 1);
                                }
                                keys.add(key);
                                values.add(rs.getString(key.length + 1));
                            }
                        }
                    }
                    claimed = keys.size();
                    int updated = 0;
                    if (claimed > 0) {
                        try (PreparedStatement ps = conn.prepareStatement(update)) {
                            for (int r = 0; r < claimed; r++) {
                                String fresh;
                                try {
                                    fresh = pii.reencrypt(values.get(r));
                                } catch (IllegalStateException e) {
                                    bad++;
                                    LOG.warnf("PII key rotation: %s row %s cannot be decrypted (%s); left as it is", c.name(),
                                            java.util.Arrays.toString(keys.get(r)), e.getMessage());
                                    continue;
                                }
                                int i = 1;
                                ps.setString(i++, fresh);
                                for (Object k : keys.get(r)) {
                                    ps.setObject(i++, k);
                                }
                                ps.setString(i, values.get(r));
                                ps.addBatch();
                                updated++;
                            }
                            if (updated > 0) {
                                updated = 0;
                                for (int n : ps.executeBatch()) {
                                    updated += Math.max(n, 0);
                                }
                            }
                        }
                        last = keys.get(claimed - 1);
                    }
                    conn.commit();
                    if (updated > 0) {
                        reencrypted.addAndGet(updated);
                        counter.increment(updated);
                    }
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(conn);
                    if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("42")) {
                        // undefined table or column: a configuration mistake, not worth retrying
                        brokenColumns.add(c.name());
                        lastError = c.name() + ": " + describe(sql);
                        LOG.errorf("PII key rotation: %s", lastError);
                        return bad;
                    }
                    throw e;
                }
            }
            if (claimed < batchSize) {
                return bad;
            }
            long pause = config.rotation().pause().toMillis();
            if (pause > 0) {
                Thread.sleep(pause);
            }
        }
        return bad;
    }

    private static void rollbackQuietly(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private long countNotActive(Column c) throws SQLException {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("select count(*) from " + c.table() + " where " + c.column() + " is not null and "
                     + c.column() + " <> '' and not starts_with(" + c.column() + ", ?)")) {
            ps.setString(1, pii.activePrefix());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<String, Long> countByKeyId(Column c) throws SQLException {
        String col = c.column();
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("select case when starts_with(" + col + ", 'v1:') then split_part(" + col
                     + ", ':', 2) else ? end, count(*) from " + c.table() + " where " + col + " is not null and " + col + " <> ''"
                     + " group by 1 order by 1")) {
            ps.setString(1, Keyring.LEGACY_KEY_ID);
            Map<String, Long> byKey = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byKey.put(rs.getString(1), rs.getLong(2));
                }
            }
            return byKey;
        }
    }

    private static String describe(SQLException e) {
        return "SQL state " + e.getSQLState() + ": " + e.getMessage();
    }
}
