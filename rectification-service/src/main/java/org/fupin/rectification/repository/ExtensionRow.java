package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fupin.rectification.domain.DeadlineExtension;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An approved deadline extension (整改延期), insert-only. */
@Entity
@Table(name = "deadline_extension")
public class ExtensionRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "issue_id")
    public UUID issueId;
    public int number;
    @Column(name = "previous_deadline")
    public LocalDate previousDeadline;
    @Column(name = "new_deadline")
    public LocalDate newDeadline;
    public String reason;
    public String approver;
    @Column(name = "approved_on")
    public LocalDate approvedOn;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public DeadlineExtension domain() {
        return new DeadlineExtension(number, previousDeadline, newDeadline, reason, approver, approvedOn, recordedBy);
    }

    public static ExtensionRow of(UUID issueId, DeadlineExtension x) {
        ExtensionRow r = new ExtensionRow();
        r.issueId = issueId;
        r.number = x.number();
        r.previousDeadline = x.previousDeadline();
        r.newDeadline = x.newDeadline();
        r.reason = x.reason();
        r.approver = x.approver();
        r.approvedOn = x.approvedOn();
        r.recordedBy = x.recordedBy();
        r.recordedAt = OffsetDateTime.now();
        return r;
    }
}
