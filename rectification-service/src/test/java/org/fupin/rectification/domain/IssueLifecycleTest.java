package org.fupin.rectification.domain;

import org.fupin.contracts.rectification.RectificationDeadlineExtendedV1;
import org.fupin.contracts.rectification.RectificationIssueClosedV1;
import org.fupin.contracts.rectification.RectificationIssueRaisedV1;
import org.fupin.contracts.rectification.RectificationIssueReportedV1;
import org.fupin.contracts.rectification.RectificationIssueReturnedV1;
import org.fupin.contracts.rectification.RectificationProgressRecordedV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.rectification.domain.Issues.DEADLINE;
import static org.fupin.rectification.domain.Issues.INSPECTOR;
import static org.fupin.rectification.domain.Issues.LEAD_UNIT;
import static org.fupin.rectification.domain.Issues.RAISED;
import static org.fupin.rectification.domain.Issues.RULES;
import static org.fupin.rectification.domain.Issues.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raising, the ledger, reporting, closing, returning, deadline extensions, overdue on a given day, milestones. */
class IssueLifecycleTest {

    static Refusal refused(IssueLifecycle i, int status, Executable change) {
        IssueLifecycle.Status before = i.status();
        Refusal r = assertThrows(Refusal.class, change);
        assertEquals(status, r.status(), r.getMessage());
        assertEquals(before, i.status(), "a refusal changes nothing");
        return r;
    }

    static IssueLifecycle.Entry entry(String date, String text, List<String> evidence, Integer milestone) {
        return new IssueLifecycle.Entry(d(date), text, evidence, milestone);
    }

    // ---- sources ----

    @Test
    void aSourceNamesItsTypeBodyNumberAndDate() {
        FindingSource s = FindingSource.entered("s", " audit ", " 审计署昆明特派办 ", "审计报告〔2021〕5号", d("2021-02-01"),
                d("2021-03-01"));
        assertEquals(SourceType.AUDIT, s.type());
        assertEquals("审计署昆明特派办", s.issuingBody());
        Refusal r = assertThrows(Refusal.class, () -> FindingSource.entered("s", "rumour", "", null, d("2022-01-01"),
                d("2021-03-01")));
        assertEquals(400, r.status());
        assertEquals(List.of("type", "issuingBody", "documentNumber", "date"), r.fields());
        assertEquals(List.of("type"), assertThrows(Refusal.class, () -> FindingSource.entered("s", "system-check", "b", "n",
                d("2021-01-01"), d("2021-03-01"))).fields(), "system-check sources are the rules' own");
        for (String code : List.of("inspection", "assessment", "audit", "supervision", "self-check")) {
            assertEquals(code, FindingSource.entered("s", code, "b", "n", d("2021-01-01"), d("2021-01-01")).type().code());
        }
        FindingSource sys = FindingSource.systemCheck("x", SystemCheckRule.PROJECT_OVERDUE, d("2021-01-01"));
        assertEquals("系统核查", sys.issuingBody());
        assertEquals("project-overdue", sys.documentNumber());
    }

    // ---- raising ----

    @Test
    void raisingOpensTheIssueAndPublishesItsSnapshot() {
        IssueLifecycle i = IssueLifecycle.newIssue(UUID.randomUUID().toString(), Issues.source());
        Change c = i.raise(Issues.shortIssue(), RULES, INSPECTOR, RAISED);
        assertEquals(IssueState.OPEN, i.state());
        assertNull(c.from());
        assertEquals(RAISED, c.effectiveDate());
        RectificationIssueRaisedV1 e = assertInstanceOf(RectificationIssueRaisedV1.class, c.events().get(0));
        assertEquals(i.id(), e.issueId());
        assertEquals("inspection", e.sourceType());
        assertEquals("X扶组〔2021〕2号", e.sourceDocumentNumber());
        assertEquals(Issues.source().date(), e.sourceDate(), "reports count the issue under the source document's year");
        assertEquals("identification-accuracy", e.category());
        assertEquals("县扶贫办", e.leadUnit());
        assertEquals(List.of("县财政局"), e.coUnits());
        assertEquals("SHORT", e.term());
        assertEquals(DEADLINE, e.deadline());
        assertEquals(DEADLINE, e.originalDeadline());
        assertEquals("OPEN", e.state());
        assertEquals(List.of(Issues.HOUSEHOLD), e.householdIds());
        assertEquals(List.of(Issues.PROJECT), e.projectIds());
        assertNull(e.findingKey());
        assertEquals(List.of(IssueStep.ACCEPT, IssueStep.EXTEND_DEADLINE), i.allowedSteps());
    }

