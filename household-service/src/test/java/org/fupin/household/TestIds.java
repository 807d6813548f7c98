package org.fupin.household;

import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct resident ID numbers for tests (the check character computed by ISO 7064 MOD 11-2). */
public final class TestIds {
    private static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] C = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500));

    private TestIds() {
    }

    public static String next() {
        int n = SEQ.incrementAndGet();
        // vary the birth day-of-year and sequence so every call gives a new number
        java.time.LocalDate birth = java.time.LocalDate.of(1960, 1, 1).plusDays(n % 15000);
        String first17 = "522428" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + check(first17);
    }

    public static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * W[i];
        }
        return C[sum % 11];
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String valid) {
        char right = valid.charAt(17);
        return valid.substring(0, 17) + (right == '1' ? '2' : '1');
    }
}
