package org.fupin.rectification.domain;

import org.fupin.platform.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * What the service's project replica (from {@code fupin.project.v1}, with the fund figures from {@code fupin.fund.v1})
 * knows of a project, as the system-check rules read it.
 *
 * @param enteredOn         the date it entered the library (the registered event's effective date)
 * @param stage             the project stage code (PLANNED … ACCEPTED, CANCELLED)
 * @param missingFields     项目信息不完整: the required fields it lacks (from every project event)
 * @param plannedEndDate    the planned end date, null when not given
 * @param completedOn       the date it reached COMPLETED (its stage date then), null before
 * @param implementedAmount the implemented amount the reimbursement rate is measured against (issue 9: the budget of a
 *                          project under construction or further)
 * @param reimbursed        reimbursed (报账) so far, reversals deducted
 */
public record ProjectFacts(String projectId, String regionCode, LocalDate enteredOn, String stage, List<String> missingFields,
                           LocalDate plannedEndDate, LocalDate completedOn, Money implementedAmount, Money reimbursed) {

    public ProjectFacts {
        missingFields = missingFields == null ? List.of() : List.copyOf(missingFields);
        implementedAmount = implementedAmount == null ? Money.ZERO : implementedAmount;
        reimbursed = reimbursed == null ? Money.ZERO : reimbursed;
    }

    public boolean isCancelled() {
        return "CANCELLED".equals(stage);
    }

    /** COMPLETED or ACCEPTED. */
    public boolean isCompleted() {
        return "COMPLETED".equals(stage) || "ACCEPTED".equals(stage);
    }
}
