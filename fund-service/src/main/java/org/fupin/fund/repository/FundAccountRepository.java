package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FundAccountRepository implements PanacheRepositoryBase<FundAccountEntity, FundAccountEntity.Key> {

    /**
     * The account, its row locked until the transaction ends ({@code select … for update}); empty when the project has no
     * money of the source yet. Lock several accounts in {@code AccountKey} order (project id, then source).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FundAccountEntity> lock(UUID projectId, String source) {
        return findByIdOptional(new FundAccountEntity.Key(projectId, source), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every account of a project, by source. */
    public List<FundAccountEntity> ofProject(UUID projectId) {
        return list("projectId = ?1 order by fundSource", projectId);
    }
}
