package org.fupin.household.domain;

import org.fupin.platform.region.RegionCode;

import java.util.Optional;

/** Households live in villages: their region code is a 12-digit village-level code. */
public final class RegionRules {
    private RegionRules() {
    }

    public static Optional<String> villageProblem(String regionCode) {
        return RegionCode.isVillage(regionCode) ? Optional.empty() : Optional.of("must be a 12-digit village-level region code");
    }
}
