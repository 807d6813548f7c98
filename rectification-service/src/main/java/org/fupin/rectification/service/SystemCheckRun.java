package org.fupin.rectification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fupin.rectification.domain.Finding;
import org.fupin.rectification.domain.SystemCheckThresholds;
import org.fupin.rectification.domain.SystemChecks;
import org.fupin.rectification.repository.HouseholdReplicaRcRepository;
import org.fupin.rectification.repository.ProjectReplicaRcRepository;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The system check (系统核查): runs the rules ({@link SystemChecks}) for households and projects of the replicas and
 * raises or clears their issues ({@link SystemFindings}): a rule that holds raises an issue unless one with its key is
 * open; a rule that no longer holds clears the open one (→ REPORTED with a system ledger entry, for an inspector).
 * <p>
 * Two callers: the consumers, right after each batch, for the objects it touched (event rules, and time rules whose
 * facts changed); and {@link #scheduled()} every {@code fupin.rectification.system-check.every}, for whatever is
 * check-pending (a check after a batch that failed) and for the objects a time rule may now hold for (once a day each).
 * Safe with several replicas: every chunk of objects is claimed with {@code FOR UPDATE SKIP LOCKED} in the transaction
 * that raises or clears their issues and marks them checked, so two replicas never check one object at once, and a
 * replica that stops mid-chunk leaves it to the next run. "Today" comes from the injectable {@link Clock}.
 */
@ApplicationScoped
public class SystemCheckRun {

    private static final Logger LOG = Logger.getLogger(SystemCheckRun.class);

    @Inject
    SystemFindings findings;
    @Inject
    HouseholdReplicaRcRepository households;
    @Inject
    ProjectReplicaRcRepository projects;
    @Inject
    SystemCheckConfig config;
    @Inject
    Clock clock;

    private volatile SystemCheckThresholds thresholds;

    /** The day the rules look at: today, China time, by the injectable clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    SystemCheckThresholds thresholds() {
        SystemCheckThresholds t = thresholds;
        if (t == null) {
            t = config.thresholds();
            thresholds = t;
        }
        return t;
    }

    /** After a household batch: checks these households (those another transaction holds are left to it). */
    public void checkHouseholds(Collection<UUID> ids) {
        checkAfterBatch(Kind.HOUSEHOLD, ids);
    }

    /** After a project or fund batch: checks these projects (those another transaction holds are left to it). */
    public void checkProjects(Collection<UUID> ids) {
        checkAfterBatch(Kind.PROJECT, ids);
    }

    private void checkAfterBatch(Kind kind, Collection<UUID> ids) {
        try {
            run(kind, List.copyOf(ids), today());
        } catch (RuntimeException e) {
            // the events are applied; the rows stay check-pending and the scheduled run takes them up
            LOG.warnf("system check after a batch failed (%s), left to the scheduled run: %s", kind,
                    e.getClass().getSimpleName());
        }
    }

    /** The scheduled run: whatever is due today. */
    @Scheduled(identity = "rectification-system-check", every = "${fupin.rectification.system-check.every:1h}",
            delayed = "${fupin.rectification.system-check.delayed:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.warnf("scheduled system check failed, retried on the next run: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * Checks every household and project due on today's date (check-pending, or one a time rule may hold for and not yet
     * checked today), chunk by chunk.
     *
     * @return the number of objects checked
     */
    public int runDue() {
        LocalDate today = today();
        return run(Kind.HOUSEHOLD, null, today) + run(Kind.PROJECT, null, today);
    }

    enum Kind { HOUSEHOLD, PROJECT }

    /**
     * Walks the due objects (of {@code ids} when given) in id order, a chunk per transaction. A chunk that fails is
     * retried object by object, so one object that cannot be checked (logged) holds up no other; it stays pending.
     */
    private int run(Kind kind, List<UUID> ids, LocalDate today) {
        int checked = 0;
        UUID after = null;
        int chunk = Math.max(1, config.chunkSize());
        while (true) {
            UUID from = after;
            List<UUID> claimed;
            try {
                claimed = QuarkusTransaction.requiringNew().call(() -> checkChunk(kind, ids, from, chunk, today));
            } catch (RuntimeException e) {
                List<UUID> candidates = QuarkusTransaction.requiringNew().call(() -> claim(kind, ids, from, chunk, today));
                if (candidates.isEmpty()) {
                    return checked;
                }
                for (UUID one : candidates) {
                    try {
                        checked += QuarkusTransaction.requiringNew().call(() -> checkChunk(kind, List.of(one), null, 1, today)).size();
                    } catch (RuntimeException single) {
                        LOG.warnf(single, "system check of %s %s failed; it stays pending", kind, one);
                    }
                }
                after = candidates.get(candidates.size() - 1);
                continue;
            }
            if (claimed.isEmpty()) {
                return checked;
            }
            checked += claimed.size();
            if (claimed.size() < chunk) {
                return checked;
            }
            after = claimed.get(claimed.size() - 1);
        }
    }

    private List<UUID> claim(Kind kind, List<UUID> ids, UUID after, int limit, LocalDate today) {
        SystemCheckThresholds t = thresholds();
        return kind == Kind.HOUSEHOLD ? households.claimDue(today, t, ids, after, limit)
                : projects.claimDue(today, t, ids, after, limit);
    }

    /** One transaction: claim a chunk, decide each rule for each object, raise or clear, mark them checked. */
    private List<UUID> checkChunk(Kind kind, List<UUID> ids, UUID after, int limit, LocalDate today) {
        SystemCheckThresholds t = thresholds();
        List<UUID> claimed = claim(kind, ids, after, limit, today);
        if (claimed.isEmpty()) {
            return claimed;
        }
        if (kind == Kind.HOUSEHOLD) {
            Map<UUID, org.fupin.rectification.domain.HouseholdFacts> facts = households.facts(claimed);
            facts.values().forEach(h -> SystemChecks.forHousehold(h, today, t).forEach(o -> act(o, today, t)));
            households.markChecked(claimed, today);
        } else {
            Map<UUID, org.fupin.rectification.domain.ProjectFacts> facts = projects.facts(claimed);
            facts.values().forEach(p -> SystemChecks.forProject(p, today, t).forEach(o -> act(o, today, t)));
            projects.markChecked(claimed, today);
        }
        return claimed;
    }

    private void act(SystemChecks.Outcome outcome, LocalDate today, SystemCheckThresholds t) {
        if (outcome.holds()) {
            Finding f = outcome.finding().orElseThrow();
            findings.raiseIfNoneOpen(f, SystemChecks.issueFor(f, today, t), today)
                    .ifPresent(id -> LOG.infof("system check raised issue %s for %s", id, f.key()));
        } else {
            findings.clear(outcome.key(), SystemChecks.clearedText(outcome.rule(), today), today);
        }
    }
}
