package org.fupin.contracts.project;

import org.fupin.contracts.EventType;
import org.fupin.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project entered the library (入库): a new project in PLANNED, or an imported one in the stage it had reached, with
 * its stage date and latest progress. See the package description for the common fields.
 *
 * @param entry        {@code NEW} (entered in PLANNED) or {@code IMPORTED} (brought in from another library, any stage)
 * @param registeredAt when the entry was recorded (processing time)
 * @param plannedStartDate planned start (计划开工), null when not given
 * @param plannedEndDate   planned end (计划完工), null when not given
 */
@EventType(value = "project.registered.v1", aggregate = "project", topic = Topics.PROJECT)
public record ProjectRegisteredV1(String projectId, String projectCode, String regionCode, String category,
                                  int projectYear, String batch, String entry, String stage, LocalDate stageDate,
                                  Map<String, String> budget, String budgetTotal, String physicalProgress,
                                  String investmentCompleted, List<String> missingFields, Instant registeredAt,
                                  LocalDate plannedStartDate, LocalDate plannedEndDate, LocalDate effectiveDate) {
    /** The snapshot without the planned dates (the shape before they joined every project event): null, not given. */
    public ProjectRegisteredV1(String projectId, String projectCode, String regionCode, String category,
                               int projectYear, String batch, String entry, String stage, LocalDate stageDate,
                               Map<String, String> budget, String budgetTotal, String physicalProgress,
                               String investmentCompleted, List<String> missingFields, Instant registeredAt,
                               LocalDate effectiveDate) {
        this(projectId, projectCode, regionCode, category, projectYear, batch, entry, stage, stageDate, budget, budgetTotal,
             physicalProgress, investmentCompleted, missingFields, registeredAt, null, null, effectiveDate);
    }
}
