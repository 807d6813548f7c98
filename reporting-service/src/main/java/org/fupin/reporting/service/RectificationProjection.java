package org.fupin.reporting.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.platform.region.RegionCode;
import org.fupin.reporting.domain.IssueFact;
import org.fupin.reporting.domain.RectificationFigures;
import org.fupin.reporting.repository.RectificationFactRepository;
import org.fupin.reporting.repository.RectificationFactRepository.Snapshot;
import org.fupin.reporting.repository.RectificationFactRepository.StepRow;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies rectification events ({@code fupin.rectification.v1}, one issue each, key = issue id) to the issue facts,
 * set-based, inside the inbox's transaction (which has already deduplicated the event ids): one step per issue and
 * version (a version held already is a replay under another event id and is skipped), and the issue's snapshot of the
 * newest version received (an older one changes nothing but a source date not known yet). So the facts are the same
 * whatever the order and the number of times the events arrived.
 * <p>
 * An event that breaks its contract (unreadable payload, ids that are no UUIDs, a region that is not 12 digits, an unknown
 * state, term or source type, a missing date, no aggregate version) throws {@link PoisonEventException} before anything
 * is written, so the inbox can isolate it. Types newer than this version are ignored.
 */
@ApplicationScoped
public class RectificationProjection {

    private static final Logger LOG = Logger.getLogger(RectificationProjection.class);

    /** The types of {@code fupin.rectification.v1} this version reads: every one carries the common snapshot. */
    static final Set<String> TYPES = Set.of("rectification.issue-raised.v1", "rectification.issue-accepted.v1",
            "rectification.progress-recorded.v1", "rectification.issue-reported.v1", "rectification.issue-returned.v1",
            "rectification.issue-closed.v1", "rectification.deadline-extended.v1");

    /** The common snapshot of every rectification event (the type-specific fields are not needed here). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Common(String issueId, String sourceId, String sourceType, String sourceDocumentNumber, String category,
                  String regionCode, String leadUnit, String term, LocalDate raisedOn, LocalDate deadline,
                  LocalDate originalDeadline, String state, LocalDate sourceDate, LocalDate effectiveDate) {
    }

    @Inject
    ObjectMapper json;
    @Inject
    RectificationFactRepository facts;

    /**
     * @param events deduplicated events in record order
     * @throws PoisonEventException when an event violates its contract; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<InboundEvent> events) {
        Map<UUID, Snapshot> snapshots = new LinkedHashMap<>();
        Map<String, StepRow> steps = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            if (!TYPES.contains(e.type())) {
                LOG.debugf("event %s (%s) changes no rectification figure", e.id(), e.type());
                continue;
            }
            Step step = read(e);
            steps.putIfAbsent(step.row().issueId() + "|" + step.row().version(), step.row());
            snapshots.merge(step.snapshot().issueId(), step.snapshot(), RectificationProjection::newer);
        }
        facts.apply(new ArrayList<>(snapshots.values()), new ArrayList<>(steps.values()));
    }

    /** The newer snapshot, keeping a source date either told. */
    static Snapshot newer(Snapshot a, Snapshot b) {
        Snapshot n = b.version() > a.version() ? b : a;
        LocalDate sourceDate = a.sourceDate() != null ? a.sourceDate() : b.sourceDate();
        return new Snapshot(n.issueId(), n.version(), n.sourceId(), n.sourceType(), n.sourceDocumentNumber(), sourceDate,
                n.category(), n.regionCode(), n.leadUnit(), n.term(), n.raisedOn(), n.originalDeadline());
    }

    private record Step(Snapshot snapshot, StepRow row) {
    }

    private Step read(InboundEvent event) {
        try {
            if (event.payload() == null) {
                throw new PoisonEventException("without payload");
            }
            Common c = json.readValue(event.payload(), Common.class);
            long version = event.aggregateVersion();
            if (version < 1) {
                throw new PoisonEventException("no aggregate version");
            }
            UUID issue = uuid(c.issueId(), "issue");
            if (!RegionCode.isValidCode(c.regionCode())) {
                throw new PoisonEventException("regionCode must be 12 digits: " + c.regionCode());
            }
            if (!RectificationFigures.SOURCE_TYPES.contains(c.sourceType())) {
                throw new PoisonEventException("unknown sourceType: " + c.sourceType());
            }
            IssueFact.State state = IssueFact.State.valueOf(required(c.state(), "state"));
            IssueFact.Term term = IssueFact.Term.valueOf(required(c.term(), "term"));
            Snapshot s = new Snapshot(issue, version, uuid(c.sourceId(), "source"), c.sourceType(),
                    text(c.sourceDocumentNumber(), "sourceDocumentNumber", 100), c.sourceDate(), text(c.category(), "category", 64),
                    c.regionCode(), text(c.leadUnit(), "leadUnit", 100), term.name(), date(c.raisedOn(), "raisedOn"),
                    date(c.originalDeadline(), "originalDeadline"));
            StepRow row = new StepRow(issue, version, event.id(), event.type(), date(c.effectiveDate(), "effectiveDate"),
                    state.name(), date(c.deadline(), "deadline"));
            return new Step(s, row);
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + p.getMessage(), p);
            }
            throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(required(id, what + " id"));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(what + " id is not a UUID: " + id, e);
        }
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new PoisonEventException(field + " missing");
        }
        return text;
    }

    private static String text(String text, String field, int max) {
        required(text, field);
        if (text.length() > max) {
            throw new PoisonEventException(field + " longer than " + max);
        }
        return text;
    }

    private static LocalDate date(LocalDate d, String field) {
        if (d == null) {
            throw new PoisonEventException(field + " missing");
        }
        return d;
    }
}
