package org.fupin.rectification.domain;

import org.fupin.platform.money.Rate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.rectification.domain.Issues.INSPECTOR;
import static org.fupin.rectification.domain.Issues.LEAD_UNIT;
import static org.fupin.rectification.domain.Issues.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Counts, closure rate and on-time closure rate as of a day, from lifecycles and from events alike; grouping. */
class RectificationFiguresTest {

    /** An issue and every event it published, in order. */
    record Tracked(IssueLifecycle issue, List<Object> events) {
        void add(Change c) {
            events.addAll(c.events());
        }

        IssueFact fromEvents() {
            return IssueFact.fromEvents(events);
        }
    }

    static Tracked raise(IssueData data) {
        IssueLifecycle i = IssueLifecycle.newIssue(UUID.randomUUID().toString(), Issues.source());
        Tracked t = new Tracked(i, new ArrayList<>());
        t.add(i.raise(data, Issues.RULES, INSPECTOR, Issues.RAISED));
        return t;
    }

    static IssueLifecycle.Entry entry(String date) {
        return new IssueLifecycle.Entry(d(date), "做了", List.of("ev"), null);
    }

    /**
     * Seven issues, deadline 2021-06-30 unless extended:
     * a closed on time (04-10); b closed late (07-10); c returned once, then closed on time (06-20);
     * d reported on 06-25, waiting (overdue from 07-01); e in progress, extended to 09-30 on 06-28;
     * f open (overdue from 07-01); g long-term (deadline 12-31), in progress.
     */
    static List<Tracked> scenario() {
        List<Tracked> l = new ArrayList<>();
        Tracked a = raise(Issues.shortIssue());
        a.add(a.issue().accept(LEAD_UNIT, d("2021-03-15"), null));
        a.add(a.issue().report(LEAD_UNIT, entry("2021-04-01")));
        a.add(a.issue().close(INSPECTOR, d("2021-04-10"), "销号"));
        Tracked b = raise(Issues.shortIssue());
        b.add(b.issue().accept(LEAD_UNIT, d("2021-03-15"), null));
        b.add(b.issue().report(LEAD_UNIT, entry("2021-07-01")));
        b.add(b.issue().close(INSPECTOR, d("2021-07-10"), "销号"));
        Tracked c = raise(Issues.shortIssue());
        c.add(c.issue().accept(LEAD_UNIT, d("2021-03-15"), null));
        c.add(c.issue().recordProgress(LEAD_UNIT, entry("2021-03-20")));
        c.add(c.issue().report(LEAD_UNIT, entry("2021-04-01")));
        c.add(c.issue().returnIssue(INSPECTOR, d("2021-04-05"), "材料不全"));
        c.add(c.issue().accept(LEAD_UNIT, d("2021-04-06"), null));
        c.add(c.issue().report(LEAD_UNIT, entry("2021-06-10")));
        c.add(c.issue().close(INSPECTOR, d("2021-06-20"), "销号"));
        Tracked dd = raise(Issues.shortIssue());
        dd.add(dd.issue().accept(LEAD_UNIT, d("2021-03-15"), null));
        dd.add(dd.issue().report(LEAD_UNIT, entry("2021-06-25")));
        Tracked e = raise(Issues.shortIssue());
        e.add(e.issue().accept(LEAD_UNIT, d("2021-03-15"), null));
        e.add(e.issue().extendDeadline(INSPECTOR, d("2021-09-30"), "汛期", "县长", d("2021-06-28")));
        Tracked f = raise(Issues.shortIssue());
        Tracked g = raise(Issues.longIssue());
        g.add(g.issue().accept(LEAD_UNIT, d("2021-03-15"), null));
        l.addAll(List.of(a, b, c, dd, e, f, g));
        return l;
    }

    static List<IssueFact> facts(List<Tracked> l, boolean fromEvents) {
        return l.stream().map(t -> fromEvents ? t.fromEvents() : IssueFact.of(t.issue())).toList();
    }

    @Test
    void theFiguresAtTheEndOfJuly() {
        for (boolean fromEvents : List.of(false, true)) {
            RectificationFigures.Figures f = RectificationFigures.of(facts(scenario(), fromEvents), d("2021-07-31"));
            assertEquals(7, f.raised());
            assertEquals(List.of(1L, 2L, 1L, 0L, 3L), List.of(f.open(), f.inProgress(), f.reported(), f.returned(), f.closed()));
            assertEquals(1, f.returnedAtLeastOnce());
            assertEquals(2, f.overdue(), "d (reported, not closed) and f (open); e was extended");
            assertEquals(1, f.longTermOpen());
            assertEquals(2, f.closedOnTime(), "a and c");
            assertEquals(Rate.of(3, 7), f.closureRate());
            assertEquals("42.86", f.closureRate().percent());
            assertEquals(Rate.of(2, 5), f.onTimeClosureRate(), "closed on time ÷ (closed + overdue)");
            assertEquals("40.00", f.onTimeClosureRate().percent());
        }
    }

