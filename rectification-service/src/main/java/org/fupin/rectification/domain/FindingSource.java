package org.fupin.rectification.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A source of findings (问题来源): an inspection, assessment, audit, supervision visit or self-check, with the issuing
 * body (e.g. 省委第三巡视组), its document number (e.g. "X扶组〔2021〕2号") and the document's date; or the standing source of
 * one system-check rule ({@link #systemCheck}). Issues belong to one source.
 */
public record FindingSource(String id, SourceType type, String issuingBody, String documentNumber, LocalDate date) {

    public static final int MAX_BODY = 200;
    public static final int MAX_DOCUMENT_NUMBER = 100;
    /** What a system-check source names as its issuing body. */
    public static final String SYSTEM_BODY = "系统核查";

    /**
     * A source entered by an inspector on {@code today}: every field required, the date not after today, and never the
     * system-check type (400 naming each wrong field).
     */
    public static FindingSource entered(String id, String typeCode, String issuingBody, String documentNumber,
                                        LocalDate date, LocalDate today) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        SourceType type = null;
        if (typeCode == null || typeCode.isBlank()) {
            errors.add(new Refusal.FieldError("type", "is required"));
        } else {
            type = SourceType.fromCode(typeCode.trim()).orElse(null);
            if (type == null) {
                errors.add(new Refusal.FieldError("type", "unknown source type; one of inspection, assessment, audit, "
                        + "supervision, self-check"));
            } else if (type == SourceType.SYSTEM_CHECK) {
                errors.add(new Refusal.FieldError("type", "system-check sources are kept by the automatic rules only"));
            }
        }
        String body = Texts.required(issuingBody, "issuingBody", MAX_BODY, errors);
        String number = Texts.required(documentNumber, "documentNumber", MAX_DOCUMENT_NUMBER, errors);
        if (date == null) {
            errors.add(new Refusal.FieldError("date", "is required: the date of the source document"));
        } else if (date.isAfter(today)) {
            errors.add(new Refusal.FieldError("date", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new FindingSource(id, type, body, number, date);
    }

    /** The standing source of a system-check rule: body 系统核查, document number = the rule's code. */
    public static FindingSource systemCheck(String id, SystemCheckRule rule, LocalDate since) {
        return new FindingSource(id, SourceType.SYSTEM_CHECK, SYSTEM_BODY, rule.code(), since);
    }
}
