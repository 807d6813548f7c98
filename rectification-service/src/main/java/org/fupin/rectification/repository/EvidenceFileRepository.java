package org.fupin.rectification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class EvidenceFileRepository implements PanacheRepositoryBase<EvidenceFile, UUID> {

    /** What a list shows of a file: everything but its bytes. */
    public record Meta(UUID id, UUID issueId, String fileName, String contentType, long sizeBytes, String sha256,
                       OffsetDateTime uploadedAt, String uploadedBy, String uploadedUnit) {
    }

    private static final String META = "select new org.fupin.rectification.repository.EvidenceFileRepository$Meta("
            + "e.id, e.issueId, e.fileName, e.contentType, e.sizeBytes, e.sha256, e.uploadedAt, e.uploadedBy, e.uploadedUnit)"
            + " from EvidenceFile e ";

    public List<Meta> metaOf(UUID issueId) {
        return getEntityManager().createQuery(META + "where e.issueId = :issue order by e.uploadedAt, e.id", Meta.class)
                .setParameter("issue", issueId).getResultList();
    }

    /** Which of the ids are evidence files of the issue. */
    public Set<UUID> existing(UUID issueId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select e.id from EvidenceFile e where e.issueId = :issue and e.id in :ids",
                UUID.class).setParameter("issue", issueId).setParameter("ids", ids).getResultList());
    }

    public Optional<EvidenceFile> ofIssue(UUID issueId, UUID id) {
        return find("issueId = ?1 and id = ?2", issueId, id).firstResultOptional();
    }
}
