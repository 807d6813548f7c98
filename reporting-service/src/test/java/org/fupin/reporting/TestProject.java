package org.fupin.reporting;

import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.EventSchemas;
import org.fupin.contracts.Topics;
import org.fupin.contracts.project.ProjectBeneficiariesChangedV1;
import org.fupin.contracts.project.ProjectCancelledV1;
import org.fupin.contracts.project.ProjectProgressReportedV1;
import org.fupin.contracts.project.ProjectRegisteredV1;
import org.fupin.contracts.project.ProjectStageChangedV1;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.TestEvents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One project's event history, published to the real broker the way project-service's relay does: every event carries
 * the project's full snapshot, is checked against its JSON Schema and sent with the next aggregate version (key =
 * project id).
 */
public final class TestProject {

    static final LocalDate ON = LocalDate.of(2026, 11, 20);

    public final String id = UUID.randomUUID().toString();
    public final String code = "P-" + id.substring(0, 8);
    public String region;
    public String category;
    public int year;
    public String batch;
    public String stage = "PLANNED";
    public LocalDate stageDate = ON;
    public final Map<String, String> budget = new LinkedHashMap<>();
    public String progress;
    public String investment = "0.00";
    public List<String> missing = List.of();
    public List<String> households = List.of();
    private long version;
    /** When set, events are kept here (each a send under its event id) instead of being sent: a test decides the order. */
    public List<Runnable> held;

    public TestProject(String regionCode, int year, String category, String batch) {
        this.region = regionCode;
        this.year = year;
        this.category = category;
        this.batch = batch;
    }

    public TestProject budget(String source, String amount) {
        budget.put(source, amount);
        return this;
    }

    public TestProject missing(String... fields) {
        missing = List.of(fields);
        return this;
    }

    public String budgetTotal() {
        return budget.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2).toPlainString();
    }

    public long version() {
        return version;
    }

    /** project.registered.v1 (IMPORTED, in the stage held, with its progress). */
    public TestProject register() {
        return publish(registered());
    }

    public ProjectRegisteredV1 registered() {
        return new ProjectRegisteredV1(id, code, region, category, year, batch, "IMPORTED", stage, stageDate, Map.copyOf(budget),
                budgetTotal(), progress, investment, missing, Instant.parse("2026-11-20T08:00:00Z"), ON);
    }

    /** project.stage-changed.v1 to the stage. */
    public TestProject step(String step, String to) {
        String from = stage;
        stage = to;
        return publish(new ProjectStageChangedV1(id, code, region, category, year, batch, stage, stageDate, Map.copyOf(budget),
                budgetTotal(), progress, investment, missing, step, from, null, ON));
    }

    public TestProject progress(String physicalProgress, String investmentCompleted) {
        progress = physicalProgress;
        investment = investmentCompleted;
        return publish(new ProjectProgressReportedV1(id, code, region, category, year, batch, stage, stageDate, Map.copyOf(budget),
                budgetTotal(), progress, investment, missing, false, null, ON));
    }

    public TestProject cancel() {
        String from = stage;
        stage = "CANCELLED";
        return publish(new ProjectCancelledV1(id, code, region, category, year, batch, stage, stageDate, Map.copyOf(budget),
                budgetTotal(), progress, investment, missing, from, "no land", ON));
    }

    /** project.beneficiaries-changed.v1 with the households as the whole list. */
    public TestProject beneficiaries(String... householdIds) {
        households = List.of(householdIds);
        return publish(beneficiariesChanged());
    }

    public ProjectBeneficiariesChangedV1 beneficiariesChanged() {
        return new ProjectBeneficiariesChangedV1(id, code, region, category, year, batch, stage, stageDate, Map.copyOf(budget),
                budgetTotal(), progress, investment, missing, households, households, List.of(), ON);
    }

    /** Publishes the event with the next version. */
    public TestProject publish(Object event) {
        version++;
        publishAt(version, event);
        return this;
    }

    /** Publishes the event with the given version (e.g. a stale one), under a new event id; returns the id. */
    public UUID publishAt(long atVersion, Object event) {
        UUID eventId = UUID.randomUUID();
        publish(eventId, atVersion, event);
        return eventId;
    }

    /** Publishes the event under the given event id (a redelivery when the id was used before). */
    public void publish(UUID eventId, long atVersion, Object event) {
        String type = EventCatalog.typeOf(event.getClass()).value();
        String payload = TestHousehold.json(event);
        assertEquals(Set.of(), EventSchemas.validate(type, payload), type + " payload must match its schema: " + payload);
        if (held != null) {
            String at = region;
            held.add(() -> publishUnchecked(eventId, type, id, atVersion, at, payload));
            return;
        }
        publishUnchecked(eventId, type, id, atVersion, region, payload);
    }

    /** For deliberately broken payloads only. */
    public static void publishUnchecked(UUID eventId, String type, String projectId, long version, String region, String payload) {
        TestEvents.publish(SuiteInfrastructure.kafka().bootstrapServers(), Topics.PROJECT, eventId, type, projectId, version,
                region, payload);
    }

    /** Ids of households as text, for {@link #beneficiaries}. */
    public static String[] ids(TestHousehold... households) {
        List<String> out = new ArrayList<>();
        for (TestHousehold h : households) {
            out.add(h.id);
        }
        return out.toArray(String[]::new);
    }
}
