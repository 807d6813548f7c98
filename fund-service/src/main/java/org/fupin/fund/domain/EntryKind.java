package org.fupin.fund.domain;

/**
 * The only ways money moves (专款专用): each kind changes the figures of one project × source account by fixed signs.
 * Nothing is edited or deleted; a wrong voucher is reversed by a {@link #REVERSAL}.
 */
public enum EntryKind {
    /** 资金下达到项目: a line of an allocation document; allocated + amount. */
    ALLOCATION,
    /** 资金调整 (调出): allocated-not-disbursed money leaves the project; allocated − amount. */
    ADJUSTMENT_OUT,
    /** 资金调整 (调入): the same money arrives at the other project; allocated + amount. */
    ADJUSTMENT_IN,
    /** 拨付 to the implementing unit; disbursed + amount. */
    DISBURSEMENT,
    /** 报账: a settled voucher; reimbursed + amount. */
    REIMBURSEMENT,
    /** 红字冲销 of a voucher, the voucher's amount; reimbursed − amount. */
    REVERSAL,
    /**
     * 结余资金收回 of a closed project: allocated − amount; the part that had been disbursed but not reimbursed is paid
     * back by the unit (缴回), so disbursed − that part ({@link LedgerEntry#disbursedDelta()}).
     */
    RECALL
}
