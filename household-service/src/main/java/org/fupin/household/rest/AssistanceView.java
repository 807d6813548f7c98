package org.fupin.household.rest;

import org.fupin.household.service.AssistanceRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A household's assistance: responsible cadre (帮扶责任人), measures (帮扶措施) and visits (民情日记). */
public record AssistanceView(HouseholdView.Cadre cadre, List<MeasureView> measures, List<VisitView> visits) {

    public record MeasureView(UUID id, String kind, String description, LocalDate startedOn, String createdBy) {
        public static MeasureView of(AssistanceRecord.Measure m) {
            return new MeasureView(m.id(), m.kind(), m.description(), m.startedOn(), m.createdBy());
        }
    }

    public record VisitView(UUID id, LocalDate visitedOn, String visitor, String notes) {
        public static VisitView of(AssistanceRecord.Visit v) {
            return new VisitView(v.id(), v.visitedOn(), v.visitor(), v.notes());
        }
    }

    public static AssistanceView of(AssistanceRecord a) {
        return new AssistanceView(HouseholdView.Cadre.of(a.cadre()), a.measures().stream().map(MeasureView::of).toList(),
                a.visits().stream().map(VisitView::of).toList());
    }
}
