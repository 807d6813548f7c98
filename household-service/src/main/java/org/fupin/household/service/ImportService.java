package org.fupin.household.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fupin.platform.audit.AuditTrail;
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
 * Bulk import for provincial systems: the batch is stored as one row per household, then a job imports the rows
 * independently (one bad row does not sink the batch). The same batch sent again by the same caller is the same job.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;
    @Inject
    RegionScope region;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditTrail audit;
    @Inject
    ImportRunner runner;

    public record Accepted(UUID jobId, boolean alreadyKnown) {
    }

    public Accepted submit(ImportParser.Format format, InputStream body) {
        String prefix = region.prefix();
        String principal = identity.getPrincipal().getName();
        Path spool = null;
        try {
            spool = Files.createTempFile("household-import-", ".batch");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream in = new DigestInputStream(body, sha)) {
                Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(spool) == 0) {
                throw ApiProblem.validation("body", "the batch is empty");
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Optional<UUID> existing = findJob(principal, hash);
            if (existing.isPresent()) {
                return new Accepted(existing.get(), true);
            }
            UUID jobId = UUID.randomUUID();
            int total;
            try {
                total = store(jobId, principal, prefix, hash, format, spool);
            } catch (SameBatchStoredConcurrently e) {
                return new Accepted(findJob(principal, hash).orElseThrow(), true);
            }
            if (total == 0) {
                throw ApiProblem.validation("body", "the batch holds no household");
            }
            runner.start(jobId);
            return new Accepted(jobId, false);
        } catch (IOException e) {
            throw ApiProblem.validation("body", "cannot be read as " + format + ": " + e.getMessage());
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

    private Optional<UUID> findJob(String principal, String hash) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from import_job where principal = ? and content_hash = ?")) {
            ps.setString(1, principal);
            ps.setString(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Job and rows in one transaction: a batch is either fully stored or not at all. */
    private int store(UUID jobId, String principal, String prefix, String hash, ImportParser.Format format, Path spool) throws IOException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement job = c.prepareStatement("insert into import_job (id, principal, region_prefix, content_hash, format, state, total, created_at)"
                    + " values (?, ?, ?, ?, ?, 'RUNNING', 0, now())");
                 PreparedStatement row = c.prepareStatement("insert into import_job_row (job_id, row_number, payload, status) values (?, ?, ?, 'PENDING')")) {
                job.setObject(1, jobId);
                job.setString(2, principal);
                job.setString(3, prefix);
                job.setString(4, hash);
                job.setString(5, format.name());
                job.executeUpdate();
                int[] count = {0};
                try (InputStream in = Files.newInputStream(spool)) {
                    new ImportParser(json).parse(format, in, (n, payload) -> {
                        try {
                            row.setObject(1, jobId);
                            row.setInt(2, n);
                            row.setString(3, payload);
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

    public ImportJobProgress job(UUID id) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select j.id, j.state, j.format, j.total, j.created_at, j.finished_at, j.region_prefix, j.principal,"
                     + " count(r.*) filter (where r.status = 'ACCEPTED'), count(r.*) filter (where r.status = 'REJECTED')"
                     + " from import_job j left join import_job_row r on r.job_id = j.id where j.id = ? group by j.id")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !region.covers(rs.getString(7) + "000000000000".substring(rs.getString(7).length()))) {
                    throw ApiProblem.notFound("import job", id);
                }
                long accepted = rs.getLong(9);
                long rejected = rs.getLong(10);
                return new ImportJobProgress(id, rs.getString(2), rs.getString(3), rs.getInt(4), accepted + rejected, accepted, rejected,
                        rs.getString(8), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ImportRowProblem> errors(UUID id, int page, int size) {
        job(id); // existence and region
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select row_number, field, message from import_row_error where job_id = ?"
                     + " order by row_number, field limit ? offset ?")) {
            ps.setObject(1, id);
            ps.setInt(2, size);
            ps.setInt(3, page * size);
            List<ImportRowProblem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportRowProblem(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
