package org.fupin.platform.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bulk imports: a batch is stored as one row per record, then {@link ImportRunner} imports the rows independently (one
 * bad row does not sink the batch). The same batch sent again by the same caller is the same job. A batch is spooled
 * to a temporary file (capped while read), its rows are stored encrypted (names, ID numbers: sealed at rest), and a
 * caller may have only a few jobs queued or running at once. Tables: {@code import_job}, {@code import_job_row},
 * {@code import_row_error} (platform migration V0_3).
 */
@ApplicationScoped
public class ImportJobs {

    @Inject
    AgroalDataSource db;
    @Inject
    RegionScope region;
    @Inject
    SecurityIdentity identity;
    @Inject
    ImportRunner runner;
    @Inject
    ImportConfig config;
    @Inject
    PersonalDataProtector pii;

    public record Accepted(UUID jobId, boolean alreadyKnown) {
    }

    /** A job's progress: processed = accepted + rejected, out of total. */
    public record JobStatus(UUID id, String kind, String state, String format, int total, long processed, long accepted, long rejected,
                            String submittedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    }

    /** A rejected row: its number in the batch, the field, what is wrong (never the submitted value). */
    public record RowError(int row, String field, String message) {
    }

    /** Too many jobs of this caller queued or running (429 with Retry-After, see {@link ImportProblems}). */
    public static final class TooManyJobs extends ApiProblem {
        private final long retryAfterSeconds;

        TooManyJobs(int limit, long retryAfterSeconds) {
            super(429, TYPE_BASE + "too-many-import-jobs", "Too many import jobs",
                    "You have " + limit + " import jobs queued or running; submit the next batch when one of them is done.");
            this.retryAfterSeconds = retryAfterSeconds;
            with("maxJobsPerCaller", limit);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Stores the batch as a job of the kind for the caller (principal and region), and starts it; 202 material. */
    public Accepted submit(ImportKind<?> kind, ImportFormat format, InputStream body) {
        String prefix = region.prefix();
        String principal = identity.getPrincipal().getName();
        if (runningJobs(null, principal) >= config.maxJobsPerCaller()) { // cheap refusal before the body is read
            throw tooMany();
        }
        Path spool = null;
        try {
            spool = Files.createTempFile(kind.name() + "-import-", ".batch");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(new Capped(body, config.maxBodySize().asLongValue()), sha)) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(spool) == 0) {
                throw ApiProblem.validation("body", "the batch is empty");
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Optional<UUID> existing = findJob(kind, principal, hash);
            if (existing.isPresent()) {
                return new Accepted(existing.get(), true);
            }
            UUID jobId = UUID.randomUUID();
            int total;
            try {
                total = store(kind, jobId, principal, prefix, hash, format, spool);
            } catch (SameBatchStoredConcurrently e) {
                return new Accepted(findJob(kind, principal, hash).orElseThrow(), true);
            }
            if (total == 0) {
                throw ApiProblem.validation("body", kind.noRows());
            }
            runner.start(jobId);
            return new Accepted(jobId, false);
        } catch (IOException e) {
            if (TOO_LARGE.equals(e.getMessage())) { // the HTTP layer's own ceiling, reached while reading
                throw tooLarge();
            }
            throw ApiProblem.validation("body", "cannot be read as " + format + " (" + e.getClass().getSimpleName() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        }
    }

    private static final String TOO_LARGE = "Request too large";

    private TooManyJobs tooMany() {
        return new TooManyJobs(config.maxJobsPerCaller(), Math.max(1, config.retryAfter().toSeconds()));
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(413, ApiProblem.TYPE_BASE + "payload-too-large", "Payload too large",
                "A batch may hold at most " + config.maxBodySize().asLongValue() / (1024 * 1024) + " MB; split it.")
                .withField("body", "larger than " + config.maxBodySize().asLongValue() + " bytes");
    }

    /** Counts bytes while the body is read and stops at the cap, so nobody fills the disk with one request. */
    private final class Capped extends java.io.FilterInputStream {
        private final long cap;
        private long read;

        Capped(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > cap) {
                throw tooLarge();
            }
        }
    }

