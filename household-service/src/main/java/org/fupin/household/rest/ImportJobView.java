package org.fupin.household.rest;

import org.fupin.household.service.ImportJobProgress;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Progress of an import job: processed = accepted + rejected, out of total. */
public record ImportJobView(UUID id, String state, String format, int total, long processed, long accepted, long rejected,
                            String submittedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {

    public static ImportJobView of(ImportJobProgress p) {
        return new ImportJobView(p.id(), p.state(), p.format(), p.total(), p.processed(), p.accepted(), p.rejected(),
                p.submittedBy(), p.createdAt(), p.finishedAt());
    }
}
