package org.fupin.reporting.domain;

import org.fupin.platform.money.Rate;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.reporting.TestIssue;
import org.fupin.reporting.domain.RectificationFigures.Figures;
import org.fupin.reporting.domain.RectificationFigures.Filter;
import org.fupin.reporting.domain.RectificationFigures.GroupBy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Counts, closure rate and on-time closure rate as of a day (copied from rectification-service's test, on issues built
 * from their events); the stored steps in any order give the same facts as the events; filters and groupings.
 */
class RectificationFiguresTest {

    static final String TOWNSHIP_VILLAGE = "522428103201";
    static final String COUNTY_CODE = "522428000000";
    static final TestIssue.Source SOURCE = TestIssue.Source.of("inspection", "X扶组〔2021〕2号", d("2021-03-01"));
    static final LocalDate RAISED = d("2021-03-10");
    static final LocalDate DEADLINE = d("2021-06-30");

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static TestIssue shortIssue() {
        return TestIssue.raise(SOURCE, "identification-accuracy", TOWNSHIP_VILLAGE, "county-office", false, RAISED, DEADLINE);
    }

    /**
     * Seven issues, deadline 2021-06-30 unless extended:
     * a closed on time (04-10); b closed late (07-10); c returned once, then closed on time (06-20);
     * d reported on 06-25, waiting (overdue from 07-01); e in progress, extended to 09-30 on 06-28;
     * f open (overdue from 07-01); g long-term (deadline 12-31), in progress, at the county itself.
     */
    static List<TestIssue> scenario() {
        TestIssue a = shortIssue().accept(d("2021-03-15")).report(d("2021-04-01")).close(d("2021-04-10"));
        TestIssue b = shortIssue().accept(d("2021-03-15")).report(d("2021-07-01")).close(d("2021-07-10"));
        TestIssue c = shortIssue().accept(d("2021-03-15")).progress(d("2021-03-20")).report(d("2021-04-01"))
                .sendBack(d("2021-04-05")).accept(d("2021-04-06")).report(d("2021-06-10")).close(d("2021-06-20"));
        TestIssue dd = shortIssue().accept(d("2021-03-15")).report(d("2021-06-25"));
        TestIssue e = shortIssue().accept(d("2021-03-15")).extend(d("2021-09-30"), d("2021-06-28"));
        TestIssue f = shortIssue();
        TestIssue g = TestIssue.raise(SOURCE, "project-management", COUNTY_CODE, "county-office", true, RAISED, d("2021-12-31"))
                .accept(d("2021-03-15"));
        return List.of(a, b, c, dd, e, f, g);
    }

    static List<IssueFact> facts(List<TestIssue> issues) {
        return issues.stream().map(TestIssue::fact).toList();
    }

    @Test
    void theFiguresAtTheEndOfJuly() {
        Figures f = RectificationFigures.of(facts(scenario()), d("2021-07-31"));
        assertEquals(7, f.raised());
        assertEquals(List.of(1L, 2L, 1L, 0L, 3L), List.of(f.open(), f.inProgress(), f.reported(), f.returned(), f.closed()));
        assertEquals(1, f.returnedAtLeastOnce());
        assertEquals(2, f.overdue(), "d (reported, not closed) and f (open); e was extended");
        assertEquals(1, f.longTermOpen());
        assertEquals(2, f.closedOnTime(), "a and c");
        assertEquals(Rate.of(3, 7), f.closureRate());
        assertEquals("42.86", f.closureRate().percent());
        assertEquals(Rate.of(2, 3), f.onTimeClosureRate(), "closed on time ÷ closed");
        assertEquals("66.67", f.onTimeClosureRate().percent());
    }

    @Test
    void theFiguresAsOfEarlierDays() {
        List<IssueFact> facts = facts(scenario());
        Figures april = RectificationFigures.of(facts, d("2021-04-05"));
        assertEquals(7, april.raised());
        assertEquals(List.of(1L, 4L, 1L, 1L, 0L), List.of(april.open(), april.inProgress(), april.reported(), april.returned(),
                april.closed()), "a reported, c returned that day");
        assertEquals(1, april.returnedAtLeastOnce());
        assertEquals(0, april.overdue());
        assertFalse(april.onTimeClosureRate().defined(), "nothing closed yet");
        Figures april10 = RectificationFigures.of(facts, d("2021-04-10"));
        assertEquals(1, april10.closed());
        assertEquals(Rate.of(1, 1), april10.onTimeClosureRate());
        Figures july1 = RectificationFigures.of(facts, d("2021-07-01"));
        assertEquals(3, july1.overdue(), "b, d, f past 06-30; e extended on 06-28");
        assertEquals(0, RectificationFigures.of(facts, d("2021-06-30")).overdue(), "due on the deadline itself, not overdue");
        Figures july10 = RectificationFigures.of(facts, d("2021-07-10"));
        assertEquals(Rate.of(2, 3), july10.onTimeClosureRate(), "b closed after its deadline");
        assertEquals(0, RectificationFigures.of(facts, d("2021-06-27")).overdue());
        Figures october = RectificationFigures.of(facts, d("2021-10-01"));
        assertEquals(3, october.overdue(), "d, f and now e (extended to 09-30)");
        Figures before = RectificationFigures.of(facts, d("2021-03-09"));
        assertEquals(0, before.raised());
        assertFalse(before.closureRate().defined(), "undefined, not 0, when nothing was raised");
        assertNull(before.closureRate().percent());
        assertFalse(before.onTimeClosureRate().defined());
    }

