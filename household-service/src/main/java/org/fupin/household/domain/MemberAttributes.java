package org.fupin.household.domain;

/** Coded member attributes of the registration form (家庭成员信息). */
public final class MemberAttributes {
    private MemberAttributes() {
    }

    /** 与户主关系 */
    public enum Relation { HEAD, SPOUSE, CHILD, CHILD_IN_LAW, GRANDCHILD, PARENT, GRANDPARENT, SIBLING, OTHER }

    /** 健康状况 */
    public enum Health { HEALTHY, CHRONIC_ILLNESS, SERIOUS_ILLNESS, LONG_TERM_CARE }

    /** 残疾 */
    public enum Disability { NONE, GRADE_1, GRADE_2, GRADE_3, GRADE_4 }

    /** 劳动能力 */
    public enum LabourAbility { NORMAL, WEAK, NONE, NOT_WORKING_AGE }

    /** 文化程度 */
    public enum Education { NONE, PRIMARY, JUNIOR_SECONDARY, SENIOR_SECONDARY, VOCATIONAL, TERTIARY, PRESCHOOL }

    /** 在校生状况 */
    public enum SchoolingStatus { NOT_OF_SCHOOL_AGE, IN_PRESCHOOL, IN_COMPULSORY_EDUCATION, IN_SENIOR_SECONDARY, IN_VOCATIONAL, IN_TERTIARY, DROPPED_OUT, FINISHED }
}
