package org.fupin.fund.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Fund sources (资金来源), the codes and order of the {@code fund_source} table (migration V1). Government budget money
 * (财政资金) carries its level in the source itself: an allocation document of {@code central-budget} is central money.
 * Loans (e.g. a development-bank loan for village infrastructure) are {@link #BANK_LOANS}: the credit arrives (到位) as an
 * allocation document of that source and is disbursed to projects like any other money.
 */
public enum FundSource {
    /** 中央财政资金 */
    CENTRAL_BUDGET("central-budget", "central"),
    /** 省级财政资金 */
    PROVINCIAL_BUDGET("provincial-budget", "provincial"),
    /** 市级财政资金 */
    CITY_BUDGET("city-budget", "city"),
    /** 县级财政资金 */
    COUNTY_BUDGET("county-budget", "county"),
    /** 地方债务资金 */
    LOCAL_GOVERNMENT_DEBT("local-government-debt", null),
    /** 易地扶贫搬迁资金 */
    RELOCATION("relocation", null),
    /** 定点扶贫 */
    PAIRED_ASSISTANCE("paired-assistance", null),
    /** 东西协作 */
    EAST_WEST_COOPERATION("east-west-cooperation", null),
    /** 社会捐赠 */
    SOCIAL_DONATIONS("social-donations", null),
    /** 银行贷款: a loan's credit (到位) is an allocation document of this source. */
    BANK_LOANS("bank-loans", null),
    /** 自筹 */
    SELF_RAISED("self-raised", null);

    private final String code;
    private final String governmentLevel;

    FundSource(String code, String governmentLevel) {
        this.code = code;
        this.governmentLevel = governmentLevel;
    }

    /** The kebab code used in the API, the tables and the events. */
    public String code() {
        return code;
    }

    /** central, provincial, city or county for government budget money (财政资金); null for every other source. */
    public String governmentLevel() {
        return governmentLevel;
    }

    public boolean isGovernmentBudget() {
        return governmentLevel != null;
    }

    public boolean isLoan() {
        return this == BANK_LOANS;
    }

    public static Optional<FundSource> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /**
     * The source named by an input.
     *
     * @throws Refusal (400) naming the field when the code is missing or unknown
     */
    public static FundSource parse(String code, String field) {
        if (code == null || code.isBlank()) {
            throw Refusal.invalid(field, "is required");
        }
        return ofCode(code.trim()).orElseThrow(() -> Refusal.invalid(field, "unknown fund source; one of "
                + Arrays.stream(values()).map(FundSource::code).toList()));
    }
}
