package org.fupin.rectification.domain;

import org.fupin.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.fupin.rectification.domain.Issues.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each system-check rule with its thresholds, the deduplicating key, raise/clear decisions, and the issue a finding raises. */
class SystemChecksTest {

    static final String P = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    static final String H = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String REGION = "522428103201";

    static SystemCheckThresholds t(int incomplete, int grace, int reimbAfter, String minPercent, int cadre, int measure) {
        return new SystemCheckThresholds(incomplete, grace, reimbAfter, new BigDecimal(minPercent), cadre, measure, 30,
                EnumSet.allOf(SystemCheckRule.class), Map.of());
    }

    static final SystemCheckThresholds T = t(30, 0, 90, "80", 30, 15);

    static ProjectFacts project(String stage, List<String> missing, LocalDate plannedEnd, LocalDate completedOn,
                                String implemented, String reimbursed) {
        return new ProjectFacts(P, REGION, d("2021-01-10"), stage, missing, plannedEnd, completedOn, Money.of(implemented),
                Money.of(reimbursed));
    }

    static boolean holds(Optional<Finding> f) {
        return f.isPresent();
    }

    @Test
    void projectIncompleteNDaysAfterEntry() {
        ProjectFacts p = project("PLANNED", List.of("budget", "beneficiaries"), null, null, "0", "0");
        assertFalse(holds(SystemChecks.projectIncomplete(p, d("2021-02-08"), T)), "29 days after entry");
        Finding f = SystemChecks.projectIncomplete(p, d("2021-02-09"), T).orElseThrow();
        assertEquals("project-incomplete:" + P, f.key());
        assertEquals(d("2021-02-09"), f.since());
        assertEquals(REGION, f.regionCode());
        assertTrue(f.description().contains("[budget, beneficiaries]"), f.description());
        assertFalse(holds(SystemChecks.projectIncomplete(p, d("2021-02-09"), t(31, 0, 90, "80", 30, 15))), "the threshold is configuration");
        assertTrue(holds(SystemChecks.projectIncomplete(p, d("2021-01-10"), t(0, 0, 90, "80", 30, 15))));
        assertFalse(holds(SystemChecks.projectIncomplete(project("PLANNED", List.of(), null, null, "0", "0"), d("2022-01-01"), T)),
                "complete: cleared");
        assertFalse(holds(SystemChecks.projectIncomplete(project("CANCELLED", List.of("budget"), null, null, "0", "0"),
                d("2022-01-01"), T)), "cancelled projects are not chased");
    }

    @Test
    void projectPastPlannedEndAndNotCompleted() {
        ProjectFacts p = project("UNDER_CONSTRUCTION", List.of(), d("2021-10-31"), null, "0", "0");
        assertFalse(holds(SystemChecks.projectOverdue(p, d("2021-10-31"), T)), "the planned end day itself");
        Finding f = SystemChecks.projectOverdue(p, d("2021-11-01"), T).orElseThrow();
        assertEquals("project-overdue:" + P, f.key());
        assertEquals(d("2021-11-01"), f.since());
        SystemCheckThresholds grace = t(30, 15, 90, "80", 30, 15);
        assertFalse(holds(SystemChecks.projectOverdue(p, d("2021-11-15"), grace)));
        assertTrue(holds(SystemChecks.projectOverdue(p, d("2021-11-16"), grace)));
        for (String stage : List.of("COMPLETED", "ACCEPTED", "CANCELLED")) {
            assertFalse(holds(SystemChecks.projectOverdue(project(stage, List.of(), d("2021-10-31"), d("2021-12-01"), "0", "0"),
                    d("2022-01-01"), T)), stage);
        }
        assertFalse(holds(SystemChecks.projectOverdue(project("PLANNED", List.of(), null, null, "0", "0"), d("2030-01-01"), T)),
                "no planned end date: the incomplete rule covers it");
        assertTrue(holds(SystemChecks.projectOverdue(project("PLANNED", List.of(), d("2021-10-31"), null, "0", "0"),
                d("2021-11-01"), T)));
    }

