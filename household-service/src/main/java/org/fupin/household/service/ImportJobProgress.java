package org.fupin.household.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Progress of an import job: processed = accepted + rejected, out of total. */
public record ImportJobProgress(UUID id, String state, String format, int total, long processed, long accepted, long rejected,
                                String submittedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
}
