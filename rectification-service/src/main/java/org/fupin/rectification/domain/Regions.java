package org.fupin.rectification.domain;

/** 12-digit region codes (province 2, city 4, county 6, township 9, village 12 significant digits). */
public final class Regions {
    private Regions() {
    }

    public static boolean isCode(String code) {
        return code != null && code.matches("[0-9]{12}") && !code.startsWith("00");
    }

    /** The significant prefix of a code: 520000000000 → 52, 522428000000 → 522428, 522428103201 → 522428103201. */
    public static String prefix(String code) {
        if (code.endsWith("0000000000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00000000")) {
            return code.substring(0, 4);
        }
        if (code.endsWith("000000")) {
            return code.substring(0, 6);
        }
        if (code.endsWith("000")) {
            return code.substring(0, 9);
        }
        return code;
    }

    /** Where linked objects must lie: the issue's county, or the issue's own region when coarser than a county. */
    public static String linkScope(String issueRegion) {
        String p = prefix(issueRegion);
        return p.length() > 6 ? p.substring(0, 6) : p;
    }
}
