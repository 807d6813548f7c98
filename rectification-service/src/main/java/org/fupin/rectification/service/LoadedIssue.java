package org.fupin.rectification.service;

import org.fupin.rectification.domain.IssueLifecycle;
import org.fupin.rectification.domain.Milestone;
import org.fupin.rectification.repository.ExtensionRow;
import org.fupin.rectification.repository.HistoryRow;
import org.fupin.rectification.repository.Issue;
import org.fupin.rectification.repository.LedgerEntryRow;
import org.fupin.rectification.repository.MilestoneRow;
import org.fupin.rectification.repository.Source;

import java.util.List;

/** An issue with its source and its rows, as loaded for a use case or a view; {@link #lifecycle} is the domain's view. */
public record LoadedIssue(Issue issue, Source source, List<LedgerEntryRow> ledger, List<ExtensionRow> extensions,
                          List<MilestoneRow> milestones, List<HistoryRow> history) {

    public IssueLifecycle lifecycle() {
        List<Milestone> ms = milestones.stream().map(MilestoneRow::domain).toList();
        IssueLifecycle.Status status = new IssueLifecycle.Status(issue.state, issue.raisedOn, issue.originalDeadline,
                issue.deadline, issue.returnCount, issue.closedOn, issue.closingRemark,
                ledger.stream().map(LedgerEntryRow::domain).toList(), extensions.stream().map(ExtensionRow::domain).toList(),
                ms, history.stream().map(HistoryRow::domain).toList());
        return new IssueLifecycle(issue.id.toString(), source.domain(), issue.findingKey, issue.data(ms), status);
    }
}
