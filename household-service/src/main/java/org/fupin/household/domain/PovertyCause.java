package org.fupin.household.domain;

/** 致贫原因 */
public enum PovertyCause {
    /** 因病 */ ILLNESS,
    /** 因残 */ DISABILITY,
    /** 因学 */ SCHOOLING_COSTS,
    /** 因灾 */ DISASTER,
    /** 缺土地 */ LACK_OF_LAND,
    /** 缺水 */ LACK_OF_WATER,
    /** 缺技术 */ LACK_OF_SKILLS,
    /** 缺劳力 */ LACK_OF_LABOUR,
    /** 缺资金 */ LACK_OF_FUNDS,
    /** 交通条件落后 */ POOR_TRANSPORT,
    /** 自身发展动力不足 */ LACK_OF_OWN_DRIVE
}
