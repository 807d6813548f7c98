package org.fupin.rectification.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.fupin.rectification.RectificationFixtures.ISSUES;
import static org.fupin.rectification.RectificationFixtures.PDF;
import static org.fupin.rectification.RectificationFixtures.as;
import static org.fupin.rectification.RectificationFixtures.inspector;
import static org.fupin.rectification.RectificationFixtures.issue;
import static org.fupin.rectification.RectificationFixtures.raised;
import static org.fupin.rectification.RectificationFixtures.source;
import static org.fupin.rectification.RectificationFixtures.step;
import static org.fupin.rectification.RectificationFixtures.today;
import static org.fupin.rectification.RectificationFixtures.unique;
import static org.fupin.rectification.RectificationFixtures.unit;
import static org.fupin.rectification.RectificationFixtures.upload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Deadline extensions with their history, overdue on a given day (detail and list), milestones of long-term issues. */
@QuarkusTest
class DeadlinesApiTest {

    @Test
    void overdueIsComputedForTheDayAskedWithTheDeadlineInForceThatDay() {
        LocalDate t = today();
        String src = source(t.minusDays(70));
        String lead = unique("县农业农村局");
        String id = raised(issue(src, lead, List.of(), t.minusDays(60), t.minusDays(40)));
        String insp = inspector("5224");
        step(insp, id, "deadline-extensions", Map.of("deadline", t.minusDays(20).toString(), "reason", "雨季施工受阻",
                "approver", "县扶贫领导小组", "date", t.minusDays(35).toString())).statusCode(200)
                .body("deadline", equalTo(t.minusDays(20).toString())).body("originalDeadline", equalTo(t.minusDays(40).toString()))
                .body("state", equalTo("OPEN"));
        step(insp, id, "deadline-extensions", Map.of("deadline", t.plusDays(10).toString(), "reason", "资金到位延迟",
                "approver", "县政府常务会", "date", t.minusDays(10).toString())).statusCode(200);

        as(insp).get(ISSUES + "/" + id + "/deadline-extensions").then().statusCode(200).body("", hasSize(2))
                .body("number", contains(1, 2))
                .body("previousDeadline", contains(t.minusDays(40).toString(), t.minusDays(20).toString()))
                .body("newDeadline", contains(t.minusDays(20).toString(), t.plusDays(10).toString()))
                .body("reason", contains("雨季施工受阻", "资金到位延迟")).body("approver", contains("县扶贫领导小组", "县政府常务会"))
                .body("approvedOn", contains(t.minusDays(35).toString(), t.minusDays(10).toString()))
                .body("recordedBy", contains("inspector-5224", "inspector-5224"));

        Object[][] days = {{t.minusDays(61), false}, {t.minusDays(40), false}, {t.minusDays(38), true},
                {t.minusDays(30), false}, {t.minusDays(15), true}, {t, false}, {t.plusDays(11), true}};
        for (Object[] d : days) {
            as(insp).get(ISSUES + "/" + id + "?day=" + d[0]).then().statusCode(200).body("overdue", equalTo(d[1]));
            int expected = (Boolean) d[1] ? 1 : 0;
            as(insp).get(ISSUES + "?source=" + src + "&overdue=true&day=" + d[0]).then().statusCode(200)
                    .body("total", equalTo(expected));
            as(insp).get(ISSUES + "?source=" + src + "&overdue=false&day=" + d[0]).then().statusCode(200)
                    .body("total", equalTo(1 - expected));
            as(insp).get(ISSUES + "?source=" + src + "&day=" + d[0]).then().body("items[0].overdue", equalTo(d[1]));
        }
        as(insp).get(ISSUES + "/" + id + "?day=" + t.minusDays(38)).then().body("deadlineOnDay", equalTo(t.minusDays(40).toString()));
        as(insp).get(ISSUES + "/" + id + "?day=" + t.minusDays(15)).then().body("deadlineOnDay", equalTo(t.minusDays(20).toString()));
        as(insp).get(ISSUES + "/" + id + "/history").then().body("step", contains(null, "EXTEND_DEADLINE", "EXTEND_DEADLINE"));
    }

    @Test
    void anExtensionNeedsReasonApproverAndALaterDeadline() {
        String lead = unique("县交通局");
        String id = raised(issue(source(today().minusDays(3)), lead, List.of(), today(), today().plusDays(10)));
        step(inspector("5224"), id, "deadline-extensions", Map.of("deadline", today().plusDays(5).toString()))
                .statusCode(400).body("errors.field", hasItems("reason", "approver", "deadline"));
        step(unit("522428", lead), id, "deadline-extensions", Map.of("deadline", today().plusDays(20).toString(),
                "reason", "r", "approver", "a")).statusCode(403);
        as(inspector("5224")).get(ISSUES + "/" + id).then().body("version", equalTo(1)).body("extensions", hasSize(0));
    }

    @Test
    void longTermIssuesCarryMilestonesAndPeriodicProgress() {
        LocalDate t = today();
        String lead = unique("县发改局");
        String unit = unit("522428", lead);
        Map<String, Object> body = issue(source(t.minusDays(100)), lead, List.of(), t.minusDays(90), t.plusDays(200));
        body.put("term", "LONG_TERM");
        body.put("milestones", List.of(Map.of("description", "完成规划编制", "dueDate", t.minusDays(30).toString()),
                Map.of("description", "完成产业项目建设", "dueDate", t.plusDays(100).toString())));
        String id = raised(body);
        step(unit, id, "acceptance", Map.of("date", t.minusDays(80).toString())).statusCode(200)
                .body("nextProgressDue", equalTo(t.minusDays(50).toString()));
        as(unit).get(ISSUES + "/" + id + "?day=" + t.minusDays(60)).then().body("progressLate", equalTo(false))
                .body("onSchedule", equalTo(true));
        as(unit).get(ISSUES + "/" + id + "?day=" + t.minusDays(49)).then().body("progressLate", equalTo(true))
                .body("onSchedule", equalTo(false));
        as(unit).get(ISSUES + "/" + id + "?day=" + t.minusDays(29)).then().body("milestones[0].overdue", equalTo(true));

        step(unit, id, "ledger-entries", Map.of("date", t.minusDays(40).toString(), "text", "规划已批复", "milestoneNumber", 1))
                .statusCode(200).body("milestones[0].reachedOn", equalTo(t.minusDays(40).toString()))
                .body("milestones[0].entryNumber", equalTo(1)).body("nextProgressDue", equalTo(t.minusDays(10).toString()));
        step(unit, id, "ledger-entries", Map.of("text", "again", "milestoneNumber", 1)).statusCode(422)
                .body("type", containsString("milestone-reached"));
        List<String> files = upload(unit, id, Map.of("plan.pdf", PDF));
        step(unit, id, "report", Map.of("text", "整改完成", "evidenceIds", files)).statusCode(422)
                .body("type", containsString("milestones-open")).body("openMilestones", contains(2));
        as(inspector("5224")).get(ISSUES + "?term=LONG_TERM&unit=" + lead).then().body("total", equalTo(1));
        as(inspector("5224")).get(ISSUES + "?term=SHORT&unit=" + lead).then().body("total", equalTo(0));
    }
}
