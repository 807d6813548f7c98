package org.fupin.rectification.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fupin.contracts.CloudEventHeaders;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.testsupport.KafkaProbe;
import org.fupin.testsupport.SuiteInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.fupin.rectification.RectificationFixtures.PDF;
import static org.fupin.rectification.RectificationFixtures.inspector;
import static org.fupin.rectification.RectificationFixtures.issue;
import static org.fupin.rectification.RectificationFixtures.raised;
import static org.fupin.rectification.RectificationFixtures.source;
import static org.fupin.rectification.RectificationFixtures.step;
import static org.fupin.rectification.RectificationFixtures.today;
import static org.fupin.rectification.RectificationFixtures.unique;
import static org.fupin.rectification.RectificationFixtures.unit;
import static org.fupin.rectification.RectificationFixtures.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change of an issue is one event on fupin.rectification.v1, keyed by the issue, with its version and date. */
@QuarkusTest
class RectificationEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStepIsOneEventOfItsTypeInOrder() throws Exception {
        LocalDate d = today().minusDays(10);
        String lead = unique("县扶贫办");
        String co = unique("县财政局");
        String unit = unit("522428", lead);
        String insp = inspector("5224");
        String id = raised(issue(source(d), lead, List.of(co), d, d.plusDays(5)));                          // 1 raised
        step(unit, id, "acceptance", Map.of("date", d.plusDays(1).toString())).statusCode(200);            // 2 accepted
        List<String> files = upload(unit, id, Map.of("a.pdf", PDF));
        step(unit(  "522428", co), id, "ledger-entries", Map.of("date", d.plusDays(2).toString(), "text", "配合",
                "evidenceIds", files)).statusCode(200);                                                       // 3 progress
        step(unit, id, "report", Map.of("date", d.plusDays(3).toString(), "text", "完成", "evidenceIds", files))
                .statusCode(200);                                                                             // 4 reported
        step(insp, id, "return", Map.of("date", d.plusDays(4).toString(), "reason", "不实")).statusCode(200); // 5 returned
        step(insp, id, "deadline-extensions", Map.of("deadline", d.plusDays(6).toString(), "reason", "r",
                "approver", "a", "date", d.plusDays(4).toString())).statusCode(200);                         // 6 extended
        step(unit, id, "acceptance", Map.of("date", d.plusDays(5).toString())).statusCode(200);            // 7 accepted
        step(unit, id, "report", Map.of("date", d.plusDays(7).toString(), "text", "完成", "evidenceIds", files))
                .statusCode(200);                                                                             // 8 reported
        step(insp, id, "closure", Map.of("date", d.plusDays(8).toString(), "closingRemark", "销号")).statusCode(200); // 9

        List<ConsumerRecord<String, String>> all = KafkaProbe.readUntil(SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.RECTIFICATION, rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 9, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> mine = all.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of("rectification.issue-raised.v1", "rectification.issue-accepted.v1",
                        "rectification.progress-recorded.v1", "rectification.issue-reported.v1",
                        "rectification.issue-returned.v1", "rectification.deadline-extended.v1",
                        "rectification.issue-accepted.v1", "rectification.issue-reported.v1", "rectification.issue-closed.v1"),
                mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.TYPE)).toList());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"),
                mine.stream().map(r -> KafkaProbe.header(r, CloudEventHeaders.AGGREGATE_VERSION)).toList());
        Set<String> types = new HashSet<>();
        for (ConsumerRecord<String, String> r : mine) {
            String type = KafkaProbe.header(r, CloudEventHeaders.TYPE);
            types.add(type);
            assertEquals(Set.of(), EventSchemas.validate(type, r.value()), type + " " + r.value());
            assertEquals(id, KafkaProbe.header(r, CloudEventHeaders.SUBJECT));
            assertEquals("rectification-issue", KafkaProbe.header(r, CloudEventHeaders.AGGREGATE_TYPE));
            assertFalse(r.value().contains("不实") || r.value().contains("部分贫困户"), "no free text in events");
        }
        Set<String> expected = new HashSet<>();
        EventCatalog.ALL.stream().map(EventCatalog::typeOf).filter(t -> t.topic().equals(Topics.RECTIFICATION))
                .forEach(t -> expected.add(t.value()));
        assertEquals(expected, types, "every rectification event type was published");

        JsonNode raised = JSON.readTree(mine.get(0).value());
        assertEquals(d.toString(), raised.get("effectiveDate").asText());
        assertEquals(co, raised.get("coUnits").get(0).asText());
        assertEquals("inspection", raised.get("sourceType").asText());
        JsonNode extended = JSON.readTree(mine.get(5).value());
        assertEquals(d.plusDays(5).toString(), extended.get("previousDeadline").asText());
        assertEquals(d.plusDays(6).toString(), extended.get("deadline").asText());
        JsonNode closed = JSON.readTree(mine.get(8).value());
        assertEquals("CLOSED", closed.get("state").asText());
        assertEquals(1, closed.get("returnCount").asInt());
        assertFalse(closed.get("closedOnTime").asBoolean(), "closed on day 8, deadline in force day 6");
        assertTrue(mine.stream().map(ConsumerRecord::partition).distinct().count() == 1, "one issue, one partition");
    }
}
