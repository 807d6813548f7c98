package org.fupin.reporting.domain;

import java.util.List;

/** The region prefixes a 12-digit code counts under: national, province, city, county, township, village. */
public final class RegionLevels {
    static final int[] LENGTHS = {0, 2, 4, 6, 9, 12};

    private RegionLevels() {
    }

    public static List<String> prefixesOf(String regionCode) {
        String[] out = new String[LENGTHS.length];
        for (int i = 0; i < LENGTHS.length; i++) {
            out[i] = regionCode.substring(0, LENGTHS[i]);
        }
        return List.of(out);
    }
}
