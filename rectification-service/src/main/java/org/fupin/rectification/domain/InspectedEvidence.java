package org.fupin.rectification.domain;

/**
 * An evidence file that passed the checks: its cleaned file name, the type detected from its bytes (the content type to
 * store and serve), its size, and the SHA-256 of its bytes (lower-case hex) to store and show beside it.
 */
public record InspectedEvidence(String fileName, EvidenceType type, long size, String sha256) {

    public String contentType() {
        return type.contentType();
    }
}
