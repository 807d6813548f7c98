package org.fupin.project.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;
import java.util.UUID;

/** One linked household (带贫户): its id and the code it had when it was linked. */
@Embeddable
public class ProjectBeneficiaryLink {
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "household_code")
    public String householdCode;

    public ProjectBeneficiaryLink() {
    }

    public ProjectBeneficiaryLink(UUID householdId, String householdCode) {
        this.householdId = householdId;
        this.householdCode = householdCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectBeneficiaryLink l && Objects.equals(l.householdId, householdId)
                && Objects.equals(l.householdCode, householdCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(householdId, householdCode);
    }
}
