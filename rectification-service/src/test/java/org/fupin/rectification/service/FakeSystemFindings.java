package org.fupin.rectification.service;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.Transactional;
import org.fupin.rectification.domain.Finding;
import org.fupin.rectification.domain.IssueData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test double of {@link SystemFindings} (until the issue service's implementation is merged): keeps the issues a key
 * got, with the contract's rule "one open (not CLOSED) issue per key", in memory.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeSystemFindings implements SystemFindings {

    public record Issue(UUID id, Finding finding, IssueData data, LocalDate raisedOn, String state, String why) {
    }

    private final Map<String, List<Issue>> byKey = new ConcurrentHashMap<>();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public synchronized Optional<UUID> raiseIfNoneOpen(Finding finding, IssueData issue, LocalDate day) {
        List<Issue> issues = byKey.computeIfAbsent(finding.key(), k -> new ArrayList<>());
        if (issues.stream().anyMatch(i -> !"CLOSED".equals(i.state()))) {
            return Optional.empty();
        }
        Issue i = new Issue(UUID.randomUUID(), finding, issue, day, "OPEN", null);
        issues.add(i);
        return Optional.of(i.id());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public synchronized void clear(String findingKey, String why, LocalDate day) {
        List<Issue> issues = byKey.getOrDefault(findingKey, List.of());
        for (int n = 0; n < issues.size(); n++) {
            Issue i = issues.get(n);
            if ("OPEN".equals(i.state())) {
                issues.set(n, new Issue(i.id(), i.finding(), i.data(), i.raisedOn(), "REPORTED", why));
            }
        }
    }

    /** The states of the issues the key got, oldest first. */
    public synchronized List<String> states(String key) {
        return byKey.getOrDefault(key, List.of()).stream().map(Issue::state).toList();
    }

    public synchronized List<Issue> issues(String key) {
        return List.copyOf(byKey.getOrDefault(key, List.of()));
    }
}
