package org.fupin.fund.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FundLedger} decision posts: the action (audit), its business date, the accounts after it (to store, each
 * row having been locked), the new entries (to insert; never updated), the allocation document after it (its lines' sum;
 * null when no document is involved) and the events to publish, each under its project (the fund aggregate is a project's
 * ledger: one {@code AggregateChange} per project, key = project id).
 */
public record Posting(String action, LocalDate effectiveDate, List<Account> accounts, List<LedgerEntry> entries,
                      AllocationDocument document, List<ProjectEvent> events) {

    /** One event record and the project (aggregate) it is published under. */
    public record ProjectEvent(String projectId, String regionCode, Object event) {
    }

    public Posting {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        accounts = List.copyOf(accounts);
        entries = List.copyOf(entries);
        events = List.copyOf(events);
    }

    /** The events grouped by project, in order (projects in the order they first appear). */
    public Map<String, List<Object>> eventsByProject() {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        events.forEach(e -> m.computeIfAbsent(e.projectId(), k -> new java.util.ArrayList<>()).add(e.event()));
        return m;
    }

    /** The account after the posting, by key. */
    public Account account(LedgerEntry.AccountKey key) {
        return accounts.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
    }
}
