package org.fupin.fund.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LedgerEntryRepository implements PanacheRepositoryBase<LedgerEntryEntity, UUID> {

    /** The account's entries dated after a day (what a back-dated entry must not uncover), oldest first. */
    public List<LedgerEntryEntity> after(UUID projectId, String source, LocalDate day) {
        return list("projectId = ?1 and fundSource = ?2 and businessDate > ?3 order by businessDate, recordedAt",
                projectId, source, day);
    }

    /** Whether the county already has a voucher (reversed or not) of this number. */
    public boolean voucherTaken(String countyCode, String number) {
        return count("kind = 'REIMBURSEMENT' and countyCode = ?1 and number = ?2", countyCode, number) > 0;
    }

    /** The voucher (REIMBURSEMENT entry) of this number in the county, if recorded. */
    public Optional<LedgerEntryEntity> voucher(String countyCode, String number) {
        return find("kind = 'REIMBURSEMENT' and countyCode = ?1 and number = ?2", countyCode, number).firstResultOptional();
    }

    /** Whether a reversal of this voucher entry exists. */
    public boolean reversed(UUID voucherId) {
        return count("kind = 'REVERSAL' and referenceId = ?1", voucherId) > 0;
    }

    /** The ALLOCATION entries (lines) of a document, in the order they were recorded. */
    public List<LedgerEntryEntity> linesOf(UUID documentId) {
        return list("documentId = ?1 and kind = 'ALLOCATION' order by recordedAt, id", documentId);
    }

    /** The two entries of an adjustment (OUT first). */
    public List<LedgerEntryEntity> adjustment(UUID adjustmentId) {
        return list("referenceId = ?1 and kind in ('ADJUSTMENT_OUT', 'ADJUSTMENT_IN') order by kind desc", adjustmentId);
    }
}
