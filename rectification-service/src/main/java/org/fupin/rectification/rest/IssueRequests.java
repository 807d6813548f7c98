package org.fupin.rectification.rest;

import org.fupin.rectification.domain.IssueTerm;
import org.fupin.rectification.service.IssueCommands;

import java.time.LocalDate;
import java.util.List;

/** The JSON bodies of the rectification API. */
public final class IssueRequests {
    private IssueRequests() {
    }

    /** A source document (问题来源). */
    public record NewSource(String type, String issuingBody, String documentNumber, LocalDate date, String regionCode) {
        IssueCommands.NewSource toCommand() {
            return new IssueCommands.NewSource(type, issuingBody, documentNumber, date, regionCode);
        }
    }

    /** An issue raised from a source (问题清单的一条). */
    public record Raise(String sourceId, String description, String category, String regionCode,
                        IssueCommands.Links links, String leadUnit, List<String> coUnits, LocalDate deadline,
                        IssueTerm term, String measures, List<IssueCommands.MilestonePlan> milestones, LocalDate date) {
        IssueCommands.Raise toCommand() {
            return new IssueCommands.Raise(sourceId, description, category, regionCode, links, leadUnit, coUnits, deadline,
                    term, measures, milestones, date);
        }
    }

    public record Acceptance(LocalDate date, String remark) {
        IssueCommands.Acceptance toCommand() {
            return new IssueCommands.Acceptance(date, remark);
        }
    }

    /** A ledger entry or a report naming evidence files already uploaded. */
    public record Entry(LocalDate date, String text, List<String> evidenceIds, Integer milestoneNumber) {
        IssueCommands.Entry toCommand() {
            return new IssueCommands.Entry(date, text, evidenceIds, milestoneNumber, List.of());
        }
    }

    public record Closure(LocalDate date, String closingRemark) {
        IssueCommands.Closure toCommand() {
            return new IssueCommands.Closure(date, closingRemark);
        }
    }

    public record Return(LocalDate date, String reason) {
        IssueCommands.Return toCommand() {
            return new IssueCommands.Return(date, reason);
        }
    }

    public record Extension(LocalDate deadline, String reason, String approver, LocalDate date) {
        IssueCommands.Extension toCommand() {
            return new IssueCommands.Extension(deadline, reason, approver, date);
        }
    }
}
