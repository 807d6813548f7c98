package org.fupin.household.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "household_history")
public class HouseholdHistory {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "household_id")
    public UUID householdId;
    public OffsetDateTime at;
    public String actor;
    public String action;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    @Column(name = "step_date")
    public LocalDate stepDate;
    public String remarks;
}
