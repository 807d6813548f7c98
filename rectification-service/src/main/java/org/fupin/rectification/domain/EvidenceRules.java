package org.fupin.rectification.domain;

/**
 * Configuration of evidence uploads: the size limit per file in bytes (default 20 MiB) and the longest file name kept.
 */
public record EvidenceRules(long maxBytes, int maxFileNameLength) {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    public EvidenceRules {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("evidence size limit must be between 1 byte and 2 GiB");
        }
        if (maxFileNameLength < 1) {
            throw new IllegalArgumentException("file name length must be positive");
        }
    }

    public static EvidenceRules defaults() {
        return new EvidenceRules(DEFAULT_MAX_BYTES, 255);
    }
}
