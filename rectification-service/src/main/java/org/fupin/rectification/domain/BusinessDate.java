package org.fupin.rectification.domain;

import java.time.LocalDate;
import java.time.ZoneId;

/** The date a change takes effect: given by the office (paper ledgers are entered late) or today, China time. */
public final class BusinessDate {
    private BusinessDate() {
    }

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The date given, or today when none is; never in the future (400 naming the field). */
    public static LocalDate orToday(LocalDate given, LocalDate today, String field) {
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw Refusal.invalid(field, "must not be in the future");
        }
        return given;
    }
}
