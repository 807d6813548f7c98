package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AllocationDocumentRepository implements PanacheRepositoryBase<AllocationDocumentEntity, UUID> {

    /** The document, its row locked until the transaction ends (lines of one document are added one request at a time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AllocationDocumentEntity> lockById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The document of this number, receiving county and source (unique), if recorded. */
    public Optional<AllocationDocumentEntity> findByNumber(String receivingCounty, String documentNumber, String source) {
        return find("receivingCounty = ?1 and documentNumber = ?2 and fundSource = ?3", receivingCounty, documentNumber, source)
                .firstResultOptional();
    }
}
