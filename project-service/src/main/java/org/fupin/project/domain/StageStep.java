package org.fupin.project.domain;

/** The lifecycle steps an approver records, each with who, the date, a document number and remarks. */
public enum StageStep {
    /** 前期审批: the approval document number is required. */
    PRE_APPROVAL(ProjectStage.PRE_APPROVAL_DONE),
    /** 招投标 starts. */
    TENDERING(ProjectStage.TENDERING),
    /** 开工. */
    CONSTRUCTION_START(ProjectStage.UNDER_CONSTRUCTION),
    /** 完工: only when the physical progress (形象进度) is 100. */
    COMPLETION(ProjectStage.COMPLETED),
    /** 验收: the acceptance document number is required. */
    ACCEPTANCE(ProjectStage.ACCEPTED),
    /** 终止: before completion, with a reason. */
    CANCELLATION(ProjectStage.CANCELLED);

    private final ProjectStage target;

    StageStep(ProjectStage target) {
        this.target = target;
    }

    /** The stage the step leads to. */
    public ProjectStage target() {
        return target;
    }

    /** Whether the step must name its document (前期审批 approval, 验收 acceptance). */
    public boolean requiresDocument() {
        return this == PRE_APPROVAL || this == ACCEPTANCE;
    }
}
