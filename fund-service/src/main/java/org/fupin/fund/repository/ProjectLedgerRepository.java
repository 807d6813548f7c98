package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.UUID;

@ApplicationScoped
public class ProjectLedgerRepository implements PanacheRepositoryBase<ProjectLedgerEntity, UUID> {

    /**
     * The project's ledger version after one more posting (the row is created at 1 on the project's first posting). Called
     * under the project replica row's lock, so two postings of one project never take the same version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long next(UUID projectId, String countyCode) {
        ProjectLedgerEntity l = findByIdOptional(projectId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (l == null) {
            l = new ProjectLedgerEntity();
            l.projectId = projectId;
            l.countyCode = countyCode;
            l.version = 1;
            persist(l);
            return 1;
        }
        return ++l.version;
    }

    /** The project's ledger version now, 0 when no money ever moved for it. */
    public long current(UUID projectId) {
        return findByIdOptional(projectId).map(l -> l.version).orElse(0L);
    }
}
