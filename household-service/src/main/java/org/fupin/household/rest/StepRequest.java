package org.fupin.household.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fupin.household.domain.WorkflowStep;
import org.fupin.household.service.LifecycleCommands;

import java.time.LocalDate;

/**
 * A registration step. {@code date} is the day it happened (default today; offices entering paper records give the
 * real date; never in the future). {@code identificationYear} goes with COUNTY_ANNOUNCED (default: the date's year).
 */
public record StepRequest(@NotNull WorkflowStep step, LocalDate date, @Size(max = 2000) String remarks,
                          @Min(2013) @Max(2100) Integer identificationYear) {

    public LifecycleCommands.Step toCommand() {
        return new LifecycleCommands.Step(step, date, remarks, identificationYear);
    }
}