    @Test
    void anExtensionCountsFromItsApprovalDay() {
        IssueFact late = shortIssue().accept(d("2021-03-15")).extend(d("2021-08-31"), d("2021-07-05")).fact();
        assertEquals(DEADLINE, late.deadlineOn(d("2021-07-04")));
        assertEquals(d("2021-08-31"), late.deadlineOn(d("2021-07-05")));
        assertEquals(true, late.overdueOn(d("2021-07-04")), "overdue until the extension was approved");
        assertEquals(false, late.overdueOn(d("2021-07-05")));
        IssueFact closedAfterExtension = shortIssue().accept(d("2021-03-15")).extend(d("2021-08-31"), d("2021-06-01"))
                .report(d("2021-08-01")).close(d("2021-08-20")).fact();
        assertEquals(true, closedAfterExtension.closedOnTimeBy(d("2021-12-31")), "the deadline in force when closed");
    }

    @Test
    void theStoredStepsInAnyOrderGiveTheSameFactsAsTheEvents() {
        Random random = new Random(3);
        for (TestIssue t : scenario()) {
            IssueFact fromEvents = t.fact();
            List<IssueFact.Step> steps = new ArrayList<>();
            for (int v = 0; v < t.events.size(); v++) {
                IssueFact upTo = IssueFact.fromEvents(t.records.subList(0, v + 1));
                LocalDate date = dateOf(t, v);
                steps.add(new IssueFact.Step(v + 1, date, upTo.stateOn(date), upTo.deadlineOn(date)));
            }
            Collections.shuffle(steps, random);
            IssueFact fromSteps = IssueFact.fromSteps(t.id, t.source.id(), t.source.type(), t.source.documentNumber(),
                    t.source.date(), t.category, t.region, t.leadUnit, IssueFact.Term.valueOf(t.term), t.raisedOn,
                    t.originalDeadline, steps);
            IssueFact withoutRaise = IssueFact.fromSteps(t.id, t.source.id(), t.source.type(), t.source.documentNumber(),
                    null, t.category, t.region, t.leadUnit, IssueFact.Term.valueOf(t.term), t.raisedOn, t.originalDeadline,
                    steps.stream().filter(s -> s.version() != 1).toList());
            for (String day : List.of("2021-03-09", "2021-03-10", "2021-04-05", "2021-06-29", "2021-07-01", "2021-07-10",
                    "2021-10-01", "2022-01-01")) {
                LocalDate x = d(day);
                for (IssueFact f : List.of(fromSteps, withoutRaise)) {
                    assertEquals(fromEvents.stateOn(x), f.stateOn(x), day);
                    assertEquals(fromEvents.overdueOn(x), f.overdueOn(x), day);
                    assertEquals(fromEvents.deadlineOn(x), f.deadlineOn(x), day);
                    assertEquals(fromEvents.returnedBy(x), f.returnedBy(x), day);
                    assertEquals(fromEvents.closedOnTimeBy(x), f.closedOnTimeBy(x), day);
                }
            }
            assertEquals(fromEvents.closedOn(), fromSteps.closedOn());
            assertEquals(2021, withoutRaise.year(), "without the source date: the year raised");
        }
        assertThrows(IllegalArgumentException.class, () -> IssueFact.fromEvents(List.of()));
        List<Object> mixed = new ArrayList<>(scenario().get(0).records);
        mixed.addAll(scenario().get(1).records.subList(1, 2));
        assertThrows(IllegalArgumentException.class, () -> IssueFact.fromEvents(mixed));
    }

    private static LocalDate dateOf(TestIssue t, int version) {
        Object e = t.records.get(version);
        try {
            return (LocalDate) e.getClass().getMethod("effectiveDate").invoke(e);
        } catch (ReflectiveOperationException x) {
            throw new IllegalStateException(x);
        }
    }

