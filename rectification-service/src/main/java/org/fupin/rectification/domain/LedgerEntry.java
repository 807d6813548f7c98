package org.fupin.rectification.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of the rectification ledger (整改台账): numbered from 1 per issue, the date, what was done, the evidence files
 * it references (佐证材料, by evidence id), who recorded it and for which unit ({@code Actor#SYSTEM_NAME} and no unit for
 * a system entry), its kind, and the milestone it marks reached (long-term issues), if any. Never edited or deleted: a
 * correction is a new entry.
 */
public record LedgerEntry(int number, LocalDate date, String text, List<String> evidenceIds, String recordedBy, String unit,
                          Kind kind, Integer milestoneNumber) {

    public enum Kind {
        /** Work done, recorded by a responsible unit. */
        PROGRESS,
        /** The lead unit's report that the issue is rectified. */
        REPORT,
        /** Written by the system-check run: why the condition is considered cleared. */
        SYSTEM
    }

    public static final int MAX_EVIDENCE = 50;

    public LedgerEntry {
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
