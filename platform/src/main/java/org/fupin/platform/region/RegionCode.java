package org.fupin.platform.region;

/**
 * 12-digit statistical division code (统计用区划代码): province 2, city 2, county 2, township 3, village 3 digits.
 * A code's prefix is the code with its trailing all-zero groups stripped; a record is inside a region when its code
 * starts with the region's prefix, so roll-ups need no lookup table.
 */
public final class RegionCode {
    private static final int[] GROUP_ENDS = {2, 4, 6, 9, 12};

    private RegionCode() {
    }

    public static boolean isValidCode(String code) {
        return code != null && code.length() == 12 && code.chars().allMatch(Character::isDigit);
    }

    /** A village-level code: all five groups present (the last group is not 000). */
    public static boolean isVillage(String code) {
        return isValidCode(code) && !code.endsWith("000");
    }

    /** Whether the text is a valid prefix: 0, 2, 4, 6, 9 or 12 digits. */
    public static boolean isValidPrefix(String prefix) {
        if (prefix == null || !prefix.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (prefix.isEmpty()) {
            return true;
        }
        for (int end : GROUP_ENDS) {
            if (prefix.length() == end) {
                return true;
            }
        }
        return false;
    }

    /**
     * The prefix of a code or of a prefix: {@code 522428000000} → {@code 522428}, {@code 520000000000} → {@code 52},
     * {@code 000000000000} → {@code ""} (the whole country).
     *
     * @throws IllegalArgumentException when the text is neither a 12-digit code nor a valid prefix
     */
    public static String prefixOf(String codeOrPrefix) {
        if (!isValidPrefix(codeOrPrefix)) {
            throw new IllegalArgumentException("not a region code or prefix: " + codeOrPrefix);
        }
        String p = codeOrPrefix;
        for (int i = GROUP_ENDS.length - 1; i >= 0; i--) {
            int start = i == 0 ? 0 : GROUP_ENDS[i - 1];
            if (p.length() == GROUP_ENDS[i] && p.substring(start).chars().allMatch(c -> c == '0')) {
                p = p.substring(0, start);
            }
        }
        return p;
    }

    /** Whether the region code lies inside the region named by the prefix. */
    public static boolean isWithin(String code, String prefix) {
        return code != null && code.startsWith(prefixOf(prefix));
    }
}
