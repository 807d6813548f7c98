package org.fupin.project.domain;

import org.fupin.contracts.project.ProjectAdjustedV1;
import org.fupin.contracts.project.ProjectBeneficiariesChangedV1;
import org.fupin.contracts.project.ProjectCancelledV1;
import org.fupin.contracts.project.ProjectProgressReportedV1;
import org.fupin.contracts.project.ProjectRegisteredV1;
import org.fupin.contracts.project.ProjectStageChangedV1;
import org.fupin.contracts.project.ProjectUpdatedV1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.fupin.project.domain.Projects.ENTERED;
import static org.fupin.project.domain.Projects.budget;
import static org.fupin.project.domain.Projects.progress;
import static org.fupin.project.domain.Projects.road;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain decides each change and returns its events with the business date; a refusal changes nothing. */
class ProjectLifecycleTest {

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Asserts the refusal's status and that the lifecycle is exactly as before. */
    static Refusal refused(ProjectLifecycle p, int status, Executable change) {
        ProjectLifecycle.Status before = p.status();
        ProjectData data = p.data();
        Refusal r = assertThrows(Refusal.class, change);
        assertEquals(status, r.status(), r.getMessage());
        assertEquals(before, p.status(), "a refusal changes nothing");
        assertEquals(data, p.data(), "a refusal changes nothing");
        return r;
    }

    // ---- entry ----

    @Test
    void aNewProjectEntersPlannedAndItsEventCarriesTheSnapshot() {
        ProjectLifecycle p = ProjectLifecycle.newProject("p-1", Projects.RULES);
        Change c = p.register(road(), ENTERED);
        assertEquals(ProjectStage.PLANNED, p.stage());
        assertEquals(ENTERED, p.stageDate());
        assertNull(c.from());
        assertEquals(ENTERED, c.effectiveDate());
        ProjectRegisteredV1 e = assertInstanceOf(ProjectRegisteredV1.class, c.events().get(0));
        assertEquals("NEW", e.entry());
        assertEquals("PLANNED", e.stage());
        assertEquals(ENTERED, e.stageDate());
        assertEquals(Map.of("central-budget", "800000.00", "county-budget", "200000.00"), e.budget());
        assertEquals("1000000.00", e.budgetTotal());
        assertEquals("0.00", e.investmentCompleted());
        assertNull(e.physicalProgress());
        assertEquals(List.of(), e.missingFields());
        assertEquals("village-infrastructure", e.category());
        assertEquals("第一批", e.batch());
        assertEquals(2019, e.projectYear());
        assertEquals(ENTERED, e.effectiveDate());
        assertEquals(List.of(StageStep.PRE_APPROVAL, StageStep.CANCELLATION), p.allowedSteps());
    }

    @Test
    void aBadRecordIsRefusedNamingEachField() {
        ProjectData bad = new ProjectData(" x", " ", 1999, "roads", "522400000000", "", new ProjectData.ImplementingUnit(null,
                "91350100M000100Y44"), null, null, d("2019-05-01"), d("2019-04-01"),
                new ProjectData.PerformanceTargets(10, 5, 11, -1, null), null);
        ProjectLifecycle p = ProjectLifecycle.newProject("p-1", Projects.RULES);
        Refusal r = assertThrows(Refusal.class, () -> p.register(bad, ENTERED));
        assertEquals(400, r.status());
        assertEquals(List.of("projectCode", "name", "projectYear", "category", "regionCode", "batch", "implementingUnit.name",
                "implementingUnit.creditCode", "plannedEndDate", "performanceTargets.poorPersons",
                "performanceTargets.poorHouseholds", "performanceTargets.beneficiaryHouseholds"), r.fields());
        assertNull(p.stage());
    }

