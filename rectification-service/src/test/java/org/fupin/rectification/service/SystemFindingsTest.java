package org.fupin.rectification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fupin.rectification.domain.Finding;
import org.fupin.rectification.domain.SystemCheckRule;
import org.fupin.rectification.domain.SystemCheckThresholds;
import org.fupin.rectification.domain.SystemChecks;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.fupin.rectification.RectificationFixtures.ISSUES;
import static org.fupin.rectification.RectificationFixtures.as;
import static org.fupin.rectification.RectificationFixtures.inspector;
import static org.fupin.rectification.RectificationFixtures.step;
import static org.fupin.rectification.RectificationFixtures.today;
import static org.fupin.rectification.RectificationFixtures.unit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issue side of the system check: one open issue per key, cleared to REPORTED with a system ledger entry. */
@QuarkusTest
class SystemFindingsTest {

    @Inject
    SystemFindings findings;

    @Test
    void oneOpenIssuePerKeyClearedForAnInspectorToCloseThenANewOneMayBeRaised() {
        LocalDate day = today().minusDays(5);
        String project = UUID.randomUUID().toString();
        Finding f = new Finding(SystemCheckRule.PROJECT_OVERDUE, SystemCheckRule.PROJECT_OVERDUE.keyFor(project), project,
                "522428103201", day, "逾期未完工: planned to end on " + day.minusDays(1));
        var issue = SystemChecks.issueFor(f, day, SystemCheckThresholds.defaults());

        Optional<UUID> first = QuarkusTransaction.requiringNew().call(() -> findings.raiseIfNoneOpen(f, issue, day));
        assertTrue(first.isPresent());
        // a replayed or repeated finding raises nothing
        assertEquals(Optional.empty(), QuarkusTransaction.requiringNew().call(() -> findings.raiseIfNoneOpen(f, issue, day)));
        assertThrows(jakarta.transaction.TransactionalException.class, () -> findings.raiseIfNoneOpen(f, issue, day),
                "only inside the caller's transaction");

        String id = first.get().toString();
        String office = unit("522428", SystemCheckThresholds.DEFAULT_LEAD_UNIT);
        as(inspector("5224")).get(ISSUES + "/" + id).then().statusCode(200).body("source.type", equalTo("system-check"))
                .body("source.documentNumber", equalTo("project-overdue")).body("findingKey", equalTo(f.key()))
                .body("state", equalTo("OPEN")).body("links.projectIds", contains(project))
                .body("allowedSteps", contains("EXTEND_DEADLINE"));
        as(inspector("5224")).get(ISSUES + "?sourceType=system-check&category=project-management").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        step(office, id, "acceptance", Map.of("date", day.plusDays(1).toString())).statusCode(200);

        String why = SystemChecks.clearedText(SystemCheckRule.PROJECT_OVERDUE, day.plusDays(2));
        QuarkusTransaction.requiringNew().run(() -> findings.clear(f.key(), why, day.plusDays(2)));
        QuarkusTransaction.requiringNew().run(() -> findings.clear(f.key(), why, day.plusDays(3))); // no-op
        QuarkusTransaction.requiringNew().run(() -> findings.clear("project-overdue:" + UUID.randomUUID(), why, day)); // none
        as(inspector("5224")).get(ISSUES + "/" + id).then().body("state", equalTo("REPORTED")).body("version", equalTo(3))
                .body("ledger[0].kind", equalTo("SYSTEM")).body("ledger[0].text", equalTo(why))
                .body("ledger[0].recordedBy", equalTo("system-check"))
                .body("allowedSteps", contains("CLOSE", "RETURN", "EXTEND_DEADLINE"));
        step(inspector("5224"), id, "closure", Map.of("closingRemark", "核实已完工")).statusCode(200);

        // after closure a new occurrence raises a new issue
        Optional<UUID> again = QuarkusTransaction.requiringNew().call(() -> findings.raiseIfNoneOpen(f, issue, today()));
        assertTrue(again.isPresent());
        assertNotEquals(first.get(), again.get());
    }
}
