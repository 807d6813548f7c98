package org.fupin.project.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of a project's history: who did what, when, effective on which date, with the fields before and after. */
@Entity
@Table(name = "project_history")
public class ProjectHistory {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "project_id")
    public UUID projectId;
    public OffsetDateTime at;
    public String actor;
    public String action;
    @Column(name = "from_stage")
    public String fromStage;
    @Column(name = "to_stage")
    public String toStage;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    public String remarks;
    /** JSON array of {field, before, after}. */
    public String changes;
}
