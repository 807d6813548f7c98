package org.fupin.rectification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where findings come from (问题来源). The codes are the API's and the events' ({@code sourceType}); the first four are the
 * rows of the {@code finding_source_type} table (migration V1), self-check and system-check are new (the service's next
 * migration adds their rows).
 */
public enum SourceType {
    /** 巡视. */
    INSPECTION("inspection", "巡视"),
    /** 考核 (e.g. the annual effectiveness assessment). */
    ASSESSMENT("assessment", "考核"),
    /** 审计. */
    AUDIT("audit", "审计"),
    /** 督查. */
    SUPERVISION("supervision", "督查"),
    /** 自查: the office's own check. */
    SELF_CHECK("self-check", "自查"),
    /** 系统核查: raised by the automatic rules of this service only, never entered by a person. */
    SYSTEM_CHECK("system-check", "系统核查");

    private final String code;
    private final String nameZh;

    SourceType(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<SourceType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
