package org.fupin.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.contracts.project.ProjectAdjustedV1;
import org.fupin.contracts.project.ProjectBeneficiariesChangedV1;
import org.fupin.contracts.project.ProjectCancelledV1;
import org.fupin.contracts.project.ProjectProgressReportedV1;
import org.fupin.contracts.project.ProjectRegisteredV1;
import org.fupin.contracts.project.ProjectStageChangedV1;
import org.fupin.contracts.project.ProjectUpdatedV1;
import org.fupin.platform.inbox.InboundEvent;
import org.fupin.platform.inbox.PoisonEventException;
import org.fupin.reporting.domain.FundFigures;
import org.fupin.reporting.domain.ProjectSnapshot;
import org.fupin.reporting.repository.FundProjectPointRepository;
import org.fupin.reporting.repository.ProjectFactRepository;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies project events to the newest snapshot per project, set-based; runs inside the inbox's transaction (which has
 * already deduplicated the event ids).
 * <ul>
 *   <li>Every project event carries the project's full snapshot, so any of them creates or replaces the project; the
 *   version guard is the domain's ({@link ProjectSnapshot#merge}): an older event changes nothing, so replays and
 *   out-of-order delivery are no-ops. The beneficiary list (only in {@code project.beneficiaries-changed.v1}) is kept
 *   with its own version.</li>
 *   <li>A batch costs a fixed number of statements: the stored projects of the batch are loaded and locked in one
 *   select (plus their budgets and households), the events merged in list order in memory, the changed projects written
 *   in one upsert, their budgets replaced in two statements and the replaced beneficiary lists in two.</li>
 *   <li>Every event's version is also kept as a point of the fund figures ({@code project_point}: the project as the
 *   event left it, valid from its stage date or effective date, {@link FundFigures.ProjectPoint#validFrom}), whatever
 *   the newest snapshot is, so the fund figures as of a day do not depend on the arrival order (one statement more).</li>
 *   <li>An event that breaks its contract (unreadable payload, project or household id that is no UUID, region not 12
 *   digits, unknown stage, an amount that is no decimal) throws {@link PoisonEventException} before anything is
 *   written, so the inbox can isolate it. Types newer than this version are ignored.</li>
 * </ul>
 */
@ApplicationScoped
public class ProjectProjection {

    private static final Logger LOG = Logger.getLogger(ProjectProjection.class);

    @Inject
    ObjectMapper json;
    @Inject
    ProjectFactRepository facts;
    @Inject
    FundProjectPointRepository points;

    /**
     * @param events deduplicated events in record order
     * @throws PoisonEventException when an event violates its contract; nothing is written then
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<InboundEvent> events) {
        List<ProjectSnapshot> snapshots = new ArrayList<>(events.size());
        // the fund figures' project points: every version, whatever the newest snapshot is (first of a version kept)
        Map<String, FundProjectPointRepository.Point> versions = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            ProjectSnapshot s = snapshot(e);
            if (s != null) {
                snapshots.add(s);
                versions.putIfAbsent(s.projectId() + "|" + s.version(), point(e.type(), s));
            } else {
                LOG.debugf("event %s (%s) changes no figure", e.id(), e.type());
            }
        }
        if (snapshots.isEmpty()) {
            return;
        }
        points.insert(List.copyOf(versions.values()));
        Set<UUID> ids = new TreeSet<>();
        snapshots.forEach(s -> ids.add(s.projectId()));
        Map<UUID, ProjectSnapshot> before = facts.lock(ids);
        Map<UUID, ProjectSnapshot> after = new HashMap<>(before);
        for (ProjectSnapshot s : snapshots) {
            after.put(s.projectId(), ProjectSnapshot.merge(after.get(s.projectId()), s));
        }
        List<ProjectSnapshot> changed = new ArrayList<>();
        Set<UUID> listsReplaced = new HashSet<>();
        for (UUID id : ids) {
            ProjectSnapshot was = before.get(id);
            ProjectSnapshot is = after.get(id);
            if (!is.equals(was)) {
                changed.add(is);
                if (was == null ? !is.householdIds().isEmpty() : !was.householdIds().equals(is.householdIds())) {
                    listsReplaced.add(id);
                }
            }
        }
        facts.save(changed, listsReplaced);
    }

    /** The project as the event left it, for the fund figures as of a day ({@link FundFigures.ProjectPoint#validFrom}). */
    private static FundProjectPointRepository.Point point(String type, ProjectSnapshot s) {
        return new FundProjectPointRepository.Point(type, new FundFigures.ProjectPoint(s.projectId().toString(), s.version(),
                FundFigures.ProjectPoint.validFrom(type, s.stageDate(), s.effectiveDate()), s.regionCode(), s.projectYear(),
                s.category(), s.batch(), s.stage(), s.budget()));
    }

    /** The event's snapshot, null for a type that changes no figure. */
    private ProjectSnapshot snapshot(InboundEvent event) {
        long v = event.aggregateVersion();
        try {
            switch (event.type()) {
                case "project.registered.v1": {
                    var e = read(event, ProjectRegisteredV1.class);
                    return snapshot(event, v, e.projectId(), e.projectCode(), e.regionCode(), e.category(), e.projectYear(), e.batch(),
                            e.stage(), e.stageDate(), e.budget(), e.physicalProgress(), e.investmentCompleted(), e.missingFields(),
                            e.effectiveDate(), null);
                }
                case "project.updated.v1": {
                    var e = read(event, ProjectUpdatedV1.class);
                    return snapshot(event, v, e.projectId(), e.projectCode(), e.regionCode(), e.category(), e.projectYear(), e.batch(),
                            e.stage(), e.stageDate(), e.budget(), e.physicalProgress(), e.investmentCompleted(), e.missingFields(),
                            e.effectiveDate(), null);
                }
                case "project.adjusted.v1": {
                    var e = read(event, ProjectAdjustedV1.class);
                    return snapshot(event, v, e.projectId(), e.projectCode(), e.regionCode(), e.category(), e.projectYear(), e.batch(),
                            e.stage(), e.stageDate(), e.budget(), e.physicalProgress(), e.investmentCompleted(), e.missingFields(),
                            e.effectiveDate(), null);
                }
                case "project.stage-changed.v1": {
                    var e = read(event, ProjectStageChangedV1.class);
                    return snapshot(event, v, e.projectId(), e.projectCode(), e.regionCode(), e.category(), e.projectYear(), e.batch(),
                            e.stage(), e.stageDate(), e.budget(), e.physicalProgress(), e.investmentCompleted(), e.missingFields(),
                            e.effectiveDate(), null);
                }
                case "project.progress-reported.v1": {
                    var e = read(event, ProjectProgressReportedV1.class);
                    return snapshot(event, v, e.projectId(), e.projectCode(), e.regionCode(), e.category(), e.projectYear(), e.batch(),
                            e.stage(), e.stageDate(), e.budget(), e.physicalProgress(), e.investmentCompleted(), e.missingFields(),
                            e.effectiveDate(), null);
                }
                case "project.cancelled.v1": {
                    var e = read(event, ProjectCancelledV1.class);
                    return snapshot(event, v, e.projectId(), e.projectCode(), e.regionCode(), e.category(), e.projectYear(), e.batch(),
                            e.stage(), e.stageDate(), e.budget(), e.physicalProgress(), e.investmentCompleted(), e.missingFields(),
                            e.effectiveDate(), null);
                }
                case "project.beneficiaries-changed.v1": {
                    var e = read(event, ProjectBeneficiariesChangedV1.class);
                    Set<UUID> households = new LinkedHashSet<>();
                    for (String h : e.householdIds() == null ? List.<String>of() : e.householdIds()) {
                        households.add(uuid(h, "household"));
                    }
                    return snapshot(event, v, e.projectId(), e.projectCode(), e.regionCode(), e.category(), e.projectYear(), e.batch(),
                            e.stage(), e.stageDate(), e.budget(), e.physicalProgress(), e.investmentCompleted(), e.missingFields(),
                            e.effectiveDate(), households);
                }
                default:
                    return null; // a type newer than this version: no figure depends on it yet
            }
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof PoisonEventException p) {
                throw p;
            }
            throw new PoisonEventException("malformed " + event.type() + " event " + event.id() + ": " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static ProjectSnapshot snapshot(InboundEvent event, long version, String projectId, String code, String region,
                                            String category, int year, String batch, String stage, LocalDate stageDate,
                                            Map<String, String> budget, String progress, String investment,
                                            List<String> missingFields, LocalDate effectiveDate, Set<UUID> households) {
        UUID id = uuid(projectId, "project");
        Map<String, BigDecimal> amounts = new HashMap<>();
        if (budget != null) {
            budget.forEach((source, amount) -> amounts.put(source, new BigDecimal(amount)));
        }
        return new ProjectSnapshot(id, code, region, category, year, batch, stage, stageDate, amounts,
                progress == null ? null : new BigDecimal(progress), investment == null ? null : new BigDecimal(investment),
                missingFields, effectiveDate, version, households, households == null ? 0 : version);
    }

    private <T> T read(InboundEvent event, Class<T> type) throws JsonProcessingException {
        if (event.payload() == null) {
            throw new PoisonEventException(event.type() + " event " + event.id() + " without payload");
        }
        return json.readValue(event.payload(), type);
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(what + " id is not a UUID: " + id, e);
        }
    }
}