    @Test
    void anIncompleteRecordMayBeEnteredAndSaysWhatItLacks() {
        ProjectData bare = new ProjectData(null, "到户产业补助", 2019, "industry", "522428000000", null, null, null, null, null,
                null, null, null);
        ProjectLifecycle p = ProjectLifecycle.newProject("p-1", Projects.RULES);
        ProjectRegisteredV1 e = (ProjectRegisteredV1) p.register(bare, ENTERED).events().get(0);
        assertEquals(List.of("implementingUnit", "budget", "plannedStartDate", "plannedEndDate", "beneficiaries"), e.missingFields());
        assertEquals(e.missingFields(), p.missingFields());
        assertEquals("0.00", e.budgetTotal());
    }

    // ---- the lifecycle ----

    @Test
    void theFullPathRecordsEachStageDateAndDocument() {
        ProjectLifecycle p = Projects.registered(road());
        Change c1 = p.takeStep(StageStep.PRE_APPROVAL, d("2019-03-20"), "赫发改〔2019〕12号", "可研批复");
        ProjectStageChangedV1 e1 = assertInstanceOf(ProjectStageChangedV1.class, c1.events().get(0));
        assertEquals("PRE_APPROVAL", e1.step());
        assertEquals("PLANNED", e1.fromStage());
        assertEquals("PRE_APPROVAL_DONE", e1.stage());
        assertEquals(d("2019-03-20"), e1.stageDate());
        assertEquals(d("2019-03-20"), e1.effectiveDate());
        assertEquals("赫发改〔2019〕12号", e1.documentNumber());
        assertEquals("可研批复", c1.remarks());
        p.takeStep(StageStep.TENDERING, d("2019-04-01"), null, null);
        p.takeStep(StageStep.CONSTRUCTION_START, d("2019-04-01"), null, null); // same day is fine
        p.reportProgress(progress("2019-10-20", "100", "990000.00"), null);
        Change c4 = p.takeStep(StageStep.COMPLETION, d("2019-10-25"), null, null);
        assertEquals("100.00", ((ProjectStageChangedV1) c4.events().get(0)).physicalProgress());
        Change c5 = p.takeStep(StageStep.ACCEPTANCE, d("2019-11-15"), "赫扶验〔2019〕8号", null);
        assertEquals(ProjectStage.ACCEPTED, p.stage());
        assertEquals(ProjectStage.COMPLETED, c5.from());
        assertEquals("step:ACCEPTANCE", c5.action());
        Map<ProjectStage, LocalDate> dates = p.status().stageDates();
        assertEquals(List.of(ENTERED, d("2019-03-20"), d("2019-04-01"), d("2019-04-01"), d("2019-10-25"), d("2019-11-15")),
                List.copyOf(dates.values()));
        assertEquals("赫发改〔2019〕12号", p.status().approvalDocument());
        assertEquals("赫扶验〔2019〕8号", p.status().acceptanceDocument());
        assertEquals(List.of(), p.allowedSteps());
    }

    @ParameterizedTest
    @EnumSource(ProjectStage.class)
    void anIllegalStepIs409WithTheCurrentStageAndTheAllowedSteps(ProjectStage stage) {
        ProjectLifecycle p = Projects.in(stage);
        for (StageStep step : StageStep.values()) {
            if (StageFlowTest.EXPECTED.get(stage).containsKey(step)) {
                continue;
            }
            Refusal r = refused(p, 409, () -> p.takeStep(step, d("2020-01-01"), "doc", "reason"));
            assertEquals(stage, r.details().get("currentStage"));
            assertEquals(p.allowedSteps(), r.details().get("allowedSteps"));
        }
    }

    @Test
    void aStepIsNeverDatedBeforeThePreviousOne() {
        ProjectLifecycle p = Projects.in(ProjectStage.PRE_APPROVAL_DONE);
        Refusal r = refused(p, 400, () -> p.takeStep(StageStep.TENDERING, d("2019-03-19"), null, null));
        assertEquals("date", r.field());
        ProjectLifecycle q = Projects.registered(road());
        refused(q, 400, () -> q.takeStep(StageStep.PRE_APPROVAL, ENTERED.minusDays(1), "doc", null));
        refused(q, 400, () -> q.cancel("reason", ENTERED.minusDays(1), null));
    }