    @Test
    void theFiguresAsOfEarlierDays() {
        List<IssueFact> facts = facts(scenario(), true);
        RectificationFigures.Figures april = RectificationFigures.of(facts, d("2021-04-05"));
        assertEquals(7, april.raised());
        assertEquals(List.of(1L, 4L, 1L, 1L, 0L), List.of(april.open(), april.inProgress(), april.reported(), april.returned(),
                april.closed()), "a reported, c returned that day");
        assertEquals(0, april.overdue());
        assertFalse(april.onTimeClosureRate().defined(), "nothing closed or due yet");
        RectificationFigures.Figures april10 = RectificationFigures.of(facts, d("2021-04-10"));
        assertEquals(1, april10.closed());
        assertEquals(Rate.of(1, 1), april10.onTimeClosureRate());
        RectificationFigures.Figures july1 = RectificationFigures.of(facts, d("2021-07-01"));
        assertEquals(3, july1.overdue(), "b, d, f past 06-30; e extended on 06-28");
        RectificationFigures.Figures june27 = RectificationFigures.of(facts, d("2021-06-27"));
        assertEquals(0, june27.overdue());
        RectificationFigures.Figures before = RectificationFigures.of(facts, d("2021-03-09"));
        assertEquals(0, before.raised());
        assertFalse(before.closureRate().defined(), "undefined, not 0, when nothing was raised");
        assertNull(before.closureRate().percent());
        assertFalse(before.onTimeClosureRate().defined());
    }

    @Test
    void eventsAndLifecycleGiveTheSameFacts() {
        for (Tracked t : scenario()) {
            IssueFact a = IssueFact.of(t.issue());
            IssueFact b = t.fromEvents();
            for (String day : List.of("2021-03-10", "2021-04-05", "2021-06-29", "2021-07-01", "2021-07-10", "2022-01-01")) {
                LocalDate x = d(day);
                assertEquals(a.stateOn(x), b.stateOn(x), day);
                assertEquals(a.overdueOn(x), b.overdueOn(x), day);
                assertEquals(a.deadlineOn(x), b.deadlineOn(x), day);
                assertEquals(t.issue().isOverdueOn(x), a.overdueOn(x), "lifecycle and fact agree on " + day);
            }
            assertEquals(a.closedOn(), b.closedOn());
        }
        assertThrows(IllegalArgumentException.class, () -> IssueFact.fromEvents(List.of()));
        List<Object> mixed = new ArrayList<>(scenario().get(0).events());
        mixed.addAll(scenario().get(1).events().subList(1, 2));
        assertThrows(IllegalArgumentException.class, () -> IssueFact.fromEvents(mixed));
    }

    @Test
    void groupedBySourceCategoryUnitAndRegion() {
        List<IssueFact> facts = new ArrayList<>(facts(scenario(), false));
        Map<String, RectificationFigures.Figures> byCategory = RectificationFigures.grouped(facts, d("2021-07-31"),
                RectificationFigures.GroupBy.CATEGORY, "522428");
        assertEquals(List.of("identification-accuracy", "project-management"), List.copyOf(byCategory.keySet()));
        assertEquals(6, byCategory.get("identification-accuracy").raised());
        assertEquals(1, byCategory.get("project-management").longTermOpen());
        Map<String, RectificationFigures.Figures> byRegion = RectificationFigures.grouped(facts, d("2021-07-31"),
                RectificationFigures.GroupBy.REGION, "522428");
        assertEquals(Map.of("522428103000", 6L, "522428000000", 1L),
                Map.of("522428103000", byRegion.get("522428103000").raised(), "522428000000", byRegion.get("522428000000").raised()));
        assertEquals(1, RectificationFigures.grouped(facts, d("2021-07-31"), RectificationFigures.GroupBy.UNIT, "").size());
        assertEquals(7, RectificationFigures.grouped(facts, d("2021-07-31"), RectificationFigures.GroupBy.SOURCE, "").size(),
                "each fixture issue has its own source");
        assertEquals(Map.of("inspection", 7L), Map.of("inspection", RectificationFigures.grouped(facts, d("2021-07-31"),
                RectificationFigures.GroupBy.SOURCE_TYPE, "").get("inspection").raised()));
        assertEquals("520000000000", RectificationFigures.childRegion("522428103201", ""));
        assertEquals("522400000000", RectificationFigures.childRegion("522428103201", "52"));
        assertEquals("522428000000", RectificationFigures.childRegion("522428103201", "5224"));
        assertEquals("522428103201", RectificationFigures.childRegion("522428103201", "522428103"));
    }
}
