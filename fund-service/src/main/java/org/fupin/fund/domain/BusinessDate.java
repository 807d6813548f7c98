package org.fupin.fund.domain;

import java.time.LocalDate;
import java.time.ZoneId;

/** The date a money movement takes effect: the document's, payment order's or voucher's date, never in the future. */
public final class BusinessDate {
    private BusinessDate() {
    }

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    /**
     * A required date, not after today.
     *
     * @throws Refusal (400) naming the field when it is missing or in the future
     */
    public static LocalDate required(LocalDate date, LocalDate today, String field) {
        if (date == null) {
            throw Refusal.invalid(field, "is required");
        }
        if (date.isAfter(today)) {
            throw Refusal.invalid(field, "must not be in the future");
        }
        return date;
    }

    /** The date given, or today when none is; never in the future. */
    public static LocalDate orToday(LocalDate date, LocalDate today, String field) {
        return date == null ? today : required(date, today, field);
    }
}
