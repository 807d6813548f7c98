package org.fupin.rectification.service;

import org.fupin.rectification.domain.IssueTerm;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** What the use cases take, as the API received it (shape only; the domain checks the values). */
public final class IssueCommands {
    private IssueCommands() {
    }

    public record NewSource(String type, String issuingBody, String documentNumber, LocalDate date, String regionCode) {
    }

    public record Links(List<String> householdIds, List<String> projectIds, List<String> fundDocumentIds) {
    }

    public record MilestonePlan(String description, LocalDate dueDate) {
    }

    public record Raise(String sourceId, String description, String category, String regionCode, Links links,
                        String leadUnit, List<String> coUnits, LocalDate deadline, IssueTerm term, String measures,
                        List<MilestonePlan> milestones, LocalDate date) {
    }

    public record Acceptance(LocalDate date, String remark) {
    }

    /** A ledger entry or a report; {@code files} are uploaded with it and named after {@code evidenceIds}. */
    public record Entry(LocalDate date, String text, List<String> evidenceIds, Integer milestoneNumber,
                        List<Upload> files) {
        public Entry {
            evidenceIds = evidenceIds == null ? List.of() : evidenceIds;
            files = files == null ? List.of() : files;
        }
    }

    /** An uploaded file as the HTTP layer spooled it: the client's file name and where the bytes are. */
    public record Upload(String fileName, Path file) {
    }

    public record Closure(LocalDate date, String closingRemark) {
    }

    public record Return(LocalDate date, String reason) {
    }

    public record Extension(LocalDate deadline, String reason, String approver, LocalDate date) {
    }
}