    @Test
    void preApprovalAndAcceptanceNeedTheirDocument() {
        ProjectLifecycle p = Projects.registered(road());
        assertEquals("documentNumber", refused(p, 400, () -> p.takeStep(StageStep.PRE_APPROVAL, d("2019-03-20"), " ", null)).field());
        ProjectLifecycle q = Projects.completed();
        assertEquals("documentNumber", refused(q, 400, () -> q.takeStep(StageStep.ACCEPTANCE, d("2019-11-15"), null, null)).field());
    }

    @Test
    void completionNeedsOneHundredPercent() {
        ProjectLifecycle p = Projects.underConstruction();
        Refusal none = refused(p, 422, () -> p.takeStep(StageStep.COMPLETION, d("2019-10-25"), null, null));
        assertEquals("progress-not-complete", none.code());
        assertEquals("physicalProgress", none.field());
        p.reportProgress(progress("2019-09-01", "99.99", "900000.00"), null);
        refused(p, 422, () -> p.takeStep(StageStep.COMPLETION, d("2019-10-25"), null, null));
        p.reportProgress(progress("2019-10-01", "100", "900000.00"), null);
        assertEquals(ProjectStage.COMPLETED, p.takeStep(StageStep.COMPLETION, d("2019-10-25"), null, null).to());
    }

    @Test
    void aCategoryWithoutTenderingSkipsIt() {
        ProjectLifecycle p = Projects.registered(Projects.withCategory(road(), "education"));
        p.takeStep(StageStep.PRE_APPROVAL, d("2019-03-20"), "doc", null);
        assertEquals(List.of(StageStep.CONSTRUCTION_START, StageStep.CANCELLATION), p.allowedSteps());
        Refusal r = refused(p, 409, () -> p.takeStep(StageStep.TENDERING, d("2019-04-01"), null, null));
        assertEquals(List.of(StageStep.CONSTRUCTION_START, StageStep.CANCELLATION), r.details().get("allowedSteps"));
        Change c = p.takeStep(StageStep.CONSTRUCTION_START, d("2019-04-01"), null, null);
        assertEquals(ProjectStage.PRE_APPROVAL_DONE, c.from());
        assertEquals(ProjectStage.UNDER_CONSTRUCTION, c.to());
    }

    // ---- cancellation ----

    @ParameterizedTest
    @EnumSource(value = ProjectStage.class, names = {"PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION"})
    void aProjectIsCancelledBeforeCompletionWithAReason(ProjectStage stage) {
        ProjectLifecycle p = Projects.in(stage);
        refused(p, 400, () -> p.cancel(" ", d("2019-06-01"), null));
        Change c = p.takeStep(StageStep.CANCELLATION, d("2019-06-01"), "赫扶〔2019〕20号", "选址变更");
        assertEquals(ProjectStage.CANCELLED, p.stage());
        assertEquals(stage, p.status().cancelledFrom());
        assertEquals("选址变更", p.status().cancellationReason());
        ProjectCancelledV1 e = assertInstanceOf(ProjectCancelledV1.class, c.events().get(0));
        assertEquals(stage.name(), e.cancelledFromStage());
        assertEquals("CANCELLED", e.stage());
        assertEquals(d("2019-06-01"), e.stageDate());
        assertEquals("选址变更", e.reason());
        assertEquals(d("2019-06-01"), c.effectiveDate());
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStage.class, names = {"COMPLETED", "ACCEPTED", "CANCELLED"})
    void notAfterCompletion(ProjectStage stage) {
        ProjectLifecycle p = Projects.in(stage);
        refused(p, 409, () -> p.cancel("reason", d("2020-01-01"), null));
    }

    // ---- adjustment (项目调整) ----

