package org.fupin.project.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Fund sources (资金来源) of a project's budget. The codes are fund-service's ({@code fund_source.code}), used in the API
 * and in events; the order is theirs ({@code sort_order}).
 */
public enum FundSource {
    /** 中央财政资金 */
    CENTRAL_BUDGET("central-budget"),
    /** 省级财政资金 */
    PROVINCIAL_BUDGET("provincial-budget"),
    /** 市级财政资金 */
    CITY_BUDGET("city-budget"),
    /** 县级财政资金 */
    COUNTY_BUDGET("county-budget"),
    /** 地方债务资金 */
    LOCAL_GOVERNMENT_DEBT("local-government-debt"),
    /** 易地扶贫搬迁资金 */
    RELOCATION("relocation"),
    /** 定点扶贫 */
    PAIRED_ASSISTANCE("paired-assistance"),
    /** 东西协作 */
    EAST_WEST_COOPERATION("east-west-cooperation"),
    /** 社会捐赠 */
    SOCIAL_DONATIONS("social-donations"),
    /** 银行贷款 */
    BANK_LOANS("bank-loans"),
    /** 自筹 */
    SELF_RAISED("self-raised");

    private final String code;

    FundSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<FundSource> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Government budget money (财政资金), by level. */
    public boolean isGovernmentBudget() {
        return ordinal() <= COUNTY_BUDGET.ordinal();
    }
}
