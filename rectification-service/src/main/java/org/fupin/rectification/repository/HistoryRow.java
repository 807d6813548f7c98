package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fupin.rectification.domain.IssueState;
import org.fupin.rectification.domain.IssueStep;
import org.fupin.rectification.domain.Transition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of an issue's history (raised, accepted, reported, returned, closed, extended), insert-only. */
@Entity
@Table(name = "issue_history")
public class HistoryRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "issue_id")
    public UUID issueId;
    public int position;
    @Enumerated(EnumType.STRING)
    public IssueStep step;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public IssueState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public IssueState toState;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    public String actor;
    public String remark;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public Transition domain() {
        return new Transition(step, fromState, toState, effectiveDate, actor, remark);
    }

    public static HistoryRow of(UUID issueId, int position, Transition t) {
        HistoryRow r = new HistoryRow();
        r.issueId = issueId;
        r.position = position;
        r.step = t.step();
        r.fromState = t.from();
        r.toState = t.to();
        r.effectiveDate = t.date();
        r.actor = t.actor();
        r.remark = t.remark();
        r.recordedAt = OffsetDateTime.now();
        return r;
    }
}
