package org.fupin.household.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 民情日记: a visit to the household. */
@Entity
@Table(name = "visit_log")
public class VisitLog {
    @Id
    public UUID id;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "visited_on")
    public LocalDate visitedOn;
    public String visitor;
    public String notes;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
