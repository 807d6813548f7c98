package org.fupin.e2e;

import io.restassured.http.ContentType;
import org.fupin.infra.Ports;
import org.fupin.infra.ProjectPaths;
import org.fupin.infra.ServiceProcess;
import org.fupin.localstack.chaos.PiiScanner;
import org.fupin.localstack.chaos.ResidentIds;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No resident ID number and no name anywhere they must not be: household-service (a real process) is driven through
 * the paths that handle personal data — registration, a person already registered elsewhere (409), a birth date that
 * disagrees with the number (400), an update, a bulk import with rejected rows and its error report — then every log
 * of the end-to-end run ({@code target/e2e-logs}, this test's service included), every record on every topic of the
 * suite's Kafka broker, and the import error report are searched for valid resident ID numbers (18 characters, real
 * birth date, valid check character) and the test data's names.
 */
class PiiLeakE2ETest {

    static final List<String> NAMES = List.of("欧阳明月", "司马青山", "上官秋水", "李四");
    static int seq;

    static String residentId() {
        seq++;
        return ResidentIds.of("530199", LocalDate.of(1960, 1, 1).plusDays(seq * 11L), 100 + seq);
    }

    static Map<String, Object> member(String id, String relation, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("residentId", id);
        m.put("relation", relation);
        m.put("sex", (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
        m.put("birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        m.put("health", "HEALTHY");
        m.put("disability", "NONE");
        m.put("labourAbility", "NORMAL");
        m.put("education", "PRIMARY");
        m.put("schoolingStatus", "FINISHED");
        m.put("migrantWork", false);
        return m;
    }

    static Map<String, Object> household(String village, List<Map<String, Object>> members) {
        return new HashMap<>(Map.of("regionCode", village, "householdType", "ORDINARY", "mainCause", "ILLNESS",
                "incomeYear", 2020, "incomeItems", Map.of("WAGES", "30000.00"), "members", members));
    }

    @Test
    void noResidentIdNumberOrNameInAnyLogOrEvent() throws Exception {
        SuiteInfrastructure.postgres().createDatabase("household");
        Path logs = Path.of("target", "e2e-logs").toAbsolutePath();
        ServiceProcess household = HouseholdToReportingE2ETest.service("household-service", "household", ProjectPaths.root(),
                logs.resolve("pii"));
        String errorReport;
        try {
            household.start().awaitReady(Duration.ofMinutes(3));
            String importer = Tokens.bearer("province", "53", Roles.HOUSEHOLD_IMPORTER, Roles.HOUSEHOLD_VIEWER);
            String clerk = Tokens.bearer("clerk", "53", Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER);
            String head = residentId();
            String id = given().baseUri(household.url()).header("Authorization", importer).contentType(ContentType.JSON)
                    .body(Map.of("identificationYear", 2016, "household", household("530199001001",
                            new ArrayList<>(List.of(member(head, "HEAD", NAMES.get(0)), member(residentId(), "SPOUSE", NAMES.get(1)))))))
                    .post("/api/v1/households/registered").then().statusCode(201).extract().path("id");
            // the same person again: 409
            given().baseUri(household.url()).header("Authorization", importer).contentType(ContentType.JSON)
                    .body(Map.of("identificationYear", 2016, "household", household("530199001002",
                            List.of(member(head, "HEAD", NAMES.get(2))))))
                    .post("/api/v1/households/registered").then().statusCode(409);
            // a birth date that disagrees with the number: 400
            Map<String, Object> wrong = member(residentId(), "HEAD", NAMES.get(2));
            wrong.put("birthDate", "1999-09-09");
            given().baseUri(household.url()).header("Authorization", clerk).contentType(ContentType.JSON)
                    .body(household("530199001003", List.of(wrong))).post("/api/v1/households").then().statusCode(400);
            // an update with a new member
            int version = given().baseUri(household.url()).header("Authorization", clerk).get("/api/v1/households/" + id)
                    .then().statusCode(200).extract().path("version");
            given().baseUri(household.url()).header("Authorization", clerk).header("If-Match", "\"" + version + "\"")
                    .contentType(ContentType.JSON)
                    .body(household("530199001001", List.of(member(head, "HEAD", NAMES.get(0)), member(residentId(), "CHILD", NAMES.get(3)))))
                    .put("/api/v1/households/" + id).then().statusCode(200);
            // a bulk import: one good row, one person already registered, one number with a wrong check character
            String bad = residentId();
            bad = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
            String ndjson = String.join("\n",
                    json(Map.of("identificationYear", 2017, "household", household("530199002001", List.of(member(residentId(), "HEAD", NAMES.get(1)))))),
                    json(Map.of("identificationYear", 2017, "household", household("530199002002", List.of(member(head, "HEAD", NAMES.get(0)))))),
                    json(Map.of("identificationYear", 2017, "household", household("530199002003", List.of(member(bad, "HEAD", NAMES.get(2)))))));
            String job = given().baseUri(household.url()).header("Authorization", importer).contentType("application/x-ndjson")
                    .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/household-imports").then().statusCode(202).extract().path("jobId");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> "DONE".equals(
                    given().baseUri(household.url()).header("Authorization", importer).get("/api/v1/household-imports/" + job)
                            .then().statusCode(200).extract().path("state")));
            errorReport = given().baseUri(household.url()).header("Authorization", importer).get("/api/v1/household-imports/" + job + "/errors")
                    .then().statusCode(200).extract().asString();
            assertTrue(errorReport.contains("residentId"), "the import reported its rejected rows: " + errorReport);
        } finally {
            household.stop(); // its log is complete
        }

        PiiScanner scanner = new PiiScanner(NAMES);
        List<PiiScanner.Finding> findings = new ArrayList<>(scanner.scanFiles(List.of(logs)));
        PiiScanner.TopicScan topics = scanner.scanTopics(SuiteInfrastructure.kafka().bootstrapServers());
        findings.addAll(topics.findings());
        findings.addAll(scanner.scanText("import error report", errorReport));
        assertTrue(topics.records() > 0, "the events of this test were scanned");
        assertEquals(0, findings.size(), "PII found: " + findings.size() + "\n"
                + findings.stream().limit(30).map(PiiScanner.Finding::toString).collect(Collectors.joining("\n")));
    }

    static String json(Object value) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    }
}