    @Test
    void badIssueDataIsRefusedNamingEveryField() {
        IssueLifecycle i = IssueLifecycle.newIssue("i", Issues.source());
        IssueData bad = new IssueData(" ", "fraud", "5224", new IssueLinks(List.of("H-1"), List.of(Issues.PROJECT, Issues.PROJECT),
                null), new IssueUnits("", List.of()), RAISED.minusDays(1), IssueTerm.SHORT, null,
                List.of(new Milestone.Plan("x", RAISED)));
        Refusal r = refused(i, 400, () -> i.raise(bad, RULES, INSPECTOR, RAISED));
        assertEquals(List.of("description", "measures", "category", "regionCode", "links.householdIds[0]",
                "links.projectIds[1]", "leadUnit", "deadline", "milestones"), r.fields());
        IssueData noTerm = new IssueData("d", "work-style", "522428000000", null, new IssueUnits("A", null), DEADLINE, null,
                "m", null);
        assertEquals(List.of("term"), refused(i, 400, () -> i.raise(noTerm, RULES, INSPECTOR, RAISED)).fields());
        assertEquals(List.of("date"), refused(i, 400, () -> i.raise(Issues.shortIssue(), RULES, INSPECTOR,
                Issues.SOURCE_DATE.minusDays(1))).fields(), "not before the source document");
        assertNull(i.state());
    }

    @Test
    void theCategoriesAreConfiguration() {
        RectificationRules rules = new RectificationRules(Map.of("poverty-line", "收入核算"), 30);
        IssueLifecycle i = IssueLifecycle.newIssue("i", Issues.source());
        assertEquals(List.of("category"), refused(i, 400, () -> i.raise(Issues.shortIssue(), rules, INSPECTOR, RAISED)).fields());
        assertThrows(IllegalArgumentException.class, () -> new RectificationRules(Map.of("Bad Code", "x"), 30));
        assertThrows(IllegalArgumentException.class, () -> new RectificationRules(Map.of(), 30));
        assertEquals(List.of("identification-accuracy", "exit-accuracy", "project-management", "fund-management",
                "policy-implementation", "work-style"), List.copyOf(RectificationRules.defaults().categoryCodes()));
    }

    @Test
    void linksAreCheckedAgainstTheReplicasInsideTheCounty() {
        IssueLinks links = new IssueLinks(List.of(Issues.HOUSEHOLD), List.of(Issues.PROJECT), List.of(Issues.HOUSEHOLD));
        Map<String, LinkRules.Known> households = Map.of(Issues.HOUSEHOLD, new LinkRules.Known(Issues.HOUSEHOLD, "522428103201"));
        Map<String, LinkRules.Known> projects = Map.of(Issues.PROJECT, new LinkRules.Known(Issues.PROJECT, "522401000000"));
        Refusal r = assertThrows(Refusal.class, () -> LinkRules.check(links, "522428103000", households, projects, Map.of()));
        assertEquals(422, r.status());
        assertEquals(List.of("links.projectIds[0]", "links.fundDocumentIds[0]"), r.fields(),
                "a project of another county and an unknown fund document read alike");
        LinkRules.check(new IssueLinks(List.of(Issues.HOUSEHOLD), List.of(), List.of()), "522428000000", households, projects,
                Map.of());
        LinkRules.check(new IssueLinks(List.of(), List.of(Issues.PROJECT), List.of()), "520000000000", households, projects,
                Map.of()); // a provincial issue links anything in the province
        assertEquals("522428", Regions.linkScope("522428103201"));
        assertEquals("52", Regions.linkScope("520000000000"));
    }

    // ---- ledger, report, close, return ----

