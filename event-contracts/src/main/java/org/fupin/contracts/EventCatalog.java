package org.fupin.contracts;

import org.fupin.contracts.fund.FundAllocatedV1;
import org.fupin.contracts.fund.FundAllocationAdjustedV1;
import org.fupin.contracts.fund.FundDisbursedV1;
import org.fupin.contracts.fund.FundRecalledV1;
import org.fupin.contracts.fund.FundReimbursedV1;
import org.fupin.contracts.fund.FundReimbursementReversedV1;
import org.fupin.contracts.household.HouseholdCadreAssignedV1;
import org.fupin.contracts.household.HouseholdExitedV1;
import org.fupin.contracts.household.HouseholdMeasureAddedV1;
import org.fupin.contracts.household.HouseholdMonitoringEndedV1;
import org.fupin.contracts.household.HouseholdMonitoringStartedV1;
import org.fupin.contracts.household.HouseholdRegisteredV1;
import org.fupin.contracts.household.HouseholdRemovedV1;
import org.fupin.contracts.household.HouseholdReturnedV1;
import org.fupin.contracts.household.HouseholdUpdatedV1;
import org.fupin.contracts.household.HouseholdWorkflowStepTakenV1;
import org.fupin.contracts.project.ProjectAdjustedV1;
import org.fupin.contracts.project.ProjectBeneficiariesChangedV1;
import org.fupin.contracts.project.ProjectCancelledV1;
import org.fupin.contracts.project.ProjectProgressReportedV1;
import org.fupin.contracts.project.ProjectRegisteredV1;
import org.fupin.contracts.project.ProjectStageChangedV1;
import org.fupin.contracts.project.ProjectUpdatedV1;
import org.fupin.contracts.rectification.RectificationIssueRaisedV1;
import org.fupin.contracts.rectification.RectificationIssueAcceptedV1;
import org.fupin.contracts.rectification.RectificationProgressRecordedV1;
import org.fupin.contracts.rectification.RectificationIssueReportedV1;
import org.fupin.contracts.rectification.RectificationIssueReturnedV1;
import org.fupin.contracts.rectification.RectificationIssueClosedV1;
import org.fupin.contracts.rectification.RectificationDeadlineExtendedV1;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the suite; tests use it to check that each has a schema and that emitted events match it. */
public final class EventCatalog {
    private EventCatalog() {
    }

    public static final List<Class<?>> ALL = List.of(
            HouseholdRegisteredV1.class,
            HouseholdUpdatedV1.class,
            HouseholdWorkflowStepTakenV1.class,
            HouseholdExitedV1.class,
            HouseholdReturnedV1.class,
            HouseholdRemovedV1.class,
            HouseholdMonitoringStartedV1.class,
            HouseholdMonitoringEndedV1.class,
            HouseholdCadreAssignedV1.class,
            HouseholdMeasureAddedV1.class,
            ProjectRegisteredV1.class,
            ProjectUpdatedV1.class,
            ProjectAdjustedV1.class,
            ProjectStageChangedV1.class,
            ProjectProgressReportedV1.class,
            ProjectBeneficiariesChangedV1.class,
            ProjectCancelledV1.class,
            RectificationIssueRaisedV1.class,
            RectificationIssueAcceptedV1.class,
            RectificationProgressRecordedV1.class,
            RectificationIssueReportedV1.class,
            RectificationIssueReturnedV1.class,
            RectificationIssueClosedV1.class,
            RectificationDeadlineExtendedV1.class,
            FundAllocatedV1.class,
            FundAllocationAdjustedV1.class,
            FundDisbursedV1.class,
            FundReimbursedV1.class,
            FundReimbursementReversedV1.class,
            FundRecalledV1.class);

    private static final Map<String, Class<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toMap(c -> typeOf(c).value(), Function.identity()));

    public static EventType typeOf(Class<?> eventClass) {
        EventType t = eventClass.getAnnotation(EventType.class);
        if (t == null) {
            throw new IllegalArgumentException(eventClass + " is not annotated with @EventType");
        }
        return t;
    }

    public static Optional<Class<?>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Classpath resource of the JSON Schema for an event type. */
    public static String schemaResource(String type) {
        return "/schemas/" + type + ".json";
    }
}
