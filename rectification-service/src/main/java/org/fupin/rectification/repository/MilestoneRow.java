package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fupin.rectification.domain.Milestone;

import java.time.LocalDate;
import java.util.UUID;

/** A milestone of a long-term issue (阶段目标); only {@code reachedOn}/{@code entryNumber} change, once. */
@Entity
@Table(name = "milestone")
public class MilestoneRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "issue_id")
    public UUID issueId;
    public int number;
    public String description;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "reached_on")
    public LocalDate reachedOn;
    @Column(name = "entry_number")
    public Integer entryNumber;

    public Milestone domain() {
        return new Milestone(number, description, dueDate, reachedOn, entryNumber);
    }

    public static MilestoneRow of(UUID issueId, Milestone m) {
        MilestoneRow r = new MilestoneRow();
        r.issueId = issueId;
        r.number = m.number();
        r.description = m.description();
        r.dueDate = m.dueDate();
        r.reachedOn = m.reachedOn();
        r.entryNumber = m.entryNumber();
        return r;
    }
}
