package org.fupin.project.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.usecase.AggregateChange;
import org.fupin.platform.usecase.ChangeRecorder;
import org.fupin.project.domain.Change;
import org.fupin.project.domain.ProjectLifecycle;
import org.fupin.project.repository.Project;
import org.fupin.project.repository.ProjectHistory;
import org.fupin.project.repository.ProjectHistoryRepository;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Saves a change the domain decided: copies the lifecycle's new values onto the project, bumps its version (a new
 * project starts at 1), writes its history line (with each field before and after), then hands the events (one outbox
 * row per event: topic {@code fupin.project.v1}, key = project id, the version, the business date) and the audit line
 * to the platform's {@link ChangeRecorder}, all in the use case's transaction.
 */
@ApplicationScoped
public class ProjectChanges {

    /** The aggregate type of audit lines and outbox rows. */
    public static final String AGGREGATE = "project";

    @Inject
    ProjectHistoryRepository history;
    @Inject
    ChangeRecorder recorder;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;

    /** A change of a stored project: version + 1. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Project p, ProjectLifecycle lifecycle, Change change, Map<String, String> codesById) {
        p.apply(lifecycle, codesById);
        p.version++;
        p.updatedAt = OffsetDateTime.now();
        p.updatedBy = audit.actor();
        recorded(p, change);
    }

    /** The change that entered a new project, already persisted at version 1. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveNew(Project p, Change change) {
        recorded(p, change);
    }

    private void recorded(Project p, Change change) {
        ProjectHistory line = new ProjectHistory();
        line.projectId = p.id;
        line.at = OffsetDateTime.now();
        line.actor = audit.actor();
        line.action = change.action();
        line.fromStage = change.from() == null ? null : change.from().name();
        line.toStage = change.to().name();
        line.effectiveDate = change.effectiveDate();
        line.remarks = change.remarks();
        try {
            line.changes = change.fieldChanges().isEmpty() ? null : json.writeValueAsString(change.fieldChanges());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        history.persist(line);
        recorder.record(new AggregateChange(AGGREGATE, p.id.toString(), p.version, p.regionCode, change.effectiveDate(),
                "project." + change.action(), p.projectCode + ": " + change.auditDetail(), change.events()));
    }
}
