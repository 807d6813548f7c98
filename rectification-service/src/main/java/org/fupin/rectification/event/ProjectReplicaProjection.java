package org.fupin.rectification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.Topics;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.platform.region.RegionCode;
import org.fupin.rectification.repository.ProjectReplicaRcRepository;
import org.fupin.rectification.repository.ProjectReplicaRcUpdate;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies project events to rectification-service's project replica, set-based, inside the inbox's transaction (which
 * has already deduplicated the event ids). Every event of {@code fupin.project.v1} carries the project's whole snapshot
 * (stage, stage date, budget total, missing fields and — since issue 10 — the planned dates), so each is read the same
 * way; the registered event also tells the entry date (its business date). The events of a batch are folded per project
 * (newer version wins), then upserted with the same rule, so arrival order and replays do not matter.
 * <p>
 * An event that breaks its contract (unreadable, project id no UUID, region not 12 digits, unknown stage, a budget total
 * that is no amount, no aggregate version) throws {@link PoisonEventException} before anything is written.
 */
@ApplicationScoped
public class ProjectReplicaProjection {

    private static final Logger LOG = Logger.getLogger(ProjectReplicaProjection.class);

    static final Set<String> STAGES = Set.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION", "COMPLETED",
            "ACCEPTED", "CANCELLED");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    @Inject
    ObjectMapper json;
    @Inject
    ProjectReplicaRcRepository replica;

    /**
     * @param events deduplicated events in record order
     * @return the projects touched
     * @throws PoisonEventException when an event violates its contract; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> applyAll(List<InboundEvent> events) {
        Map<UUID, ProjectReplicaRcUpdate> newest = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            ProjectReplicaRcUpdate u = update(e);
            if (u == null) {
                LOG.debugf("event %s (%s) tells the replica nothing", e.id(), e.type());
                continue;
            }
            newest.merge(u.id(), u, ProjectReplicaRcUpdate::merge);
        }
        replica.apply(newest.values());
        return newest.keySet();
    }

    private ProjectReplicaRcUpdate update(InboundEvent event) {
        if (!isProjectEvent(event.type())) {
            return null; // not of this topic's catalog (a newer type): nothing the replica keeps depends on it
        }
        try {
            if (event.payload() == null) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without payload");
            }
            if (event.aggregateVersion() < 1) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without an aggregate version");
            }
            JsonNode s = json.readTree(event.payload());
            UUID id = uuid(text(s, "projectId"), "project id");
            String code = text(s, "projectCode");
            if (code == null || code.isBlank() || code.length() > 40) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without a project code");
            }
            String region = text(s, "regionCode");
            if (!RegionCode.isValidCode(region)) {
                throw new PoisonEventException("region code is not 12 digits: " + region);
            }
            String stage = text(s, "stage");
            if (!STAGES.contains(stage)) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " with unknown stage " + stage);
            }
            LocalDate stageDate = date(s, "stageDate");
            LocalDate effective = date(s, "effectiveDate");
            String totalText = text(s, "budgetTotal");
            BigDecimal total = totalText == null ? BigDecimal.ZERO : new BigDecimal(totalText);
            if (total.signum() < 0 || total.scale() > 2 || total.compareTo(LIMIT) >= 0) {
                throw new PoisonEventException(event.type() + " event " + event.id() + ": budgetTotal is no amount: " + totalText);
            }
            List<String> missing = new ArrayList<>();
            JsonNode m = s.get("missingFields");
            if (m != null && m.isArray()) {
                m.forEach(f -> missing.add(f.asText()));
            }
            boolean plannedTold = s.has("plannedStartDate") || s.has("plannedEndDate");
            LocalDate enteredOn = "project.registered.v1".equals(event.type()) ? effective : null;
            LocalDate completedOn = "COMPLETED".equals(stage) ? stageDate : null;
            return new ProjectReplicaRcUpdate(id, code, region, stage, stageDate, enteredOn, completedOn, missing, plannedTold,
                    date(s, "plannedStartDate"), date(s, "plannedEndDate"), total, effective, event.aggregateVersion());
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw p;
            }
            throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static LocalDate date(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : LocalDate.parse(t);
    }

    static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(what + " is not a UUID: " + value, e);
        }
    }

    private static boolean isProjectEvent(String type) {
        return EventCatalog.classOf(type).map(c -> Topics.PROJECT.equals(EventCatalog.typeOf(c).topic())).orElse(false);
    }
}
