package org.fupin.project.domain;

import org.fupin.platform.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;

/**
 * A progress report (进度) as of its report date: physical progress (形象进度, percent 0-100, at most two decimals) and
 * investment completed to date (累计完成投资, yuan, cumulative).
 */
public record Progress(LocalDate reportDate, BigDecimal physicalProgress, Money investmentCompleted) {

    public static final BigDecimal HUNDRED = new BigDecimal("100.00");

    /** @throws Refusal (400) naming each wrong field: missing, percent outside 0-100 or with more than two decimals, negative amount */
    public static Progress of(LocalDate reportDate, BigDecimal physicalProgress, Money investmentCompleted) {
        List<Refusal.FieldError> e = new ArrayList<>();
        if (reportDate == null) {
            e.add(new Refusal.FieldError("reportDate", "is required"));
        }
        BigDecimal percent = null;
        if (physicalProgress == null) {
            e.add(new Refusal.FieldError("physicalProgress", "is required"));
        } else if (physicalProgress.signum() < 0 || physicalProgress.compareTo(HUNDRED) > 0) {
            e.add(new Refusal.FieldError("physicalProgress", "must be a percentage from 0 to 100"));
        } else {
            try {
                percent = physicalProgress.setScale(2, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException x) {
                e.add(new Refusal.FieldError("physicalProgress", "must have at most two decimals"));
            }
        }
        if (investmentCompleted == null) {
            e.add(new Refusal.FieldError("investmentCompleted", "is required"));
        } else if (investmentCompleted.isNegative()) {
            e.add(new Refusal.FieldError("investmentCompleted", "must not be negative"));
        }
        if (!e.isEmpty()) {
            throw Refusal.invalid(e);
        }
        return new Progress(reportDate, percent, investmentCompleted);
    }

    public boolean isComplete() {
        return physicalProgress.compareTo(HUNDRED) == 0;
    }

    /** The percentage as it travels: a decimal string with two decimals. */
    public String percentText() {
        return physicalProgress.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
