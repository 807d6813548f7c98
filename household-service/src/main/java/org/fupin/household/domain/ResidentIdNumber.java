package org.fupin.household.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident ID number (居民身份证号码, GB 11643): 6-digit region of issue, 8-digit birth date, 3-digit sequence and a
 * check character by ISO 7064 MOD 11-2. The 17th digit is odd for men, even for women.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

    public enum Sex { MALE, FEMALE }

    private final String value;

    private ResidentIdNumber(String value) {
        this.value = value;
    }

    /**
     * @return why the text is not a valid resident ID number, or empty when it is
     */
    public static Optional<String> problem(String text, LocalDate today) {
        if (text == null || text.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        String id = text.toUpperCase();
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return Optional.of("the first 17 characters must be digits");
            }
        }
        char last = id.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            return Optional.of("the check character must be a digit or X");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("characters 7-14 are not a real birth date");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.of("the birth date is not plausible");
        }
        if (checkCharacter(id) != last) {
            return Optional.of("the check character does not match (ISO 7064 MOD 11-2)");
        }
        return Optional.empty();
    }

    public static ResidentIdNumber parse(String text, LocalDate today) {
        problem(text, today).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new ResidentIdNumber(text.toUpperCase());
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Region of issue and last four shown, the rest hidden: {@code 522428********123X}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked(); // never log the full number
    }
}