    @Test
    void completedProjectWithReimbursementBelowXPercentAfterNDays() {
        ProjectFacts low = project("COMPLETED", List.of(), d("2021-06-30"), d("2021-07-01"), "1000000.00", "799999.99");
        assertFalse(holds(SystemChecks.reimbursementLow(low, d("2021-09-29"), T)), "exactly 90 days: not more than N");
        Finding f = SystemChecks.reimbursementLow(low, d("2021-09-30"), T).orElseThrow();
        assertEquals("project-reimbursement-low:" + P, f.key());
        assertTrue(f.description().contains("80.00 %"), f.description()); // 79.9999… rounds half-up for display only
        ProjectFacts exactly = project("ACCEPTED", List.of(), null, d("2021-07-01"), "1000000.00", "800000.00");
        assertFalse(holds(SystemChecks.reimbursementLow(exactly, d("2022-01-01"), T)), "at X % exactly: not below");
        assertTrue(holds(SystemChecks.reimbursementLow(exactly, d("2022-01-01"), t(30, 0, 90, "80.01", 30, 15))));
        assertFalse(holds(SystemChecks.reimbursementLow(project("COMPLETED", List.of(), null, d("2021-07-01"), "0.00", "0.00"),
                d("2022-01-01"), T)), "no implemented amount: the rate is undefined, no finding");
        assertFalse(holds(SystemChecks.reimbursementLow(project("UNDER_CONSTRUCTION", List.of(), null, null, "100.00", "0.00"),
                d("2022-01-01"), T)), "not completed");
        assertFalse(holds(SystemChecks.reimbursementLow(low, d("2021-12-01"), t(30, 0, 180, "80", 30, 15))));
        assertThrows(IllegalArgumentException.class, () -> t(30, 0, 90, "100.01", 30, 15));
        assertThrows(IllegalArgumentException.class, () -> t(-1, 0, 90, "80", 30, 15));
    }

    @Test
    void registeredHouseholdWithoutCadreNDaysAfterRegistration() {
        HouseholdFacts h = new HouseholdFacts(H, REGION, "REGISTERED", d("2021-03-01"), null, null, null);
        assertFalse(holds(SystemChecks.withoutCadre(h, d("2021-03-30"), T)));
        Finding f = SystemChecks.withoutCadre(h, d("2021-03-31"), T).orElseThrow();
        assertEquals("household-without-cadre:" + H, f.key());
        assertEquals(SystemCheckRule.ObjectKind.HOUSEHOLD, f.rule().objectKind());
        assertTrue(holds(SystemChecks.withoutCadre(new HouseholdFacts(H, REGION, "EXITED", d("2021-03-01"), null, null, null),
                d("2021-04-01"), T)), "exited households keep their cadre (摘帽不摘帮扶)");
        assertFalse(holds(SystemChecks.withoutCadre(new HouseholdFacts(H, REGION, "REGISTERED", d("2021-03-01"), d("2021-04-05"),
                null, null), d("2021-04-06"), T)), "cadre assigned: cleared");
        assertFalse(holds(SystemChecks.withoutCadre(new HouseholdFacts(H, REGION, "REMOVED", d("2021-03-01"), null, null, null),
                d("2021-06-01"), T)), "removed from the registry");
        assertFalse(holds(SystemChecks.withoutCadre(new HouseholdFacts(H, REGION, "VILLAGE_NOTICE", null, null, null, null),
                d("2021-06-01"), T)), "not registered yet");
        assertFalse(holds(SystemChecks.withoutCadre(h, d("2021-04-09"), t(30, 0, 90, "80", 40, 15))));
    }

    @Test
    void monitoredHouseholdWithoutMeasureNDaysAfterMonitoringStarted() {
        HouseholdFacts h = new HouseholdFacts(H, REGION, "EXITED", d("2019-03-01"), d("2019-03-05"), d("2021-05-01"),
                d("2020-01-01"));
        assertFalse(holds(SystemChecks.withoutMeasure(h, d("2021-05-15"), T)), "14 days");
        Finding f = SystemChecks.withoutMeasure(h, d("2021-05-16"), T).orElseThrow();
        assertEquals("monitored-without-measure:" + H, f.key());
        assertEquals(d("2021-05-16"), f.since());
        assertFalse(holds(SystemChecks.withoutMeasure(new HouseholdFacts(H, REGION, "EXITED", d("2019-03-01"), null,
                d("2021-05-01"), d("2021-05-01")), d("2021-07-01"), T)), "a measure since monitoring started");
        assertFalse(holds(SystemChecks.withoutMeasure(new HouseholdFacts(H, REGION, "EXITED", d("2019-03-01"), null, null,
                null), d("2021-07-01"), T)), "not monitored (or monitoring ended)");
        assertFalse(holds(SystemChecks.withoutMeasure(h, d("2021-05-16"), t(30, 0, 90, "80", 30, 16))));
    }

