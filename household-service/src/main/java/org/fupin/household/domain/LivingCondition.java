package org.fupin.household.domain;

/** "Two no-worries, three guarantees" (两不愁三保障), plus safe drinking water that many provinces add. */
public enum LivingCondition {
    /** 不愁吃 */
    FOOD,
    /** 不愁穿 */
    CLOTHING,
    /** 义务教育有保障 */
    COMPULSORY_EDUCATION,
    /** 基本医疗有保障 */
    BASIC_MEDICAL_INSURANCE,
    /** 住房安全有保障 */
    SAFE_HOUSING,
    /** 饮水安全有保障 (required where configured) */
    SAFE_DRINKING_WATER
}