    /** Jobs of the caller queued or running (of any kind). */
    private long runningJobs(Connection c, String principal) {
        try (Connection own = c == null ? db.getConnection() : null;
             PreparedStatement ps = (c == null ? own : c).prepareStatement("select count(*) from import_job where principal = ? and state = 'RUNNING'")) {
            ps.setString(1, principal);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<UUID> findJob(ImportKind<?> kind, String principal, String hash) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from import_job where kind = ? and principal = ? and content_hash = ?")) {
            ps.setString(1, kind.name());
            ps.setString(2, principal);
            ps.setString(3, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Job and rows in one transaction: a batch is either fully stored or not at all. */
    private int store(ImportKind<?> kind, UUID jobId, String principal, String prefix, String hash, ImportFormat format, Path spool)
            throws IOException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            // one submitter's batches are stored one at a time, so the job limit holds under concurrent submissions
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext('import_job:' || ?))")) {
                lock.setString(1, principal);
                lock.execute();
            }
            if (runningJobs(c, principal) >= config.maxJobsPerCaller()) {
                c.rollback();
                throw tooMany();
            }
            try (PreparedStatement job = c.prepareStatement("insert into import_job (id, kind, principal, region_prefix, content_hash, format,"
                    + " state, total, created_at) values (?, ?, ?, ?, ?, ?, 'RUNNING', 0, now())");
                 PreparedStatement row = c.prepareStatement("insert into import_job_row (job_id, row_number, payload, status) values (?, ?, ?, 'PENDING')")) {
                job.setObject(1, jobId);
                job.setString(2, kind.name());
                job.setString(3, principal);
                job.setString(4, prefix);
                job.setString(5, hash);
                job.setString(6, format.name());
                job.executeUpdate();
                int[] count = {0};
                try (InputStream in = Files.newInputStream(spool)) {
                    kind.parse(format, in, spool, (n, payload) -> {
                        try {
                            row.setObject(1, jobId);
                            row.setInt(2, n);
                            row.setString(3, pii.encrypt(payload)); // sealed at rest, like every column of personal data
                            row.addBatch();
                            if (++count[0] % 1000 == 0) {
                                row.executeBatch();
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                row.executeBatch();
                try (PreparedStatement total = c.prepareStatement("update import_job set total = ? where id = ?")) {
                    total.setInt(1, count[0]);
                    total.setObject(2, jobId);
                    total.executeUpdate();
                }
                if (count[0] > 0) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return count[0];
            } catch (RuntimeException | IOException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) { // the same batch submitted twice at once: the other one won
                throw new SameBatchStoredConcurrently();
            }
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static final class SameBatchStoredConcurrently extends RuntimeException {
    }

    /** The job of the kind with its counters, which the runner keeps current; 404 outside the caller's region. */
    public JobStatus job(ImportKind<?> kind, UUID id) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, state, format, total, created_at, finished_at, region_prefix, principal,"
                     + " processed, accepted, rejected from import_job where id = ? and kind = ?")) {
            ps.setObject(1, id);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !region.covers(rs.getString(7) + "000000000000".substring(rs.getString(7).length()))) {
                    throw ApiProblem.notFound("import job", id);
                }
                return new JobStatus(id, kind.name(), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getString(8), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of the job's error report, by row and field. */
    public List<RowError> errors(ImportKind<?> kind, UUID id, int page, int size) {
        if (size > config.maxPageSize()) {
            throw ApiProblem.validation("size", "must be at most " + config.maxPageSize());
        }
        job(kind, id); // existence and region
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select row_number, field, message from import_row_error where job_id = ?"
                     + " order by row_number, field limit ? offset ?")) {
            ps.setObject(1, id);
            ps.setInt(2, size);
            ps.setInt(3, page * size);
            List<RowError> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