    @Test
    void theSameConditionRaisesOneIssueAndAClearedOneIsReported() {
        ProjectFacts p = project("PLANNED", List.of("budget"), null, null, "0", "0");
        List<SystemChecks.Outcome> first = SystemChecks.forProject(p, d("2021-03-01"), T);
        List<SystemChecks.Outcome> replay = SystemChecks.forProject(p, d("2021-03-01"), T);
        assertEquals(first, replay, "a replayed event gives the same outcome and key");
        SystemChecks.Outcome incomplete = first.get(0);
        assertEquals(SystemChecks.Action.RAISE, SystemChecks.decide(incomplete, false));
        assertEquals(SystemChecks.Action.NOTHING, SystemChecks.decide(incomplete, true), "one open issue per rule and object");
        SystemChecks.Outcome cleared = SystemChecks.forProject(project("PLANNED", List.of(), null, null, "0", "0"),
                d("2021-03-02"), T).get(0);
        assertEquals(incomplete.key(), cleared.key());
        assertEquals(SystemChecks.Action.CLEAR, SystemChecks.decide(cleared, true));
        assertEquals(SystemChecks.Action.NOTHING, SystemChecks.decide(cleared, false));
        assertEquals(List.of(SystemCheckRule.PROJECT_INCOMPLETE, SystemCheckRule.PROJECT_OVERDUE,
                SystemCheckRule.PROJECT_REIMBURSEMENT_LOW), first.stream().map(SystemChecks.Outcome::rule).toList());
        SystemCheckThresholds onlyCadre = new SystemCheckThresholds(30, 0, 90, BigDecimal.TEN, 30, 30, 30,
                EnumSet.of(SystemCheckRule.HOUSEHOLD_WITHOUT_CADRE), Map.of());
        assertEquals(List.of(), SystemChecks.forProject(p, d("2021-03-01"), onlyCadre), "a disabled rule is not evaluated: it neither raises nor clears");
        assertEquals(1, SystemChecks.forHousehold(new HouseholdFacts(H, REGION, "REGISTERED", d("2021-01-01"), null, null, null),
                d("2021-03-01"), onlyCadre).size());
    }

    @Test
    void aFindingRaisesASystemCheckIssueThatTheRunClearsOnceForAnInspectorToClose() {
        Finding f = SystemChecks.projectIncomplete(project("PLANNED", List.of("budget"), null, null, "0", "0"), d("2021-03-01"), T)
                .orElseThrow();
        FindingSource src = FindingSource.systemCheck("src", f.rule(), d("2021-01-01"));
        IssueLifecycle i = IssueLifecycle.newFinding("i-1", src, f.key());
        IssueData data = SystemChecks.issueFor(f, d("2021-03-01"), T);
        assertEquals("project-management", data.category());
        assertEquals(List.of(P), data.links().projectIds());
        assertEquals(SystemCheckThresholds.DEFAULT_LEAD_UNIT, data.units().leadUnit());
        assertEquals(d("2021-03-31"), data.deadline());
        Change raised = i.raiseFinding(data, Issues.RULES, d("2021-03-01"));
        var e = (org.fupin.contracts.rectification.RectificationIssueRaisedV1) raised.events().get(0);
        assertEquals("system-check", e.sourceType());
        assertEquals(f.key(), e.findingKey());
        assertEquals("project-incomplete", e.sourceDocumentNumber());
        assertEquals(List.of(IssueStep.ACCEPT, IssueStep.SYSTEM_CLEAR, IssueStep.EXTEND_DEADLINE), i.allowedSteps());
        Change cleared = i.systemClear(d("2021-03-10"), SystemChecks.clearedText(f.rule(), d("2021-03-10")));
        assertEquals(IssueState.REPORTED, i.state());
        LedgerEntry entry = i.ledger().get(0);
        assertEquals(LedgerEntry.Kind.SYSTEM, entry.kind());
        assertEquals(Actor.SYSTEM_NAME, entry.recordedBy());
        assertNull(entry.unit());
        assertTrue(entry.text().contains("project-incomplete"), entry.text());
        var re = (org.fupin.contracts.rectification.RectificationIssueReportedV1) cleared.events().get(0);
        assertTrue(re.bySystem());
        assertEquals("OPEN", re.fromState());
        assertNull(i.systemClear(d("2021-03-11"), "again"), "a repeated run changes nothing");
        i.close(Issues.INSPECTOR, d("2021-03-12"), "系统核查已消除, 核实销号");
        assertEquals(IssueState.CLOSED, i.state());
        IssueLifecycle byHand = IssueLifecycle.newIssue("h", src);
        assertEquals(400, assertThrows(Refusal.class, () -> byHand.raise(Issues.shortIssue(), Issues.RULES, Issues.INSPECTOR,
                d("2021-03-01"))).status(), "nobody raises into a system-check source by hand");
        assertThrows(IllegalArgumentException.class, () -> IssueLifecycle.newFinding("x", Issues.source(), "k:1"));
    }

    @Test
    void aClearingIsNeverDatedBeforeTheIssuesLatestStep() {
        IssueLifecycle i = Issues.systemIn(IssueState.IN_PROGRESS); // accepted 2021-03-15
        i.systemClear(d("2021-03-01"), "cleared by a late event");
        assertEquals(d("2021-03-15"), i.ledger().get(0).date());
    }

    @Test
    void ruleCodesAndKeys() {
        for (SystemCheckRule r : SystemCheckRule.values()) {
            assertEquals(r, SystemCheckRule.fromCode(r.code()).orElseThrow());
            assertTrue(RectificationRules.DEFAULT_CATEGORIES.containsKey(r.category()), r.category());
            assertTrue(r.keyFor(P).matches("^[a-z][a-z-]*:[0-9a-zA-Z-]+$"), "matches the event schema's findingKey pattern");
        }
    }
}