    @ParameterizedTest
    @EnumSource(value = ProjectStage.class, names = {"PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION", "COMPLETED"})
    void anAdjustmentKeepsBeforeAndAfterUntilAcceptance(ProjectStage stage) {
        ProjectLifecycle p = Projects.in(stage);
        BudgetSplit more = budget("900000.00", "200000.00");
        Change c = p.adjust(new ProjectLifecycle.Adjustment(more, null, "4.0 km", null, d("2019-12-31")), "增加里程",
                "赫扶〔2019〕30号", d("2019-12-01"));
        assertEquals(more, p.data().budget());
        assertEquals(List.of(new Change.FieldChange("constructionScale", "3.2 km", "4.0 km"),
                new Change.FieldChange("plannedEndDate", "2019-10-31", "2019-12-31"),
                new Change.FieldChange("budget", budget("800000.00", "200000.00").toString(), more.toString())), c.fieldChanges());
        ProjectAdjustedV1 e = assertInstanceOf(ProjectAdjustedV1.class, c.events().get(0));
        assertEquals("1100000.00", e.budgetTotal());
        assertEquals("1000000.00", e.budgetTotalBefore());
        assertEquals(Map.of("central-budget", "800000.00", "county-budget", "200000.00"), e.budgetBefore());
        assertEquals(List.of("constructionScale", "plannedEndDate", "budget"), e.changedFields());
        assertEquals("赫扶〔2019〕30号", e.approvalDocument());
        assertEquals("增加里程", e.reason());
        assertEquals(d("2019-12-01"), e.effectiveDate());
        assertEquals(stage, c.to());
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStage.class, names = {"ACCEPTED", "CANCELLED"})
    void noAdjustmentAfterAcceptanceOrCancellation(ProjectStage stage) {
        ProjectLifecycle p = Projects.in(stage);
        refused(p, 409, () -> p.adjust(new ProjectLifecycle.Adjustment(null, "x", null, null, null), "r", "doc", d("2020-01-01")));
    }

    @Test
    void anAdjustmentNeedsAReasonADocumentAndAChange() {
        ProjectLifecycle p = Projects.underConstruction();
        ProjectLifecycle.Adjustment scale = new ProjectLifecycle.Adjustment(null, null, "4 km", null, null);
        assertEquals(List.of("reason", "approvalDocument"), refused(p, 400, () -> p.adjust(scale, null, " ", d("2019-06-01"))).fields());
        assertEquals("adjustment", refused(p, 400, () -> p.adjust(new ProjectLifecycle.Adjustment(budget("800000", "200000"),
                "硬化通组公路 3.2 公里", null, null, null), "r", "doc", d("2019-06-01"))).field());
        assertEquals("plannedEndDate", refused(p, 400, () -> p.adjust(new ProjectLifecycle.Adjustment(null, null, null,
                d("2019-11-01"), null), "r", "doc", d("2019-06-01"))).field());
        assertEquals("date", refused(p, 400, () -> p.adjust(scale, "r", "doc", ENTERED.minusDays(1))).field());
    }

    @Test
    void theBudgetMayNotFallBelowTheInvestmentCompleted() {
        ProjectLifecycle p = Projects.underConstruction();
        p.reportProgress(progress("2019-08-01", "60", "600000.00"), null);
        Refusal r = refused(p, 422, () -> p.adjust(new ProjectLifecycle.Adjustment(budget("400000.00", "199999.99"), null, null,
                null, null), "缩减", "doc", d("2019-08-02")));
        assertEquals("budget-below-investment", r.code());
        assertEquals("budget", r.field());
        p.adjust(new ProjectLifecycle.Adjustment(budget("400000.00", "200000.00"), null, null, null, null), "缩减", "doc",
                d("2019-08-02"));
    }

    // ---- update ----

    @Test
    void whilePlannedAnythingMayBeCorrected() {
        ProjectLifecycle p = Projects.registered(road());
        ProjectData changed = Projects.withBudget(Projects.withCategory(road(), "industry").withCode(null), budget("1.00", "2.00"));
        Change c = p.update(changed, d("2019-03-02"));
        assertEquals("2019-522428-001", p.data().projectCode(), "no code given: the code is kept");
        ProjectUpdatedV1 e = assertInstanceOf(ProjectUpdatedV1.class, c.events().get(0));
        assertEquals(List.of("category", "budget"), e.changedFields());
        assertEquals(List.of("beneficiaries"), e.missingFields());
        assertEquals("3.00", e.budgetTotal());
        assertEquals(List.of(), p.update(p.data(), d("2019-03-03")).events(), "nothing changed, nothing to publish");
    }

