package org.fupin.project.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.fupin.platform.money.Money;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.platform.security.Roles;
import org.fupin.project.ReplicaRows;
import org.fupin.project.domain.BudgetSplit;
import org.fupin.project.domain.FundSource;
import org.fupin.project.domain.Progress;
import org.fupin.project.domain.ProjectData;
import org.fupin.project.domain.ProjectLifecycle;
import org.fupin.project.domain.ProjectStage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.fupin.project.ProjectFixtures.VILLAGE;
import static org.fupin.project.ProjectFixtures.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ProjectService#importProject}, as the bulk import calls it: acting as the submitter, in its chunk transaction. */
@QuarkusTest
class ImportProjectTest {

    @Inject
    ProjectService projects;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    AgroalDataSource db;

    void actAs(String region) {
        identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("importer-" + region))
                .addRole(Roles.PROJECT_CLERK).addAttribute(RegionScope.ATTRIBUTE, region).build());
    }

    static ProjectData data(String code, String region) {
        return new ProjectData(code, "易地扶贫搬迁安置点", 2019, "relocation", region, "第一批",
                new ProjectData.ImplementingUnit("赫章县生态移民局", null), "安置房 120 套", "120 套",
                LocalDate.of(2019, 3, 1), LocalDate.of(2019, 12, 31), null,
                BudgetSplit.of(Map.of(FundSource.RELOCATION, Money.of("2000000.00"), FundSource.BANK_LOANS, Money.of("500000.00"))));
    }

    @Test
    @ActivateRequestContext
    void aProjectIsImportedInItsStageWithDatesProgressAndBeneficiaries() throws Exception {
        actAs("5224");
        String household = ReplicaRows.code();
        UUID h = ReplicaRows.household(db, household, VILLAGE, "EXITED", 3);
        String code = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = projects.importProject(new ImportedProject(data(code, VILLAGE), new ProjectLifecycle.ImportedState(
                ProjectStage.UNDER_CONSTRUCTION, Map.of(ProjectStage.PLANNED, LocalDate.of(2019, 1, 10),
                ProjectStage.PRE_APPROVAL_DONE, LocalDate.of(2019, 2, 1), ProjectStage.TENDERING, LocalDate.of(2019, 2, 20),
                ProjectStage.UNDER_CONSTRUCTION, LocalDate.of(2019, 3, 5)), "赫发改〔2019〕3号", null, null,
                new Progress(LocalDate.of(2019, 9, 30), new BigDecimal("80.00"), Money.of("1800000.00"))), List.of(household)));
        get(id.toString()).statusCode(200).body("projectCode", equalTo(code)).body("stage", equalTo("UNDER_CONSTRUCTION"))
                .body("stageDate", equalTo("2019-03-05")).body("approvalDocument", equalTo("赫发改〔2019〕3号"))
                .body("progress.physicalProgress", equalTo("80.00")).body("budgetTotal", equalTo("2500000.00"))
                .body("beneficiaries.householdId", contains(h.toString())).body("version", equalTo(2));
        assertEquals(List.of("project.registered.v1:1", "project.beneficiaries-changed.v1:2"), outbox(id));
    }

    @Test
    @ActivateRequestContext
    void aRefusedRowChangesNothingAndLeavesTheChunkTransactionUsable() throws Exception {
        actAs("5224");
        String taken = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        projects.importProject(new ImportedProject(data(taken, VILLAGE), null, List.of()));
        String fresh = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        UUID[] good = new UUID[1];
        QuarkusTransaction.requiringNew().run(() -> {
            for (ImportedProject row : List.of(
                    new ImportedProject(data(taken, VILLAGE), null, List.of()),                       // code taken: 409
                    new ImportedProject(data(null, "530102001001"), null, List.of()),                 // outside: 403
                    new ImportedProject(data(null, VILLAGE), new ProjectLifecycle.ImportedState(ProjectStage.COMPLETED,
                            Map.of(), null, null, null, null), List.of()),                            // no stage date: 400
                    new ImportedProject(data(null, VILLAGE), null, List.of("NO-SUCH-HOUSEHOLD")))) {  // beneficiary: 422
                try {
                    projects.importProject(row);
                } catch (ApiProblem p) {
                    statuses.add(p.status());
                }
            }
            good[0] = projects.importProject(new ImportedProject(data(fresh, VILLAGE), new ProjectLifecycle.ImportedState(
                    ProjectStage.ACCEPTED, Map.of(ProjectStage.COMPLETED, LocalDate.of(2019, 11, 30),
                    ProjectStage.ACCEPTED, LocalDate.of(2019, 12, 20)), "d", "验收〔2019〕1号", null, null), List.of()));
        });
        assertEquals(List.of(409, 403, 400, 422), statuses);
        get(good[0].toString()).statusCode(200).body("stage", equalTo("ACCEPTED"))
                .body("progress.physicalProgress", equalTo("100.00")).body("progress.investmentCompleted", equalTo("0.00"));
        assertEquals(List.of("project.registered.v1:1"), outbox(good[0]));
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from project where project_code = '" + taken + "'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
        assertTrue(assertThrows(ApiProblem.class, () -> projects.importProject(
                new ImportedProject(data(taken, VILLAGE), null, List.of()))).errors().get(0).field().equals("projectCode"));
    }

    List<String> outbox(UUID id) throws Exception {
        List<String> l = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select event_type, aggregate_version from outbox_event where aggregate_id = '" + id + "' order by seq")) {
            while (rs.next()) {
                l.add(rs.getString(1) + ":" + rs.getLong(2));
            }
        }
        return l;
    }
}
