package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

/** One linked object of an issue: its kind and id. */
@Embeddable
public class IssueLink {
    public static final String HOUSEHOLD = "household";
    public static final String PROJECT = "project";
    public static final String FUND_DOCUMENT = "fund-document";

    public String kind;
    @Column(name = "object_id")
    public UUID objectId;

    static IssueLink of(String kind, String id) {
        IssueLink l = new IssueLink();
        l.kind = kind;
        l.objectId = UUID.fromString(id);
        return l;
    }
}
