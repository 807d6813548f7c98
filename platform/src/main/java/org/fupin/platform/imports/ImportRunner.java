package org.fupin.platform.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.pii.PersonalDataProtector;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs import jobs in the background, safe with several replicas working on one job:
 * <ul>
 *   <li>a worker claims waiting rows with {@code FOR UPDATE SKIP LOCKED} (a chunk, or one row) and imports them in the
 *   same transaction as what they store, the rows' outcomes and the job's counters, so a row is imported once, by one
 *   worker, and a crash leaves it waiting for the next;</li>
 *   <li>a row's status changes only from {@code PENDING}: an accepted row never becomes rejected;</li>
 *   <li>the job is finished by a single conditional update, once, when no row waits;</li>
 *   <li>each replica looks for running jobs periodically, so a job whose replica died is completed by another, and
 *   deletes error reports older than the retention.</li>
 * </ul>
 * Rows run as the caller who submitted the batch (principal, region, and the kind's role). The payload is stored
 * encrypted and removed with the outcome. Idle in a service without an {@link ImportKind}.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    @Inject
    EntityManager em;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    ImportRunner self;
    @Inject
    ImportConfig config;
    @Inject
    PersonalDataProtector pii;
    @Inject
    AuditTrail audit;
    @Inject
    @Any
    Instance<ImportKind<?>> kindBeans;

    private final Map<String, ImportKind<?>> kinds = new HashMap<>();
    private ExecutorService workers;
    private ScheduledExecutorService housekeeping;
    /** Jobs this replica works on now (other replicas may work on them too). */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    void onStart(@Observes StartupEvent ignored) {
        for (ImportKind<?> k : kindBeans) {
            if (kinds.put(k.name(), k) != null) {
                throw new IllegalStateException("two import kinds named " + k.name());
            }
        }
        if (kinds.isEmpty()) {
            return; // this service imports nothing
        }
        workers = Executors.newFixedThreadPool(config.workers(), r -> daemon(r, "import-row"));
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "import-housekeeping"));
        long every = Math.max(1, config.resumeInterval().toMillis());
        housekeeping.scheduleWithFixedDelay(this::housekeeping, 0, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent ignored) {
        if (workers != null) {
            housekeeping.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Works on the job with every worker of this replica, unless they already do. */
    public void start(UUID jobId) {
        if (workers == null || !active.add(jobId)) {
            return;
        }
        AtomicInteger left = new AtomicInteger(config.workers());
        for (int i = 0; i < config.workers(); i++) {
            workers.submit(() -> {
                try {
                    work(jobId);
                } catch (RuntimeException e) {
                    LOG.warnf("import job %s paused on this replica (%s); it is resumed within %s", jobId, e.getClass().getSimpleName(),
                            config.resumeInterval());
                } finally {
                    if (left.decrementAndGet() == 0) {
                        active.remove(jobId);
                    }
                }
            });
        }
    }

    /** A running job as its rows need it: who submitted it, where, and its kind. */
    public record Job(UUID id, String principal, String regionPrefix, ImportKind<?> kind) {
    }

    /**
     * Imports rows of the job until none is left to claim, then finishes the job if no row waits. Safe to run in any
     * number of threads and replicas at once. A transient failure (database unreachable) is thrown: the row stays
     * waiting.
     */
    public void work(UUID jobId) {
        Job job = QuarkusTransaction.requiringNew().call(() -> load(jobId));
        if (job == null) {
            return;
        }
        // an ordered job's chunks run one after another anyway: one worker of this replica on it, the others free for other jobs
        if (job.kind().ordered() && !orderedJobs.add(jobId)) {
            return;
        }
        try {
            while (self.processChunk(job)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            QuarkusTransaction.requiringNew().run(() -> finish(job));
        } finally {
            if (job.kind().ordered()) {
                orderedJobs.remove(jobId);
            }
        }
    }

    /** Ordered jobs a worker of this replica works on now. */
    private final Set<UUID> orderedJobs = ConcurrentHashMap.newKeySet();

    /**
     * Claims a chunk of waiting rows and imports them as the submitter in one transaction; false when no row is left to
     * claim. A chunk that lost a race at a unique index (a row committed meanwhile by another job) is run again, and its
     * rows then see the other job's records; after {@code chunk-attempts} such losses, or when the database refuses the
     * chunk for another reason, rows are imported one at a time, so the row at fault is isolated. A kind that does not
     * store chunks has its rows imported one at a time. A transient failure (database unreachable) is thrown: the rows
     * stay waiting.
     */
    @ActivateRequestContext
    public boolean processChunk(Job job) {
        actAs(job);
        if (job.kind().chunked()) {
            for (int attempt = 1; attempt <= config.chunkAttempts(); attempt++) {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> importChunk(job, job.kind()));
                } catch (RuntimeException e) {
                    if (!lostRace(e)) {
                        if (transientFailure(e)) {
                            throw e;
                        }
                        LOG.warnf("a chunk of import job %s was refused by the database (%s); importing its rows one at a time",
                                job.id(), e.getClass().getName());
                        break;
                    }
                    LOG.debugf("a chunk of import job %s lost a race at a unique index (attempt %d)", job.id(), attempt);
                }
            }
        }
        for (int i = 0; i < config.chunkSize(); i++) {
            if (!processNext(job)) {
                return false;
            }
        }
        return true;
    }

    /** One chunk in the caller's transaction: claimed, read, decided and stored, with the outcomes and the counters. */
    private <R> boolean importChunk(Job job, ImportKind<R> kind) {
        inRowOrder(job);
        List<Object[]> claimed = claimChunk(job.id(), config.chunkSize());
        if (claimed.isEmpty()) {
            return false;
        }
        List<Outcome> outcomes = new ArrayList<>(claimed.size());
        List<ImportKind.Chunk<R>> readable = new ArrayList<>();
        Map<ImportKind.Chunk<R>, Outcome> pending = new java.util.LinkedHashMap<>();
        for (Object[] row : claimed) {
            int rowNumber = ((Number) row[0]).intValue();
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            Outcome outcome = new Outcome(rowNumber);
            outcomes.add(outcome);
            R request;
            try {
                request = read(kind, (String) row[1], errors);
            } catch (RuntimeException e) {
                if (transientFailure(e)) {
                    throw e;
                }
                outcome.errors = refusal(job, rowNumber, e);
                continue;
            }
            if (request == null) {
                outcome.errors = errors;
            } else {
                ImportKind.Chunk<R> c = new ImportKind.Chunk<>(request);
                readable.add(c);
                pending.put(c, outcome);
            }
        }
        if (!readable.isEmpty()) {
            kind.importChunk(readable);
        }
        pending.forEach((c, o) -> {
            if (c.refusal() != null || c.id() == null) {
                o.errors = c.refusal() == null ? List.of(new ApiProblem.FieldError("row", "could not be stored"))
                        : refusal(job, o.rowNumber, c.refusal());
            } else {
                o.entityId = c.id();
            }
        });
        completeAll(job, outcomes);
        return true;
    }

    /** What became of one row of a chunk. */
    private static final class Outcome {
        final int rowNumber;
        UUID entityId;
        List<ApiProblem.FieldError> errors = List.of();

        Outcome(int rowNumber) {
            this.rowNumber = rowNumber;
        }
    }

    private void actAs(Job job) {
        identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(job.principal()))
                .addRole(job.kind().role()).addAttribute(RegionScope.ATTRIBUTE, job.regionPrefix()).build());
    }

    /** Claims and imports one waiting row as the submitter; false when no row is left to claim. */
    @ActivateRequestContext
    public boolean processNext(Job job) {
        actAs(job);
        return processNext(job, job.kind());
    }

    private <R> boolean processNext(Job job, ImportKind<R> kind) {
        int[] claimed = {-1};
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                inRowOrder(job);
                Object[] row = claim(job.id(), null);
                if (row == null) {
                    return false;
                }
                claimed[0] = ((Number) row[0]).intValue();
                List<ApiProblem.FieldError> errors = new ArrayList<>();
                R request = read(kind, (String) row[1], errors);
                if (request == null) {
                    complete(job, claimed[0], "REJECTED", null, errors);
                } else {
                    // a refusal rolls this transaction back; the row is then rejected in a new one (below)
                    UUID stored = kind.importOne(request);
                    complete(job, claimed[0], "ACCEPTED", stored, List.of());
                }
                return true;
            });
        } catch (RuntimeException e) {
            if (claimed[0] < 0 || transientFailure(e)) {
                throw e;
            }
            List<ApiProblem.FieldError> errors = refusal(job, claimed[0], e);
            QuarkusTransaction.requiringNew().run(() -> {
                if (claim(job.id(), claimed[0]) != null) { // still waiting: nobody else decided it meanwhile
                    complete(job, claimed[0], "REJECTED", null, errors);
                }
            });
            return true;
        }
    }

    /** The payload decrypted, read and checked by the kind, or null with the errors. */
    private <R> R read(ImportKind<R> kind, String stored, List<ApiProblem.FieldError> errors) {
        String payload = stored.startsWith("{") ? stored : pii.decrypt(stored); // "{": a row stored before payloads were sealed
        return kind.read(payload, errors);
    }

    private List<ApiProblem.FieldError> refusal(Job job, int rowNumber, RuntimeException e) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        ApiProblem p = cause(e, ApiProblem.class);
        if (p == null) {
            LOG.warnf("import row %d of job %s failed: %s", rowNumber, job.id(), e.getClass().getName());
            errors.add(new ApiProblem.FieldError("row", "could not be stored"));
        } else if (p.errors().isEmpty()) {
            errors.add(job.kind().refusal("row", p.getMessage(), p));
        } else {
            p.errors().forEach(x -> errors.add(job.kind().refusal(job.kind().field(x.field()), x.message(), p)));
        }
        return errors;
    }

    /**
     * A unique index refused the chunk (a row committed by another transaction after the chunk looked), or the
     * database chose it as the victim of a deadlock or a serialization failure: worth running again.
     */
    public static boolean lostRace(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                for (SQLException x = s; x != null; x = x.getNextException()) {
                    String state = x.getSQLState();
                    if ("23505".equals(state) || "40P01".equals(state) || "40001".equals(state)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The database or the network failed, not the row: the row waits for the next attempt. */
    public static boolean transientFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientException || c instanceof ConnectException) {
                return true;
            }
            if (c instanceof SQLException s && s.getSQLState() != null && (s.getSQLState().startsWith("08")
                    || s.getSQLState().equals("40001") || s.getSQLState().equals("40P01") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** For an ordered kind: waits until no other worker imports rows of the job (until this transaction ends). */
    private void inRowOrder(Job job) {
        if (!job.kind().ordered()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext('import_job_order:' || ?))")) {
                ps.setString(1, job.id().toString());
                ps.execute();
            }
        });
    }

    /** Locks a waiting row (the first one, or the given one) that no other worker holds: {row_number, payload}, or null. */
    private Object[] claim(UUID jobId, Integer rowNumber) {
        var q = em.createNativeQuery("select row_number, payload from import_job_row where job_id = ?1 and status = 'PENDING'"
                + (rowNumber == null ? "" : " and row_number = ?2") + " order by row_number limit 1 for update skip locked");
        q.setParameter(1, jobId);
        if (rowNumber != null) {
            q.setParameter(2, rowNumber);
        }
        List<?> rows = q.getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    /** Locks up to {@code size} waiting rows that no other worker holds, in row order: {row_number, payload} each. */
    @SuppressWarnings("unchecked")
    private List<Object[]> claimChunk(UUID jobId, int size) {
        return em.createNativeQuery("select row_number, payload from import_job_row where job_id = ?1 and status = 'PENDING'"
                        + " order by row_number limit ?2 for update skip locked")
                .setParameter(1, jobId).setParameter(2, size).getResultList();
    }

    /** The outcomes of a chunk's rows and the job's counters, in the caller's transaction: one statement each. */
    private void completeAll(Job job, List<Outcome> outcomes) {
        Integer[] numbers = new Integer[outcomes.size()];
        String[] statuses = new String[outcomes.size()];
        UUID[] ids = new UUID[outcomes.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            numbers[i] = o.rowNumber;
            statuses[i] = o.entityId != null ? "ACCEPTED" : "REJECTED";
            ids[i] = o.entityId;
        }
        int accepted = (int) outcomes.stream().filter(o -> o.entityId != null).count();
        int rejected = outcomes.size() - accepted;
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("update import_job_row r set status = u.status, entity_id = u.entity_id,"
                    + " payload = null from unnest(?, ?, ?) as u(row_number, status, entity_id)"
                    + " where r.job_id = ? and r.row_number = u.row_number and r.status = 'PENDING'")) {
                ps.setArray(1, c.createArrayOf("integer", numbers));
                ps.setArray(2, c.createArrayOf("varchar", statuses));
                ps.setArray(3, c.createArrayOf("uuid", ids));
                ps.setObject(4, job.id());
                if (ps.executeUpdate() != outcomes.size()) {
                    throw new IllegalStateException("rows of import job " + job.id() + " were decided by another worker");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into import_row_error (job_id, row_number, field, message) values (?, ?, ?, ?)")) {
                int n = 0;
                for (Outcome o : outcomes) {
                    for (ApiProblem.FieldError e : o.errors) {
                        String message = e.message() == null ? "is invalid" : e.message();
                        ps.setObject(1, job.id());
                        ps.setInt(2, o.rowNumber);
                        ps.setString(3, e.field().length() > 200 ? e.field().substring(0, 200) : e.field());
                        ps.setString(4, message.length() > 1000 ? message.substring(0, 1000) : message);
                        ps.addBatch();
                        n++;
                    }
                }
                if (n > 0) {
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update import_job set processed = processed + ?, accepted = accepted + ?,"
                    + " rejected = rejected + ? where id = ?")) {
                ps.setInt(1, outcomes.size());
                ps.setInt(2, accepted);
                ps.setInt(3, rejected);
                ps.setObject(4, job.id());
                ps.executeUpdate();
            }
        });
    }

    /** The row's outcome and the job's counters, in the caller's transaction; the payload goes with it. */
    private void complete(Job job, int rowNumber, String status, UUID entityId, List<ApiProblem.FieldError> errors) {
        int changed = em.createNativeQuery("update import_job_row set status = ?1, entity_id = ?2, payload = null"
                        + " where job_id = ?3 and row_number = ?4 and status = 'PENDING'")
                .setParameter(1, status).setParameter(2, entityId).setParameter(3, job.id()).setParameter(4, rowNumber).executeUpdate();
        if (changed != 1) {
            throw new IllegalStateException("import row " + rowNumber + " of job " + job.id() + " was decided by another worker");
        }
        for (ApiProblem.FieldError e : errors) {
            String message = e.message() == null ? "is invalid" : e.message();
            em.createNativeQuery("insert into import_row_error (job_id, row_number, field, message) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, job.id()).setParameter(2, rowNumber)
                    .setParameter(3, e.field().length() > 200 ? e.field().substring(0, 200) : e.field())
                    .setParameter(4, message.length() > 1000 ? message.substring(0, 1000) : message).executeUpdate();
        }
        boolean accepted = "ACCEPTED".equals(status);
        em.createNativeQuery("update import_job set processed = processed + 1, accepted = accepted + ?1, rejected = rejected + ?2 where id = ?3")
                .setParameter(1, accepted ? 1 : 0).setParameter(2, accepted ? 0 : 1).setParameter(3, job.id()).executeUpdate();
    }

    private Job load(UUID jobId) {
        List<?> rows = em.createNativeQuery("select principal, region_prefix, kind from import_job where id = ?1 and state = 'RUNNING'")
                .setParameter(1, jobId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        ImportKind<?> kind = kinds.get((String) r[2]);
        if (kind == null) {
            LOG.warnf("import job %s is of kind %s, which this service does not import; left waiting", jobId, r[2]);
            return null;
        }
        return new Job(jobId, (String) r[0], (String) r[1], kind);
    }

    /** Done when no row waits; only one of any number of concurrent callers finishes it. */
    private void finish(Job job) {
        List<?> done = em.createNativeQuery("update import_job set state = 'DONE', finished_at = now() where id = ?1 and state = 'RUNNING'"
                        + " and not exists (select 1 from import_job_row r where r.job_id = ?1 and r.status = 'PENDING')"
                        + " returning accepted, rejected")
                .setParameter(1, job.id()).getResultList();
        if (done.isEmpty()) {
            return;
        }
        Object[] counts = (Object[]) done.get(0);
        em.createNativeQuery("update import_job_row set payload = null where job_id = ?1 and payload is not null")
                .setParameter(1, job.id()).executeUpdate();
        audit.record(job.kind().finishedAction(), "import_job", job.id().toString(), job.regionPrefix(),
                "accepted " + counts[0] + ", rejected " + counts[1] + "; submitted by " + job.principal());
    }

    /** Resumes running jobs nobody here works on, and deletes error reports older than the retention. */
    public void housekeeping() {
        try {
            List<?> running = QuarkusTransaction.requiringNew().call(() ->
                    em.createNativeQuery("select id from import_job where state = 'RUNNING' order by created_at").getResultList());
            for (Object id : running) {
                start((UUID) id);
            }
            OffsetDateTime before = OffsetDateTime.now().minus(config.errorRetention());
            int purged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "with expired as (update import_job set errors_purged_at = now() where state = 'DONE' and finished_at < ?1"
                                    + " and errors_purged_at is null returning id)"
                                    + " delete from import_row_error e using expired where e.job_id = expired.id")
                    .setParameter(1, before).executeUpdate());
            if (purged > 0) {
                LOG.infof("deleted %d import row errors older than %s", purged, config.errorRetention());
            }
        } catch (RuntimeException e) {
            LOG.warnf("import housekeeping failed (%s); it runs again in %s", e.getClass().getSimpleName(), config.resumeInterval());
        }
    }
}