    @Test
    void groupedBySourceSourceTypeCategoryUnitRegionAndYear() {
        List<TestIssue> issues = new ArrayList<>(scenario());
        TestIssue.Source audit = TestIssue.Source.of("audit", "X审〔2020〕9号", d("2020-12-20"));
        issues.add(TestIssue.raise(audit, "fund-management", "522428104202", "county-finance", false, d("2021-01-05"),
                d("2021-03-31")).accept(d("2021-01-06")).report(d("2021-03-01")).close(d("2021-03-02")));
        List<IssueFact> facts = facts(issues);
        LocalDate day = d("2021-07-31");
        Filter county = new Filter("522428", null, null, null, null, null);

        var bySource = RectificationFigures.report(facts, day, county, GroupBy.SOURCE);
        assertEquals(2, bySource.rows().size());
        for (RectificationFigures.Row r : bySource.rows()) {
            assertEquals(r.group().equals(SOURCE.id()) ? "X扶组〔2021〕2号" : "X审〔2020〕9号", r.label());
        }
        assertEquals(8, bySource.total().raised());
        var byType = RectificationFigures.report(facts, day, county, GroupBy.SOURCE_TYPE);
        assertEquals(List.of("audit", "inspection"), byType.rows().stream().map(RectificationFigures.Row::group).toList());
        assertNull(byType.rows().get(0).label(), "only source rows have a label");
        assertEquals(7, byType.rows().get(1).figures().raised());
        var byCategory = RectificationFigures.report(facts, day, county, GroupBy.CATEGORY);
        assertEquals(List.of("fund-management", "identification-accuracy", "project-management"),
                byCategory.rows().stream().map(RectificationFigures.Row::group).toList());
        assertEquals(1, byCategory.rows().get(2).figures().longTermOpen());
        var byUnit = RectificationFigures.report(facts, day, county, GroupBy.UNIT);
        assertEquals(List.of("county-finance: 1", "county-office: 7"),
                byUnit.rows().stream().map(r -> r.group() + ": " + r.figures().raised()).toList());
        var byRegion = RectificationFigures.report(facts, day, county, GroupBy.REGION);
        assertEquals(List.of("522428: 1", "522428103: 6", "522428104: 1"),
                byRegion.rows().stream().map(r -> r.group() + ": " + r.figures().raised()).toList(),
                "the county's own issue under its own prefix");
        var byYear = RectificationFigures.report(facts, day, county, GroupBy.YEAR);
        assertEquals(List.of("2020: 1", "2021: 7"), byYear.rows().stream().map(r -> r.group() + ": " + r.figures().raised()).toList(),
                "the year of the source document, not of the raise");
        assertEquals(bySource.total(), byYear.total());
        var province = RectificationFigures.report(facts, day, new Filter("", null, null, null, null, null), GroupBy.REGION);
        assertEquals(List.of("52: 8"), province.rows().stream().map(r -> r.group() + ": " + r.figures().raised()).toList());

        // filters
        assertEquals(1, RectificationFigures.report(facts, day, new Filter("522428", 2020, null, null, null, null), null).total().raised());
        assertEquals(7, RectificationFigures.report(facts, day, new Filter("522428", null, "inspection", null, null, null), null).total().raised());
        assertEquals(1, RectificationFigures.report(facts, day, new Filter("522428", null, null, audit.id(), null, null), null).total().raised());
        assertEquals(6, RectificationFigures.report(facts, day, new Filter("522428", null, null, null, "identification-accuracy", null), null).total().raised());
        assertEquals(1, RectificationFigures.report(facts, day, new Filter("522428", null, null, null, null, "county-finance"), null).total().raised());
        assertEquals(1, RectificationFigures.report(facts, day, new Filter("522428104", null, null, null, null, null), null).total().raised());
        assertEquals(0, RectificationFigures.report(facts, day, new Filter("5301", null, null, null, null, null), null).total().raised());
        assertEquals(List.of(), RectificationFigures.report(facts, d("2020-12-31"), county, GroupBy.UNIT).rows(),
                "nothing raised by then: no rows");
    }

    @Test
    void groupByValues() {
        assertEquals(GroupBy.SOURCE_TYPE, GroupBy.parse("sourceType", "groupBy"));
        assertNull(GroupBy.parse(" ", "groupBy"));
        for (String bad : List.of("source_type", "SOURCE", "month", "leadUnit")) {
            ApiProblem p = assertThrows(ApiProblem.class, () -> GroupBy.parse(bad, "groupBy"));
            assertEquals(400, p.status());
        }
        assertEquals("52", RectificationFigures.childRegion("522428103201", ""));
        assertEquals("5224", RectificationFigures.childRegion("522428103201", "52"));
        assertEquals("522428", RectificationFigures.childRegion("522428103201", "5224"));
        assertEquals("522428103201", RectificationFigures.childRegion("522428103201", "522428103"));
    }
}