    @Test
    void theLedgerKeepsEveryEntryWithWhoAndEvidence() {
        IssueLifecycle i = Issues.inProgress();
        Change c = i.recordProgress(LEAD_UNIT, entry("2021-03-20", " 召开专题会议 ", List.of("ev-1", "ev-2"), null));
        LedgerEntry e = i.ledger().get(0);
        assertEquals(1, e.number());
        assertEquals("召开专题会议", e.text());
        assertEquals(List.of("ev-1", "ev-2"), e.evidenceIds());
        assertEquals("clerk-wang", e.recordedBy());
        assertEquals(LedgerEntry.Kind.PROGRESS, e.kind());
        RectificationProgressRecordedV1 ev = assertInstanceOf(RectificationProgressRecordedV1.class, c.events().get(0));
        assertEquals(1, ev.entryNumber());
        assertEquals(2, ev.evidenceCount());
        assertEquals(d("2021-03-20"), ev.effectiveDate());
        assertEquals(List.of("text"), refused(i, 400, () -> i.recordProgress(LEAD_UNIT, entry("2021-03-21", "", List.of(), null))).fields());
        assertEquals(List.of("evidenceIds"), refused(i, 400, () -> i.recordProgress(LEAD_UNIT, entry("2021-03-21", "x",
                List.of("ev-1", "ev-1"), null))).fields());
        assertEquals(List.of("date"), refused(i, 400, () -> i.recordProgress(LEAD_UNIT, entry("2021-03-14", "x", List.of(), null)))
                .fields(), "not before the acceptance");
        assertEquals(List.of("milestoneNumber"), refused(i, 400, () -> i.recordProgress(LEAD_UNIT, entry("2021-03-21", "x",
                List.of(), 1))).fields(), "short issues have no milestones");
    }

    @Test
    void aReportNeedsEvidence() {
        IssueLifecycle i = Issues.inProgress();
        Refusal r = refused(i, 422, () -> i.report(LEAD_UNIT, entry("2021-04-01", "已整改", List.of(), null)));
        assertEquals("evidence-required", r.code());
        assertEquals(List.of("evidenceIds"), r.fields());
        Change c = i.report(LEAD_UNIT, entry("2021-04-01", "已整改", List.of("ev-7", "ev-8"), null));
        assertEquals(IssueState.REPORTED, i.state());
        assertEquals(LedgerEntry.Kind.REPORT, i.ledger().get(0).kind());
        RectificationIssueReportedV1 e = assertInstanceOf(RectificationIssueReportedV1.class, c.events().get(0));
        assertEquals("IN_PROGRESS", e.fromState());
        assertEquals(2, e.evidenceCount());
        assertFalse(e.bySystem());
    }

    @Test
    void closingNeedsARemarkAndReturningAReason() {
        IssueLifecycle i = Issues.reported();
        assertEquals(List.of("closingRemark"), refused(i, 400, () -> i.close(INSPECTOR, d("2021-04-10"), " ")).fields());
        assertEquals(List.of("reason"), refused(i, 400, () -> i.returnIssue(INSPECTOR, d("2021-04-10"), null)).fields());
        assertEquals(List.of("date"), refused(i, 400, () -> i.close(INSPECTOR, d("2021-03-31"), "ok")).fields());
        Change r = i.returnIssue(INSPECTOR, d("2021-04-05"), "佐证材料不全");
        RectificationIssueReturnedV1 re = assertInstanceOf(RectificationIssueReturnedV1.class, r.events().get(0));
        assertEquals(1, re.returnCount());
        assertEquals("RETURNED", re.state());
        assertEquals("佐证材料不全", i.history().get(i.history().size() - 1).remark(), "the reason stays in the history");
        i.accept(LEAD_UNIT, d("2021-04-06"), null);
        i.report(LEAD_UNIT, entry("2021-04-08", "补充", List.of("ev-9"), null));
        Change c = i.close(INSPECTOR, d("2021-04-10"), "整改到位, 同意销号");
        RectificationIssueClosedV1 ce = assertInstanceOf(RectificationIssueClosedV1.class, c.events().get(0));
        assertTrue(ce.closedOnTime());
        assertEquals(1, ce.returnCount());
        assertEquals(Boolean.TRUE, i.closedOnTime());
    }

    // ---- deadlines and overdue ----

