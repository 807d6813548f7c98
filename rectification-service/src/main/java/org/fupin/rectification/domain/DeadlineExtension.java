package org.fupin.rectification.domain;

import java.time.LocalDate;

/**
 * An approved extension of the deadline (整改延期), kept forever: numbered from 1, the deadline before and after, the
 * reason, who approved it (the approving leader or document, as given), the date it was approved (effective from that
 * day: an issue is overdue on a day by the deadline in force on that day), and the inspector who recorded it.
 */
public record DeadlineExtension(int number, LocalDate previousDeadline, LocalDate newDeadline, String reason,
                                String approver, LocalDate approvedOn, String recordedBy) {
}
