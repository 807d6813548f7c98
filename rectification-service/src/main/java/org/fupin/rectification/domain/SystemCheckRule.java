package org.fupin.rectification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The automatic rules of 系统核查 (no other system does this), each with its code (in finding keys, the source's document
 * number and configuration), the kind of object it looks at, and the category its issues get.
 */
public enum SystemCheckRule {
    /** A project record still incomplete (项目信息不完整) N days after entry into the library. */
    PROJECT_INCOMPLETE("project-incomplete", ObjectKind.PROJECT, "project-management"),
    /** A project past its planned end date and not completed (逾期未完工). */
    PROJECT_OVERDUE("project-overdue", ObjectKind.PROJECT, "project-management"),
    /** A project completed more than N days ago whose reimbursement (报账) is below X % of its implemented amount. */
    PROJECT_REIMBURSEMENT_LOW("project-reimbursement-low", ObjectKind.PROJECT, "fund-management"),
    /** A registered household without a responsible cadre (帮扶责任人) N days after registration. */
    HOUSEHOLD_WITHOUT_CADRE("household-without-cadre", ObjectKind.HOUSEHOLD, "policy-implementation"),
    /** A monitored household (监测对象) without an assistance measure N days after monitoring started. */
    MONITORED_WITHOUT_MEASURE("monitored-without-measure", ObjectKind.HOUSEHOLD, "policy-implementation");

    public enum ObjectKind { PROJECT, HOUSEHOLD }

    private final String code;
    private final ObjectKind objectKind;
    private final String category;

    SystemCheckRule(String code, ObjectKind objectKind, String category) {
        this.code = code;
        this.objectKind = objectKind;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public ObjectKind objectKind() {
        return objectKind;
    }

    /** The default category of the rule's issues (one of {@link RectificationRules#DEFAULT_CATEGORIES}). */
    public String category() {
        return category;
    }

    /** The deduplication key of the rule's finding about one object: {@code <rule code>:<object id>}. */
    public String keyFor(String objectId) {
        return code + ":" + objectId;
    }

    public static Optional<SystemCheckRule> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
