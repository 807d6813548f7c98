package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.rectification.domain.Actor;
import org.fupin.rectification.domain.DeadlineExtension;
import org.fupin.rectification.domain.IssueLifecycle;
import org.fupin.rectification.domain.IssueLinks;
import org.fupin.rectification.domain.IssueState;
import org.fupin.rectification.domain.IssueStep;
import org.fupin.rectification.domain.LedgerEntry;
import org.fupin.rectification.domain.Milestone;
import org.fupin.rectification.domain.RectificationRules;
import org.fupin.rectification.domain.Transition;
import org.fupin.rectification.repository.EvidenceFileRepository;
import org.fupin.rectification.repository.Issue;
import org.fupin.rectification.repository.Source;
import org.fupin.rectification.repository.SourceRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the API shows of sources and issues. */
@ApplicationScoped
public class IssueViews {

    @Inject
    EvidenceFileRepository evidence;
    @Inject
    SourceRepository sources;
    @Inject
    RulesProvider rules;

    public record SourceView(UUID id, String type, String issuingBody, String documentNumber, LocalDate date,
                             String regionCode, String systemRule) {
    }

    public record EvidenceView(UUID id, String fileName, String contentType, long size, String sha256,
                               OffsetDateTime uploadedAt, String uploadedBy, String unit) {
    }

    public record LedgerLine(int number, LocalDate date, String text, LedgerEntry.Kind kind, String recordedBy, String unit,
                             Integer milestoneNumber, List<EvidenceView> evidence) {
    }

    public record MilestoneView(int number, String description, LocalDate dueDate, LocalDate reachedOn,
                                Integer entryNumber, boolean overdue) {
    }

    /**
     * An issue with everything about it, and what holds on {@code day} (default today): overdue, the deadline in force,
     * for a long-term issue the periodic progress due and whether it is on schedule; the steps the caller may take now.
     */
    public record IssueDetails(UUID id, long version, SourceView source, String findingKey, String description,
                               String category, String regionCode, IssueLinks links, String leadUnit, List<String> coUnits,
                               String term, String measures, IssueState state, LocalDate raisedOn,
                               LocalDate originalDeadline, LocalDate deadline, int returnCount, LocalDate closedOn,
                               String closingRemark, Boolean closedOnTime, LocalDate day, boolean overdue,
                               LocalDate deadlineOnDay, LocalDate nextProgressDue, boolean progressLate,
                               Boolean onSchedule, List<IssueStep> allowedSteps, List<MilestoneView> milestones,
                               List<LedgerLine> ledger, List<DeadlineExtension> extensions, List<Transition> history,
                               List<EvidenceView> evidence) {
    }

    /** One line of a list; {@code overdue} on the day asked (default today). */
    public record IssueSummary(UUID id, long version, UUID sourceId, String findingKey, String category,
                               String regionCode, String leadUnit, List<String> coUnits, String term, IssueState state,
                               LocalDate raisedOn, LocalDate deadline, int returnCount, LocalDate closedOn,
                               boolean overdue, String description) {
    }

    public SourceView source(Source s) {
        return new SourceView(s.id, s.sourceType, s.issuingBody, s.documentNumber, s.documentDate, s.regionCode,
                s.systemRule);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public IssueDetails details(LoadedIssue loaded, Actor actor, LocalDate day) {
        IssueLifecycle l = loaded.lifecycle();
        Issue i = loaded.issue();
        RectificationRules r = rules.rules();
        List<EvidenceView> files = evidence.metaOf(i.id).stream().map(IssueViews::evidence).toList();
        Map<String, EvidenceView> byId = files.stream().collect(Collectors.toMap(e -> e.id().toString(), Function.identity()));
        List<LedgerLine> ledger = l.ledger().stream().map(e -> new LedgerLine(e.number(), e.date(), e.text(), e.kind(),
                e.recordedBy(), e.unit(), e.milestoneNumber(), e.evidenceIds().stream().map(byId::get).toList())).toList();
        List<MilestoneView> ms = l.milestones().stream().map(m -> milestone(m, day)).toList();
        boolean raised = !day.isBefore(l.raisedOn());
        return new IssueDetails(i.id, i.version, source(loaded.source()), i.findingKey, i.description, i.category,
                i.regionCode, l.data().links(), i.leadUnit, List.copyOf(i.coUnits), i.term.name(), i.measures, i.state,
                i.raisedOn, i.originalDeadline, i.deadline, i.returnCount, i.closedOn, i.closingRemark, l.closedOnTime(),
                day, l.isOverdueOn(day), raised ? l.deadlineOn(day) : null, l.nextProgressDue(r),
                l.isProgressLateOn(day, r), l.isOnScheduleOn(day, r), l.allowedStepsFor(actor), ms, ledger,
                l.extensions(), l.history(), files);
    }

    public IssueSummary summary(Issue i, boolean overdue) {
        return new IssueSummary(i.id, i.version, i.sourceId, i.findingKey, i.category, i.regionCode, i.leadUnit,
                List.copyOf(i.coUnits), i.term.name(), i.state, i.raisedOn, i.deadline, i.returnCount, i.closedOn, overdue,
                i.description);
    }

    static EvidenceView evidence(EvidenceFileRepository.Meta m) {
        return new EvidenceView(m.id(), m.fileName(), m.contentType(), m.sizeBytes(), m.sha256(), m.uploadedAt(),
                m.uploadedBy(), m.uploadedUnit());
    }

    private static MilestoneView milestone(Milestone m, LocalDate day) {
        return new MilestoneView(m.number(), m.description(), m.dueDate(), m.reachedOn(), m.entryNumber(), m.isOverdueOn(day));
    }
}
