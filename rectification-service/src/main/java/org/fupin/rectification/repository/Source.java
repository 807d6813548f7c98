package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fupin.rectification.domain.FindingSource;
import org.fupin.rectification.domain.SourceType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A source of findings (问题来源) as stored: an inspection, assessment, audit, supervision or self-check document of a
 * region, or the standing source of one system-check rule ({@link #systemRule}, region prefix '' = every region).
 */
@Entity
@Table(name = "finding_source")
public class Source {
    @Id
    public UUID id;
    @Column(name = "source_type")
    public String sourceType;
    @Column(name = "issuing_body")
    public String issuingBody;
    @Column(name = "document_number")
    public String documentNumber;
    @Column(name = "document_date")
    public LocalDate documentDate;
    /** The inspected region (12-digit code); null for a system-check source. */
    @Column(name = "region_code")
    public String regionCode;
    /** The significant prefix of the inspected region: issues of the source lie inside it ('' = everywhere). */
    @Column(name = "region_prefix")
    public String regionPrefix;
    @Column(name = "system_rule")
    public String systemRule;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    /** The source as the rules see it. */
    public FindingSource domain() {
        SourceType type = SourceType.fromCode(sourceType)
                .orElseThrow(() -> new IllegalStateException("unknown source type " + sourceType));
        return new FindingSource(id.toString(), type, issuingBody, documentNumber, documentDate);
    }
}