    @Test
    void anExtensionNeedsReasonApproverAndALaterDeadlineAndIsKept() {
        IssueLifecycle i = Issues.inProgress();
        Refusal r = refused(i, 400, () -> i.extendDeadline(INSPECTOR, DEADLINE, "", null, d("2021-06-01")));
        assertEquals(List.of("reason", "approver", "deadline"), r.fields());
        Change c = i.extendDeadline(INSPECTOR, d("2021-08-31"), "汛期无法施工", "县委副书记 张某", d("2021-06-01"));
        i.extendDeadline(INSPECTOR, d("2021-10-31"), "材料采购延迟", "县政府常务会议纪要〔2021〕9号", d("2021-08-20"));
        assertEquals(d("2021-10-31"), i.deadline());
        assertEquals(DEADLINE, i.originalDeadline());
        assertEquals(2, i.extensions().size());
        DeadlineExtension first = i.extensions().get(0);
        assertEquals(List.of(DEADLINE, d("2021-08-31"), "汛期无法施工", "县委副书记 张某", d("2021-06-01"), "inspector-li"),
                List.of(first.previousDeadline(), first.newDeadline(), first.reason(), first.approver(), first.approvedOn(),
                        first.recordedBy()));
        RectificationDeadlineExtendedV1 e = assertInstanceOf(RectificationDeadlineExtendedV1.class, c.events().get(0));
        assertEquals(DEADLINE, e.previousDeadline());
        assertEquals(d("2021-08-31"), e.deadline());
        assertEquals(1, e.extensionCount());
        assertEquals(IssueState.IN_PROGRESS, i.state(), "an extension does not move the issue");
        assertEquals(List.of("deadline"), refused(i, 400, () -> i.extendDeadline(INSPECTOR, d("2021-09-30"), "r", "a",
                d("2021-08-21"))).fields(), "never shortened");
        assertEquals(409, refused(Issues.closed(), 409, () -> Issues.closed().extendDeadline(INSPECTOR, d("2022-01-01"), "r",
                "a", d("2021-05-01"))).status());
    }

    @Test
    void overdueIsComputedForAGivenDay() {
        IssueLifecycle i = Issues.inProgress(); // deadline 2021-06-30
        assertFalse(i.isOverdueOn(d("2021-03-01")), "not raised yet");
        assertFalse(i.isOverdueOn(DEADLINE), "the deadline day itself is in time");
        assertTrue(i.isOverdueOn(DEADLINE.plusDays(1)));
        i.extendDeadline(INSPECTOR, d("2021-08-31"), "r", "a", d("2021-07-05"));
        assertTrue(i.isOverdueOn(d("2021-07-04")), "overdue on the days before the extension was approved");
        assertFalse(i.isOverdueOn(d("2021-07-05")));
        assertFalse(i.isOverdueOn(d("2021-08-31")));
        assertTrue(i.isOverdueOn(d("2021-09-01")));
        i.report(LEAD_UNIT, entry("2021-09-02", "完成", List.of("ev"), null));
        assertTrue(i.isOverdueOn(d("2021-09-03")), "reported but not closed is still overdue");
        i.close(INSPECTOR, d("2021-09-05"), "销号");
        assertTrue(i.isOverdueOn(d("2021-09-04")));
        assertFalse(i.isOverdueOn(d("2021-09-05")), "closed by the end of the day");
        assertFalse(i.isOverdueOn(d("2030-01-01")));
        assertEquals(Boolean.FALSE, i.closedOnTime(), "closed after the extended deadline");
        assertEquals(d("2021-06-30"), i.deadlineOn(d("2021-07-04")));
        assertEquals(d("2021-08-31"), i.deadlineOn(d("2021-07-05")));
    }

    // ---- long-term issues ----

    @Test
    void longTermIssuesCarryMilestonesInDueOrder() {
        IssueLifecycle i = Issues.raised(Issues.longIssue());
        assertEquals(List.of(1, 2), i.milestones().stream().map(Milestone::number).toList());
        assertEquals(List.of(d("2021-05-31"), d("2021-09-30")), i.milestones().stream().map(Milestone::dueDate).toList());
        RectificationIssueRaisedV1 e = (RectificationIssueRaisedV1) IssueLifecycle.newIssue("x", Issues.source())
                .raise(Issues.longIssue(), RULES, INSPECTOR, RAISED).events().get(0);
        assertEquals(List.of(d("2021-05-31"), d("2021-09-30")), e.milestoneDueDates());
        IssueData noMilestones = new IssueData("d", "work-style", "522428000000", null, new IssueUnits("A", null),
                DEADLINE, IssueTerm.LONG_TERM, "m", List.of());
        IssueLifecycle n = IssueLifecycle.newIssue("n", Issues.source());
        assertEquals(List.of("milestones"), refused(n, 400, () -> n.raise(noMilestones, RULES, INSPECTOR, RAISED)).fields());
        IssueData late = new IssueData("d", "work-style", "522428000000", null, new IssueUnits("A", null), DEADLINE,
                IssueTerm.LONG_TERM, "m", List.of(new Milestone.Plan("after the deadline", DEADLINE.plusDays(1)),
                new Milestone.Plan(" ", null)));
        assertEquals(List.of("milestones[0].dueDate", "milestones[1].description", "milestones[1].dueDate"),
                refused(n, 400, () -> n.raise(late, RULES, INSPECTOR, RAISED)).fields());
    }

