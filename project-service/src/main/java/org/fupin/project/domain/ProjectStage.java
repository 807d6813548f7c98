package org.fupin.project.domain;

/** Where a project stands in the library (项目库). The order of the constants is the order of the lifecycle. */
public enum ProjectStage {
    /** 入库: entered in the library. */
    PLANNED,
    /** 前期审批 done, with the approval document number. */
    PRE_APPROVAL_DONE,
    /** 招投标 under way. */
    TENDERING,
    /** 开工建设: construction started. */
    UNDER_CONSTRUCTION,
    /** 完工: physical progress reached 100 %. */
    COMPLETED,
    /** 验收: accepted, with the acceptance document. */
    ACCEPTED,
    /** 终止: cancelled before completion, with a reason. Nothing is deleted. */
    CANCELLED;

    /** Counts for the start rate (开工率) and the implemented amount (已实施金额): under construction or further. */
    public boolean isStarted() {
        return this == UNDER_CONSTRUCTION || this == COMPLETED || this == ACCEPTED;
    }

    /** Counts for the completion rate (竣工率): completed or accepted. */
    public boolean isCompleted() {
        return this == COMPLETED || this == ACCEPTED;
    }

    /** No step leads out of it. */
    public boolean isFinal() {
        return this == ACCEPTED || this == CANCELLED;
    }
}
