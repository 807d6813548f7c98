package org.fupin.fund.domain;

import org.fupin.platform.region.RegionCode;

/** County codes: money is received, and vouchers are numbered, per county (县级报账制). */
public final class Counties {
    private Counties() {
    }

    /** The county (12 digits, ending in six zeros) of a county, township or village code. */
    public static String countyOf(String regionCode) {
        if (!RegionCode.isValidCode(regionCode) || RegionCode.prefixOf(regionCode).length() < 6) {
            throw new IllegalArgumentException("not inside a county: " + regionCode);
        }
        return regionCode.substring(0, 6) + "000000";
    }

    /** Whether the 12-digit code names a county itself (six significant digits). */
    public static boolean isCounty(String code) {
        return RegionCode.isValidCode(code) && RegionCode.prefixOf(code).length() == 6;
    }
}
