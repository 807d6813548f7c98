package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.audit.AuditTrail;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.rectification.domain.ActorKind;
import org.fupin.rectification.domain.FindingSource;
import org.fupin.rectification.domain.Regions;
import org.fupin.rectification.domain.SourceType;
import org.fupin.rectification.repository.Source;
import org.fupin.rectification.repository.SourceRepository;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Sources of findings (问题来源): an inspector enters the document (type, issuing body, number, date) for a region inside
 * their own; issues are raised from it inside that region. A caller sees the sources of regions inside its own and those
 * whose region contains it (a provincial inspection is seen by the counties it covered); system-check sources by all.
 */
@ApplicationScoped
public class SourceService {

    @Inject
    SourceRepository sources;
    @Inject
    IssueViews views;
    @Inject
    RegionScope region;
    @Inject
    Actors actors;
    @Inject
    Idempotency idempotency;
    @Inject
    AuditTrail audit;

    @Transactional
    public IssueViews.SourceView create(IssueCommands.NewSource s, String idempotencyKey) {
        if (!actors.current().is(ActorKind.INSPECTOR)) {
            throw ApiProblem.forbidden("Sources are entered by a rectification-inspector.");
        }
        UUID id = UUID.randomUUID();
        FindingSource source = Refusals.decide(null, () -> FindingSource.entered(id.toString(), s.type(), s.issuingBody(),
                s.documentNumber(), s.date(), Refusals.today()));
        if (s.regionCode() == null || !Regions.isCode(s.regionCode())) {
            throw ApiProblem.validation("regionCode", "is required: the 12-digit code of the inspected region");
        }
        region.requireWritable(s.regionCode(), "regionCode");
        Optional<String> earlier = idempotency.reserve(idempotencyKey, "finding-source.create", s);
        if (earlier.isPresent()) {
            return views.source(visible(UUID.fromString(earlier.get())));
        }
        if (sources.documentTaken(source.issuingBody(), source.documentNumber())) {
            throw ApiProblem.conflict("Document " + source.documentNumber() + " of " + source.issuingBody()
                    + " is already entered.").withField("documentNumber");
        }
        Source row = new Source();
        row.id = id;
        row.sourceType = source.type().code();
        row.issuingBody = source.issuingBody();
        row.documentNumber = source.documentNumber();
        row.documentDate = source.date();
        row.regionCode = s.regionCode();
        row.regionPrefix = Regions.prefix(s.regionCode());
        row.createdAt = OffsetDateTime.now();
        row.createdBy = audit.actor();
        sources.persist(row);
        audit.record("finding-source.created", "finding-source", id.toString(), row.regionCode,
                row.sourceType + " " + row.issuingBody + " " + row.documentNumber + "; effective " + row.documentDate);
        idempotency.complete(idempotencyKey, "finding-source.create", id.toString());
        return views.source(row);
    }

    @Transactional
    public IssueViews.SourceView get(UUID id) {
        return views.source(visible(id));
    }

    @Transactional
    public ResultPage<IssueViews.SourceView> list(String type, int page, int size) {
        if (type != null && SourceType.fromCode(type).isEmpty()) {
            throw ApiProblem.validation("type", "unknown source type");
        }
        var q = sources.visible(region.prefix(), type).page(page, size);
        return new ResultPage<>(q.list().stream().map(views::source).toList(), page, size, q.count());
    }

    /** A source the caller may see and raise issues from, else 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Source visible(UUID id) {
        Source s = sources.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("source", id));
        String mine = region.prefix();
        if (!(s.regionPrefix.startsWith(mine) || mine.startsWith(s.regionPrefix))) {
            throw ApiProblem.notFound("source", id);
        }
        return s;
    }
}
