package org.fupin.household.domain;

/** The registration steps an office records, each with who, when and remarks. */
public enum WorkflowStep {
    /** 入户调查 */
    INVESTIGATED,
    /** 民主评议 */
    DEMOCRATICALLY_REVIEWED,
    /** 村级公示 starts */
    VILLAGE_NOTICE_STARTED,
    /** 乡镇审核 (after the village notice ran its minimum days) */
    TOWNSHIP_REVIEWED,
    /** 乡镇公示 starts */
    TOWNSHIP_NOTICE_STARTED,
    /** 县级公告: the household is registered for an identification year */
    COUNTY_ANNOUNCED,
    /** 异议: an objection during a notice sends the household back to investigation */
    OBJECTION_RAISED
}