    @Test
    void laterTheKeyFieldsAreFixedAndTheScopeChangesOnlyByAdjustment() {
        ProjectLifecycle p = Projects.underConstruction();
        ProjectData d = road();
        ProjectData moved = new ProjectData("NEW-CODE", "改名", 2020, "industry", "522428104101", d.batch(), d.unit(),
                d.constructionContent(), "5 km", d.plannedStartDate(), d.plannedEndDate(), d.targets(), budget("1.00", "0"));
        Refusal r = refused(p, 422, () -> p.update(moved, d("2019-06-01")));
        assertEquals("not-updatable", r.code());
        assertEquals(List.of("projectCode", "projectYear", "category", "regionCode", "constructionScale", "budget"), r.fields());
        ProjectData renamed = new ProjectData(null, "通组公路硬化（二期）", 2019, d.category(), d.regionCode(), "第二批",
                new ProjectData.ImplementingUnit("赫章县交通局", null), d.constructionContent(), d.constructionScale(),
                d.plannedStartDate(), d.plannedEndDate(), null, d.budget());
        Change c = p.update(renamed, d("2019-06-01"));
        assertEquals(List.of("name", "batch", "implementingUnit.name", "implementingUnit.creditCode", "performanceTargets"),
                ((ProjectUpdatedV1) c.events().get(0)).changedFields());
        assertEquals("UNDER_CONSTRUCTION", ((ProjectUpdatedV1) c.events().get(0)).stage());
        assertEquals(ProjectStage.UNDER_CONSTRUCTION, p.stage());
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStage.class, names = {"ACCEPTED", "CANCELLED"})
    void noUpdateAfterAcceptanceOrCancellation(ProjectStage stage) {
        ProjectLifecycle p = Projects.in(stage);
        Refusal r = refused(p, 409, () -> p.update(road(), d("2020-01-01")));
        assertEquals(stage, r.details().get("currentStage"));
    }

    // ---- progress (进度) ----

