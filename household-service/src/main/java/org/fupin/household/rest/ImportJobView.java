package org.fupin.household.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Progress of an import job: processed = accepted + rejected, out of total. */
public record ImportJobView(UUID id, String state, String format, int total, long processed, long accepted, long rejected,
                            String submittedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
}
