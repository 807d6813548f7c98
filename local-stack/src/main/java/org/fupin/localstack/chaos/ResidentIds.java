package org.fupin.localstack.chaos;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resident ID numbers (GB 11643): making valid test numbers, and finding real-looking ones in text. */
public final class ResidentIds {
    private ResidentIds() {
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /** 18 characters not inside a longer run of letters or digits: 6-digit area, birth date, sequence, check character. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])");

    /** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** A valid number from a 6-digit area code, a birth date and a 3-digit sequence (odd = male). */
    public static String of(String area, LocalDate birth, int sequence) {
        String first17 = area + birth.toString().replace("-", "") + String.format("%03d", sequence % 1000);
        return first17 + checkCharacter(first17);
    }

    /** Whether the text is 18 characters with a real birth date and a matching check character. */
    public static boolean isValid(String s) {
        if (s == null || s.length() != 18 || !CANDIDATE.matcher(s).matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        return Character.toUpperCase(s.charAt(17)) == checkCharacter(s);
    }

    /** The valid resident ID numbers found in the text. */
    public static java.util.List<String> findIn(CharSequence text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (isValid(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }
}
