package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An evidence file (佐证材料) of an issue: the bytes as uploaded, with the content type detected from them, their size and
 * SHA-256. Loaded whole only to be served; lists read {@link EvidenceFileRepository.Meta}.
 */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile {
    @Id
    public UUID id;
    @Column(name = "issue_id")
    public UUID issueId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    public byte[] content;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_unit")
    public String uploadedUnit;
}
