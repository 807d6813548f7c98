package org.fupin.fund.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.EventCatalog;
import org.fupin.contracts.Topics;
import org.fupin.fund.repository.FundSourceRepository;
import org.fupin.fund.repository.ProjectReplicaRecord;
import org.fupin.fund.repository.ProjectReplicaRepository;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.platform.region.RegionCode;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies project events to the replica, set-based, inside the inbox's transaction (which has already deduplicated the
 * event ids). Every event of {@code fupin.project.v1} carries the project's full snapshot (registered, updated,
 * adjusted, stage-changed, progress-reported, beneficiaries-changed, cancelled alike), so each one is read the same way:
 * the snapshot of the newest version per project is kept. The events of a batch are folded per project in memory (the
 * newer version wins; a tie keeps the later one, as the upsert does), then stored by the repository's upsert with the
 * same version guard, so the replica is the same whatever the order of arrival, and a replay is a no-op.
 * <p>
 * An event that breaks its contract (unreadable, project id no UUID, region not 12 digits, unknown stage, a budget
 * amount that is no non-negative yuan amount or names a source fund-service does not know, a total that is not the
 * sum of the split, no aggregate version) throws {@link PoisonEventException} before anything is written, so the
 * inbox can isolate it.
 */
@ApplicationScoped
public class ProjectReplicaProjection {

    private static final Logger LOG = Logger.getLogger(ProjectReplicaProjection.class);

    /** project-service's stages (the contract's enum). */
    static final Set<String> STAGES = Set.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION", "COMPLETED",
            "ACCEPTED", ProjectReplicaRecord.CANCELLED);
    /** numeric(14,2): below 10^12 yuan. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    @Inject
    ObjectMapper json;
    @Inject
    ProjectReplicaRepository replica;
    @Inject
    FundSourceRepository fundSources;

    /** The fund-source codes (reference data of migration V1: fixed while the service runs). */
    private volatile Set<String> sourceCodes;

    /** What every project event carries (the package description of org.fupin.contracts.project). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Snapshot(String projectId, String projectCode, String regionCode, String category, Integer projectYear,
                    String batch, String stage, LocalDate stageDate, Map<String, String> budget, String budgetTotal,
                    LocalDate effectiveDate) {
    }

    /**
     * @param events deduplicated events in record order
     * @throws PoisonEventException when an event violates its contract; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<InboundEvent> events) {
        Map<UUID, ProjectReplicaRecord> newest = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            ProjectReplicaRecord p = snapshot(e);
            if (p == null) {
                LOG.debugf("event %s (%s) tells the replica nothing", e.id(), e.type());
                continue;
            }
            newest.merge(p.id(), p, (held, next) -> next.version() >= held.version() ? next : held);
        }
        replica.apply(newest.values());
    }

    /** The snapshot the event carries, or null for a type that is no project event of the catalog. */
    private ProjectReplicaRecord snapshot(InboundEvent event) {
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
            Snapshot s = json.readValue(event.payload(), Snapshot.class);
            UUID id = projectId(s.projectId());
            if (s.projectCode() == null || s.projectCode().isBlank() || s.projectCode().length() > 40) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without a project code");
            }
            if (!RegionCode.isValidCode(s.regionCode())) {
                throw new PoisonEventException("region code is not 12 digits: " + s.regionCode());
            }
            if (s.projectYear() == null) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " without projectYear");
            }
            if (!STAGES.contains(s.stage())) {
                throw new PoisonEventException(event.type() + " event " + event.id() + " with unknown stage " + s.stage());
            }
            Map<String, BigDecimal> budget = budget(event, s.budget());
            BigDecimal total = budget.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (s.budgetTotal() != null && new BigDecimal(s.budgetTotal()).compareTo(total) != 0) {
                throw new PoisonEventException(event.type() + " event " + event.id() + ": budgetTotal " + s.budgetTotal()
                        + " is not the sum of the split, " + total.toPlainString());
            }
            return new ProjectReplicaRecord(id, s.projectCode(), s.regionCode(), s.category(), s.projectYear(), s.batch(),
                    s.stage(), s.stageDate(), budget, s.effectiveDate(), event.aggregateVersion());
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw p;
            }
            throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private Map<String, BigDecimal> budget(InboundEvent event, Map<String, String> split) {
        Map<String, BigDecimal> out = new HashMap<>();
        if (split == null) {
            return out;
        }
        Set<String> known = sourceCodes();
        split.forEach((source, text) -> {
            if (!known.contains(source)) {
                throw new PoisonEventException(event.type() + " event " + event.id() + ": unknown fund source " + source);
            }
            BigDecimal amount = text == null ? null : new BigDecimal(text);
            if (amount == null || amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(LIMIT) >= 0) {
                throw new PoisonEventException(event.type() + " event " + event.id() + ": budget of " + source
                        + " is no amount in yuan: " + text);
            }
            out.put(source, amount);
        });
        return out;
    }

    private Set<String> sourceCodes() {
        Set<String> codes = sourceCodes;
        if (codes == null) {
            codes = fundSources.listAll().stream().map(s -> s.code).collect(Collectors.toUnmodifiableSet());
            sourceCodes = codes;
        }
        return codes;
    }

    private static boolean isProjectEvent(String type) {
        return EventCatalog.classOf(type).map(c -> Topics.PROJECT.equals(EventCatalog.typeOf(c).topic())).orElse(false);
    }

    private static UUID projectId(String projectId) {
        try {
            return UUID.fromString(projectId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("project id is not a UUID: " + projectId, e);
        }
    }
}
