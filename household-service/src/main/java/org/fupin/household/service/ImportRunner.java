package org.fupin.household.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.fupin.household.config.HouseholdConfig;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.problem.ProblemMappers;
import org.fupin.platform.region.RegionScope;
import org.fupin.platform.security.Roles;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs import jobs in the background: each row in its own transaction (household, events, row status together, so a
 * restart never imports a row twice), several rows at a time, as the caller who submitted the batch. Jobs left
 * running by a stop are resumed at start-up.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    HouseholdService households;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    ImportRunner self;
    @Inject
    HouseholdConfig config;

    private ExecutorService coordinators;
    private ExecutorService rowWorkers;

    void onStart(@Observes StartupEvent ignored) {
        coordinators = Executors.newCachedThreadPool(r -> daemon(r, "import-job"));
        rowWorkers = Executors.newFixedThreadPool(config.importWorkers(), r -> daemon(r, "import-row"));
        for (UUID job : runningJobs()) {
            start(job);
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        if (coordinators != null) {
            coordinators.shutdownNow();
            rowWorkers.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void start(UUID jobId) {
        coordinators.submit(() -> run(jobId));
    }

    private record Job(String principal, String regionPrefix) {
    }

    private record PendingRow(int number, String payload) {
    }

    private void run(UUID jobId) {
        try {
            Job job = load(jobId);
            while (true) {
                List<PendingRow> page = pending(jobId, 200);
                if (page.isEmpty()) {
                    break;
                }
                List<Future<?>> done = new ArrayList<>();
                for (PendingRow row : page) {
                    done.add(rowWorkers.submit(() -> self.importRow(job.principal(), job.regionPrefix(), jobId, row.number(), row.payload())));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            finish(jobId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.errorf(e, "import job %s stopped; it resumes at the next start", jobId);
        }
    }

    /** One row, as the submitter: accepted with its household, or rejected with each wrong field. */
    @ActivateRequestContext
    public void importRow(String principal, String regionPrefix, UUID jobId, int rowNumber, String payload) {
        identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal))
                .addRole(Roles.HOUSEHOLD_IMPORTER).addAttribute(RegionScope.ATTRIBUTE, regionPrefix).build());
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        ImportedHousehold request = null;
        try {
            request = json.readValue(payload, ImportedHousehold.class);
        } catch (JsonMappingException e) {
            errors.add(new ApiProblem.FieldError(ProblemMappers.fieldPath(e, "row"), "cannot be read: " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            errors.add(new ApiProblem.FieldError("row", "not valid JSON: " + e.getOriginalMessage()));
        }
        if (request != null) {
            for (ConstraintViolation<ImportedHousehold> v : validator.validate(request)) {
                errors.add(new ApiProblem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            ImportedHousehold r = request;
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    UUID household = households.importRow(r.household(), r.identificationYear());
                    mark(jobId, rowNumber, "ACCEPTED", household, List.of());
                });
                return;
            } catch (ApiProblem p) {
                if (p.errors().isEmpty()) {
                    errors.add(new ApiProblem.FieldError("row", p.getMessage()));
                } else {
                    p.errors().forEach(e -> errors.add(new ApiProblem.FieldError(prefixed(e.field()), e.message())));
                }
            } catch (RuntimeException e) {
                LOG.warnf("import row %d of job %s failed: %s", rowNumber, jobId, e.toString());
                errors.add(new ApiProblem.FieldError("row", "could not be stored: " + e.getClass().getSimpleName()));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> mark(jobId, rowNumber, "REJECTED", null, errors));
    }

    private static String prefixed(String field) {
        return field.equals("identificationYear") || field.startsWith("household") ? field : "household." + field;
    }

    private void mark(UUID jobId, int rowNumber, String status, UUID householdId, List<ApiProblem.FieldError> errors) {
        var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
        em.createNativeQuery("update import_job_row set status = ?1, household_id = ?2 where job_id = ?3 and row_number = ?4")
                .setParameter(1, status).setParameter(2, householdId).setParameter(3, jobId).setParameter(4, rowNumber).executeUpdate();
        for (ApiProblem.FieldError e : errors) {
            String message = e.message() == null ? "invalid" : e.message();
            em.createNativeQuery("insert into import_row_error (job_id, row_number, field, message) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, jobId).setParameter(2, rowNumber)
                    .setParameter(3, e.field().length() > 200 ? e.field().substring(0, 200) : e.field())
                    .setParameter(4, message.length() > 1000 ? message.substring(0, 1000) : message).executeUpdate();
        }
    }

    private Job load(UUID jobId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select principal, region_prefix from import_job where id = ?")) {
            ps.setObject(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Job(rs.getString(1), rs.getString(2));
            }
        }
    }

    private List<PendingRow> pending(UUID jobId, int limit) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select row_number, payload from import_job_row where job_id = ? and status = 'PENDING'"
                     + " order by row_number limit ?")) {
            ps.setObject(1, jobId);
            ps.setInt(2, limit);
            List<PendingRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingRow(rs.getInt(1), rs.getString(2)));
                }
            }
            return rows;
        }
    }

    private void finish(UUID jobId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update import_job set state = 'DONE', finished_at = now() where id = ? and state <> 'DONE'")) {
            ps.setObject(1, jobId);
            ps.executeUpdate();
        }
    }

    private List<UUID> runningJobs() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from import_job where state = 'RUNNING' order by created_at")) {
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            LOG.warn("cannot look for unfinished import jobs", e);
            return List.of();
        }
    }
}
