package org.fupin.rectification.domain;

import java.util.List;

/**
 * The kinds of evidence file (佐证材料) accepted, each with the content type stored and served and the file-name
 * extensions that may name it. The type is always detected from the bytes ({@link EvidenceInspector}), never taken from
 * the client's Content-Type or file name.
 */
public enum EvidenceType {
    PDF("application/pdf", List.of("pdf")),
    PNG("image/png", List.of("png")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx")),
    DOC("application/msword", List.of("doc")),
    XLS("application/vnd.ms-excel", List.of("xls")),
    PPT("application/vnd.ms-powerpoint", List.of("ppt"));

    private final String contentType;
    private final List<String> extensions;

    EvidenceType(String contentType, List<String> extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    public List<String> extensions() {
        return extensions;
    }
}