    @Test
    void milestonesAreReachedByLedgerEntriesAndAllOfThemBeforeTheReport() {
        IssueLifecycle i = Issues.raised(Issues.longIssue());
        i.accept(LEAD_UNIT, d("2021-03-15"), null);
        Change c = i.recordProgress(LEAD_UNIT, entry("2021-05-20", "方案已印发", List.of("ev-1"), 1));
        RectificationProgressRecordedV1 e = (RectificationProgressRecordedV1) c.events().get(0);
        assertEquals(1, e.milestoneNumber());
        assertEquals(1, e.milestonesReached());
        assertEquals(2, e.milestonesTotal());
        assertEquals(d("2021-05-20"), i.milestones().get(0).reachedOn());
        assertEquals(1, i.milestones().get(0).entryNumber());
        assertEquals("milestone-reached", refused(i, 422, () -> i.recordProgress(LEAD_UNIT, entry("2021-05-21", "x", List.of(), 1)))
                .code());
        assertEquals(List.of("milestoneNumber"), refused(i, 400, () -> i.recordProgress(LEAD_UNIT, entry("2021-05-21", "x",
                List.of(), 3))).fields());
        Refusal open = refused(i, 422, () -> i.report(LEAD_UNIT, entry("2021-06-01", "完成", List.of("ev-2"), null)));
        assertEquals("milestones-open", open.code());
        assertEquals(List.of(2), open.details().get("openMilestones"));
        i.recordProgress(LEAD_UNIT, entry("2021-09-28", "台账建立", List.of("ev-3"), 2));
        i.report(LEAD_UNIT, entry("2021-10-01", "完成", List.of("ev-4"), null));
        assertEquals(IssueState.REPORTED, i.state());
    }

    @Test
    void longTermIssuesReportProgressPeriodicallyAndAreOnScheduleOrNot() {
        IssueLifecycle i = Issues.raised(Issues.longIssue()); // milestones 05-31, 09-30; deadline 12-31; interval 30 days
        assertNull(i.nextProgressDue(RULES), "nothing to report before acceptance");
        i.accept(LEAD_UNIT, d("2021-03-15"), null);
        assertEquals(d("2021-04-14"), i.nextProgressDue(RULES));
        assertFalse(i.isProgressLateOn(d("2021-04-14"), RULES));
        assertTrue(i.isProgressLateOn(d("2021-04-15"), RULES));
        assertEquals(Boolean.FALSE, i.isOnScheduleOn(d("2021-04-15"), RULES));
        i.recordProgress(LEAD_UNIT, entry("2021-04-10", "月度进展", List.of(), null));
        assertEquals(d("2021-05-10"), i.nextProgressDue(RULES));
        assertEquals(Boolean.TRUE, i.isOnScheduleOn(d("2021-04-15"), RULES));
        i.recordProgress(LEAD_UNIT, entry("2021-05-30", "月度进展", List.of(), null));
        assertEquals(Boolean.FALSE, i.isOnScheduleOn(d("2021-06-01"), RULES), "milestone 1 is past due");
        assertEquals(List.of(1), i.overdueMilestonesOn(d("2021-06-01")).stream().map(Milestone::number).toList());
        i.recordProgress(LEAD_UNIT, entry("2021-06-02", "方案印发", List.of(), 1));
        assertEquals(List.of(), i.overdueMilestonesOn(d("2021-06-03")));
        assertEquals(Boolean.TRUE, i.isOnScheduleOn(d("2021-06-03"), RULES));
        assertEquals(List.of(1), i.overdueMilestonesOn(d("2021-06-01")).stream().map(Milestone::number).toList(),
                "as of a day before it was reached, it was overdue");
        assertNull(Issues.inProgress().isOnScheduleOn(d("2021-04-01"), RULES), "short issues have no schedule");
        assertNull(Issues.inProgress().nextProgressDue(RULES));
    }
}
