package org.fupin.project.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015) of an implementing unit: 18 characters from the 31-character set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z): registration authority (1), organisation type (1), the
 * 6-digit region code of the registering authority, the 9-character organisation code, and a check character: with
 * the characters' values (0-9, A=10 … Y=30) and the weights 3^(i-1) mod 31 (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30
 * 28), check = 31 - (weighted sum mod 31), where 31 stands for 0.
 */
public final class UnifiedSocialCreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /** @return why the text is not a valid code, or empty when it is (lower case is accepted) */
    public static Optional<String> problem(String text) {
        if (text == null || text.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        String code = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character " + (i + 1) + " is not allowed (digits and upper-case letters except I, O, S, V, Z)");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("characters 3-8 must be the digits of a region code");
            }
        }
        if (checkCharacter(code) != code.charAt(17)) {
            return Optional.of("the check character does not match (GB 32100-2015)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /** @throws IllegalArgumentException when not valid */
    public static UnifiedSocialCreditCode parse(String text) {
        problem(text).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new UnifiedSocialCreditCode(text.toUpperCase(Locale.ROOT));
    }

    /** The check character for the first 17 characters (which must come from the character set). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