    @ParameterizedTest
    @EnumSource(value = ProjectStage.class, names = {"PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "CANCELLED"})
    void progressOnlyFromConstructionOn(ProjectStage stage) {
        ProjectLifecycle p = Projects.in(stage);
        Refusal r = refused(p, 409, () -> p.reportProgress(progress("2019-06-01", "10", "0"), null));
        assertEquals(List.of(ProjectStage.UNDER_CONSTRUCTION, ProjectStage.COMPLETED, ProjectStage.ACCEPTED),
                r.details().get("allowedStages"));
    }

    @Test
    void aReportTakesEffectOnItsReportDate() {
        ProjectLifecycle p = Projects.underConstruction();
        Change c = p.reportProgress(progress("2019-06-30", "45.5", "450000.00"), null);
        assertEquals(d("2019-06-30"), c.effectiveDate());
        ProjectProgressReportedV1 e = assertInstanceOf(ProjectProgressReportedV1.class, c.events().get(0));
        assertEquals("45.50", e.physicalProgress());
        assertEquals("450000.00", e.investmentCompleted());
        assertEquals(false, e.correction());
        assertEquals(d("2019-06-30"), e.effectiveDate());
        assertEquals(d("2019-05-10"), e.stageDate());
        assertEquals("progress-reported", c.action());
    }

    @Test
    void progressNeverGoesBackwardsExceptAsACorrectionWithAReason() {
        ProjectLifecycle p = Projects.underConstruction();
        p.reportProgress(progress("2019-06-30", "50", "500000.00"), null);
        Refusal r = refused(p, 422, () -> p.reportProgress(progress("2019-07-31", "40", "400000.00"), null));
        assertEquals("progress-backwards", r.code());
        assertEquals(List.of("physicalProgress", "investmentCompleted"), r.fields());
        assertEquals(List.of("investmentCompleted"), refused(p, 422,
                () -> p.reportProgress(progress("2019-07-31", "60", "499999.99"), null)).fields());
        Change c = p.reportProgress(progress("2019-07-31", "40", "400000.00"), "6月进度多报");
        ProjectProgressReportedV1 e = (ProjectProgressReportedV1) c.events().get(0);
        assertTrue(e.correction());
        assertEquals("6月进度多报", e.correctionReason());
        assertEquals("progress-corrected", c.action());
        assertEquals("40.00", p.status().progress().percentText());
        p.reportProgress(progress("2019-07-31", "40", "400000.00"), null); // the same figures again: not backwards
    }

    @Test
    void reportDatesFollowConstructionAndEachOther() {
        ProjectLifecycle p = Projects.underConstruction();
        assertEquals("reportDate", refused(p, 400, () -> p.reportProgress(progress("2019-05-09", "1", "0"), null)).field());
        p.reportProgress(progress("2019-06-30", "50", "500000.00"), null);
        assertEquals("reportDate", refused(p, 400, () -> p.reportProgress(progress("2019-06-29", "60", "600000.00"), null)).field());
        assertEquals("reportDate", refused(p, 400, () -> p.reportProgress(progress("2019-06-29", "40", "400000.00"), "fix")).field());
    }

    @Test
    void investmentCompletedStaysWithinTheBudget() {
        ProjectLifecycle p = Projects.underConstruction();
        Refusal r = refused(p, 422, () -> p.reportProgress(progress("2019-06-30", "50", "1000000.01"), null));
        assertEquals("investment-exceeds-budget", r.code());
        assertEquals("investmentCompleted", r.field());
        p.reportProgress(progress("2019-06-30", "50", "1000000.00"), null);
    }

    @Test
    void theFiguresOfAReportAreChecked() {
        assertEquals(List.of("physicalProgress"), assertThrows(Refusal.class, () -> progress("2019-06-30", "100.01", "0")).fields());
        assertEquals(List.of("physicalProgress"), assertThrows(Refusal.class, () -> progress("2019-06-30", "-1", "0")).fields());
        assertEquals(List.of("physicalProgress"), assertThrows(Refusal.class, () -> progress("2019-06-30", "33.333", "0")).fields());
        assertEquals(List.of("investmentCompleted"), assertThrows(Refusal.class, () -> progress("2019-06-30", "3", "-0.01")).fields());
        assertEquals(List.of("reportDate", "physicalProgress", "investmentCompleted"),
                assertThrows(Refusal.class, () -> Progress.of(null, null, null)).fields());
    }

    @Test
    void aCompletedProjectStaysAtOneHundredPercentButItsInvestmentMayGrow() {
        ProjectLifecycle p = Projects.completed();
        assertEquals("completed-progress", refused(p, 422,
                () -> p.reportProgress(progress("2019-12-01", "90", "990000.00"), "fix")).code());
        p.reportProgress(progress("2019-12-31", "100", "1000000.00"), null); // 决算: final accounts
        assertEquals("1000000.00", p.status().progress().investmentCompleted().toString());
    }

    // ---- beneficiaries (带贫户) ----

    @Test
    void beneficiariesAreLinkedByCodeAndTheListIsReplaced() {
        ProjectLifecycle p = Projects.registered(Projects.withCategory(road(), "industry"));
        assertEquals(List.of("beneficiaries"), p.missingFields());
        Change c = p.changeBeneficiaries(List.of(BeneficiaryRulesTest.REGISTERED.householdCode(),
                BeneficiaryRulesTest.EXITED.householdCode()), BeneficiaryRulesTest.BY_CODE, d("2019-04-01"));
        ProjectBeneficiariesChangedV1 e = assertInstanceOf(ProjectBeneficiariesChangedV1.class, c.events().get(0));
        assertEquals(List.of("h1", "h2"), e.householdIds());
        assertEquals(List.of("h1", "h2"), e.addedHouseholdIds());
        assertEquals(List.of(), e.removedHouseholdIds());
        assertEquals(List.of(), e.missingFields());
        assertEquals(List.of("h1", "h2"), p.status().beneficiaryIds());
        Change c2 = p.changeBeneficiaries(List.of(BeneficiaryRulesTest.EXITED.householdCode()), BeneficiaryRulesTest.BY_CODE,
                d("2019-04-02"));
        ProjectBeneficiariesChangedV1 e2 = (ProjectBeneficiariesChangedV1) c2.events().get(0);
        assertEquals(List.of("h2"), e2.householdIds());
        assertEquals(List.of("h1"), e2.removedHouseholdIds());
        assertEquals(d("2019-04-02"), e2.effectiveDate());
    }

    @Test
    void ineligibleHouseholdsAre422AndNothingChanges() {
        ProjectLifecycle p = Projects.registered(Projects.withCategory(road(), "industry"));
        Refusal r = refused(p, 422, () -> p.changeBeneficiaries(List.of(BeneficiaryRulesTest.REGISTERED.householdCode(),
                BeneficiaryRulesTest.OTHER_COUNTY.householdCode()), BeneficiaryRulesTest.BY_CODE, d("2019-04-01")));
        assertEquals(List.of("householdCodes[1]"), r.fields());
    }

    @Test
    void aHouseholdRemovedAfterLinkingStaysLinked() {
        ProjectLifecycle p = new ProjectLifecycle("p-1", Projects.RULES, road(), new ProjectLifecycle.Status(ProjectStage.PLANNED,
                Map.of(ProjectStage.PLANNED, ENTERED), null, null, null, null, null, List.of("h4")));
        Change c = p.changeBeneficiaries(List.of(BeneficiaryRulesTest.REMOVED.householdCode(),
                BeneficiaryRulesTest.REGISTERED.householdCode()), BeneficiaryRulesTest.BY_CODE, d("2019-04-01"));
        assertEquals(List.of("h4", "h1"), ((ProjectBeneficiariesChangedV1) c.events().get(0)).householdIds());
    }

    @Test
    void aCancelledProjectKeepsItsBeneficiaries() {
        ProjectLifecycle p = Projects.in(ProjectStage.CANCELLED);
        refused(p, 409, () -> p.changeBeneficiaries(List.of(), BeneficiaryRulesTest.BY_CODE, d("2019-04-01")));
    }

    // ---- import in any stage ----

    static ProjectLifecycle.ImportedState imported(ProjectStage stage, Map<ProjectStage, LocalDate> dates, Progress progress) {
        return new ProjectLifecycle.ImportedState(stage, dates, null, null, stage == ProjectStage.CANCELLED ? "撤销" : null, progress);
    }

    static Map<ProjectStage, LocalDate> dates(Object... kv) {
        Map<ProjectStage, LocalDate> m = new EnumMap<>(ProjectStage.class);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((ProjectStage) kv[i], d((String) kv[i + 1]));
        }
        return m;
    }

    static final LocalDate IMPORT_DAY = d("2026-11-25");

    @Test
    void anOldProjectIsImportedInTheStageItReached() {
        ProjectLifecycle p = ProjectLifecycle.newProject("p-1", Projects.RULES);
        Change c = p.importInStage(road(), imported(ProjectStage.UNDER_CONSTRUCTION, dates(ProjectStage.PLANNED, "2014-12-01",
                ProjectStage.UNDER_CONSTRUCTION, "2015-04-01"), progress("2015-06-30", "30", "300000.00")), IMPORT_DAY);
        assertEquals(ProjectStage.UNDER_CONSTRUCTION, p.stage());
        assertEquals("imported", c.action());
        ProjectRegisteredV1 e = (ProjectRegisteredV1) c.events().get(0);
        assertEquals("IMPORTED", e.entry());
        assertEquals("UNDER_CONSTRUCTION", e.stage());
        assertEquals(d("2015-04-01"), e.stageDate());
        assertEquals("30.00", e.physicalProgress());
        assertEquals("300000.00", e.investmentCompleted());
        assertEquals(IMPORT_DAY, e.effectiveDate());
        // and goes on from there
        p.reportProgress(progress("2015-09-30", "100", "1000000.00"), null);
        p.takeStep(StageStep.COMPLETION, d("2015-10-01"), null, null);
    }

    @Test
    void anImportedCompletedProjectIsAtOneHundredPercent() {
        ProjectLifecycle p = ProjectLifecycle.newProject("p-1", Projects.RULES);
        p.importInStage(road(), imported(ProjectStage.ACCEPTED, dates(ProjectStage.COMPLETED, "2016-10-01",
                ProjectStage.ACCEPTED, "2016-12-01"), null), IMPORT_DAY);
        assertEquals("100.00", p.status().progress().percentText());
        assertEquals(d("2016-10-01"), p.status().progress().reportDate());
        ProjectLifecycle q = ProjectLifecycle.newProject("p-2", Projects.RULES);
        Refusal r = assertThrows(Refusal.class, () -> q.importInStage(road(), imported(ProjectStage.COMPLETED,
                dates(ProjectStage.COMPLETED, "2016-10-01"), progress("2016-10-01", "80", "0")), IMPORT_DAY));
        assertEquals(422, r.status());
        assertNull(q.stage());
    }

    @Test
    void importedDatesAreChecked() {
        ProjectLifecycle p = ProjectLifecycle.newProject("p-1", Projects.RULES);
        Refusal r = assertThrows(Refusal.class, () -> p.importInStage(road(), imported(ProjectStage.TENDERING,
                dates(ProjectStage.PLANNED, "2015-03-01", ProjectStage.PRE_APPROVAL_DONE, "2015-02-01",
                        ProjectStage.UNDER_CONSTRUCTION, "2015-05-01"), null), IMPORT_DAY));
        assertEquals(400, r.status());
        assertEquals(List.of("stageDates.UNDER_CONSTRUCTION", "stageDates.TENDERING", "stageDates.PRE_APPROVAL_DONE"), r.fields());
        assertEquals("stageDates.PLANNED", assertThrows(Refusal.class, () -> p.importInStage(road(),
                imported(ProjectStage.PLANNED, dates(ProjectStage.PLANNED, "2026-11-26"), null), IMPORT_DAY)).field());
        ProjectData education = Projects.withCategory(road(), "education");
        assertEquals("stage", assertThrows(Refusal.class, () -> p.importInStage(education,
                imported(ProjectStage.TENDERING, dates(ProjectStage.TENDERING, "2015-03-01"), null), IMPORT_DAY)).field());
        assertEquals("progress", assertThrows(Refusal.class, () -> p.importInStage(road(),
                imported(ProjectStage.TENDERING, dates(ProjectStage.TENDERING, "2015-03-01"),
                        progress("2015-04-01", "1", "0")), IMPORT_DAY)).field());
        assertEquals("progress.reportDate", assertThrows(Refusal.class, () -> p.importInStage(road(),
                imported(ProjectStage.UNDER_CONSTRUCTION, dates(ProjectStage.UNDER_CONSTRUCTION, "2015-03-01"),
                        progress("2015-02-01", "1", "0")), IMPORT_DAY)).field());
        assertNull(p.stage());
    }

    @Test
    void anImportedCancelledProjectNamesItsReasonAndWhereItStopped() {
        ProjectLifecycle p = ProjectLifecycle.newProject("p-1", Projects.RULES);
        assertEquals("cancellationReason", assertThrows(Refusal.class, () -> p.importInStage(road(),
                new ProjectLifecycle.ImportedState(ProjectStage.CANCELLED, dates(ProjectStage.CANCELLED, "2016-01-01"), null,
                        null, null, null), IMPORT_DAY)).field());
        p.importInStage(road(), imported(ProjectStage.CANCELLED, dates(ProjectStage.PRE_APPROVAL_DONE, "2015-06-01",
                ProjectStage.CANCELLED, "2016-01-01"), null), IMPORT_DAY);
        assertEquals(ProjectStage.PRE_APPROVAL_DONE, p.status().cancelledFrom());
        assertEquals(ProjectStage.CANCELLED, p.stage());
        assertEquals(d("2016-01-01"), p.stageDate());
    }
}
