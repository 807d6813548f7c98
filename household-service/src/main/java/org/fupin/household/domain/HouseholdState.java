package org.fupin.household.domain;

/** Where a household stands: the registration workflow (两公示一公告), then the registry's dynamic management. */
public enum HouseholdState {
    /** 农户申请 / 村推荐: waiting for the household investigation (also where an objection sends it back). */
    APPLIED,
    /** 入户调查 done. */
    INVESTIGATED,
    /** 民主评议 done by the village assembly. */
    DEMOCRATICALLY_REVIEWED,
    /** 村级公示 running. */
    VILLAGE_NOTICE,
    /** 乡镇审核 done. */
    TOWNSHIP_REVIEWED,
    /** 乡镇公示 running. */
    TOWNSHIP_NOTICE,
    /** 建档立卡户: announced by the county, currently poor. */
    REGISTERED,
    /** 脱贫. */
    EXITED,
    /** 剔除: wrongly registered (错评). */
    REMOVED;

    /** A household in the registry proper (its members count as registered persons). */
    public boolean isInRegistry() {
        return this == REGISTERED || this == EXITED;
    }
}
