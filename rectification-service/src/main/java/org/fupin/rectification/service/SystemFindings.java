package org.fupin.rectification.service;

import org.fupin.rectification.domain.Finding;
import org.fupin.rectification.domain.IssueData;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The issue side of the system check (系统核查): the system-check run (consumers of the household, project and fund topics,
 * and the scheduled run of the time rules) decides with {@code SystemChecks} which findings hold on a day and calls this
 * to raise or clear their issues. Implemented by the issue service as an {@code @ApplicationScoped} bean whose methods
 * are {@code @Transactional(MANDATORY)}: they run inside the caller's transaction (the consumer's batch, the scheduled
 * run), so the issue, its outbox events and the inbox entries commit together.
 */
public interface SystemFindings {

    /**
     * Raises an OPEN system-check issue for the finding, from the standing system-check source of its rule
     * ({@code finding.rule()}, document number = rule code), with {@code finding.key()} as its finding key, unless an open
     * (not CLOSED) issue with that key exists; then nothing happens (a replayed or repeated event never raises a second
     * one — the unique partial index on the key is the database's guard).
     *
     * @param finding the finding (rule, key, object, region, since, description)
     * @param issue   the issue it raises, {@code SystemChecks.issueFor(finding, day, thresholds)} — the caller holds the
     *                configured thresholds (lead unit per rule, days until the deadline)
     * @param day     the day of the run (the raise date)
     * @return the new issue's id, empty when an open issue with the key already exists
     */
    Optional<UUID> raiseIfNoneOpen(Finding finding, IssueData issue, LocalDate day);

    /**
     * The condition of the key no longer holds: its open issue moves to REPORTED with a SYSTEM ledger entry saying why
     * ({@code IssueLifecycle.systemClear}), for an inspector to verify and close. A no-op when no open issue has the key
     * or it is already REPORTED.
     *
     * @param findingKey {@code <rule code>:<object id>}
     * @param why        the ledger text, {@code SystemChecks.clearedText(rule, day)}
     * @param day        the day of the run (never dated before the issue's latest step — the domain moves it)
     */
    void clear(String findingKey, String why, LocalDate day);
}
