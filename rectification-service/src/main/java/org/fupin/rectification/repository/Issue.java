package org.fupin.rectification.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.fupin.rectification.domain.IssueData;
import org.fupin.rectification.domain.IssueLifecycle;
import org.fupin.rectification.domain.IssueLinks;
import org.fupin.rectification.domain.IssueState;
import org.fupin.rectification.domain.IssueTerm;
import org.fupin.rectification.domain.IssueUnits;
import org.fupin.rectification.domain.Milestone;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A rectification issue as stored: the record and where it stands. The rules live in {@link IssueLifecycle}; the
 * service hands it these values and copies back what it decided ({@link #apply}). The ledger, extensions, milestones and
 * history are rows of their own tables (insert-only, milestones marked reached).
 */
@Entity
@Table(name = "rectification_issue")
public class Issue {
    @Id
    public UUID id;
    @Column(name = "source_id")
    public UUID sourceId;
    @Column(name = "finding_key")
    public String findingKey;
    public String description;
    public String category;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "lead_unit")
    public String leadUnit;
    @Enumerated(EnumType.STRING)
    public IssueTerm term;
    public String measures;
    @Enumerated(EnumType.STRING)
    public IssueState state;
    @Column(name = "raised_on")
    public LocalDate raisedOn;
    @Column(name = "original_deadline")
    public LocalDate originalDeadline;
    public LocalDate deadline;
    @Column(name = "return_count")
    public int returnCount;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "closing_remark")
    public String closingRemark;
    /** Aggregate version: 1 when raised, +1 per change; the ETag and the events' ce_aggregateversion. */
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    /** 配合单位, in the order given (written when raised). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "issue_co_unit", joinColumns = @JoinColumn(name = "issue_id"))
    @OrderColumn(name = "position")
    @Column(name = "unit")
    public List<String> coUnits = new ArrayList<>();

    /** Linked households, projects and fund documents (written when raised). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "issue_link", joinColumns = @JoinColumn(name = "issue_id"))
    @OrderColumn(name = "position")
    public List<IssueLink> links = new ArrayList<>();

    public IssueUnits units() {
        return new IssueUnits(leadUnit, coUnits);
    }

    public IssueLinks issueLinks() {
        return new IssueLinks(ids(IssueLink.HOUSEHOLD), ids(IssueLink.PROJECT), ids(IssueLink.FUND_DOCUMENT));
    }

    private List<String> ids(String kind) {
        return links.stream().filter(l -> l.kind.equals(kind)).map(l -> l.objectId.toString()).toList();
    }

    /** The record as the domain sees it; milestones come from their rows. */
    public IssueData data(List<Milestone> milestones) {
        return new IssueData(description, category, regionCode, issueLinks(), units(), originalDeadline, term, measures,
                milestones.stream().map(m -> new Milestone.Plan(m.description(), m.dueDate())).toList());
    }

    /** Copies what the domain decided: the record when raised, and the status after every step. */
    public void apply(IssueLifecycle l) {
        IssueData d = l.data();
        IssueLifecycle.Status s = l.status();
        if (description == null) {
            description = d.description();
            category = d.category();
            regionCode = d.regionCode();
            leadUnit = d.units().leadUnit();
            term = d.term();
            measures = d.measures();
            coUnits = new ArrayList<>(d.units().coUnits());
            links = new ArrayList<>();
            d.links().householdIds().forEach(h -> links.add(IssueLink.of(IssueLink.HOUSEHOLD, h)));
            d.links().projectIds().forEach(p -> links.add(IssueLink.of(IssueLink.PROJECT, p)));
            d.links().fundDocumentIds().forEach(f -> links.add(IssueLink.of(IssueLink.FUND_DOCUMENT, f)));
        }
        state = s.state();
        raisedOn = s.raisedOn();
        originalDeadline = s.originalDeadline();
        deadline = s.deadline();
        returnCount = s.returnCount();
        closedOn = s.closedOn();
        closingRemark = s.closingRemark();
    }
}
