package org.fupin.localstack.chaos;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Verifier's recomputation of the rectification report's counts from rectification-service's rows. */
class RectificationCheckTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    static Verifier.IssueRow row(String state, int returns, String term, LocalDate deadline, LocalDate closedOn) {
        return new Verifier.IssueRow("id", "CHR1-0-1 x", "522428103201", "chaos-office-0", state, returns, term, DAY.minusDays(3),
                deadline, closedOn, 1);
    }

    @Test
    void countsFollowTheReportsDefinitions() {
        // raised, open, inProgress, reported, closed, returned, returnedAtLeastOnce, overdue, longTermOpen, closedOnTime
        assertArrayEquals(new long[]{1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, Verifier.rectificationFigures(row("OPEN", 0, "SHORT", DAY, null), DAY));
        assertArrayEquals(new long[]{1, 0, 0, 1, 0, 0, 1, 1, 1, 0},
                Verifier.rectificationFigures(row("REPORTED", 2, "LONG_TERM", DAY.minusDays(1), null), DAY));
        assertArrayEquals(new long[]{1, 0, 0, 0, 0, 1, 1, 0, 0, 0}, Verifier.rectificationFigures(row("RETURNED", 1, "SHORT", DAY, null), DAY));
        assertArrayEquals(new long[]{1, 0, 0, 0, 1, 0, 0, 0, 0, 1},
                Verifier.rectificationFigures(row("CLOSED", 0, "LONG_TERM", DAY, DAY), DAY));
        assertArrayEquals(new long[]{1, 0, 0, 0, 1, 0, 0, 0, 0, 0},
                Verifier.rectificationFigures(row("CLOSED", 0, "SHORT", DAY.minusDays(1), DAY), DAY), "closed late: not on time, not overdue");
        assertEquals(Verifier.RECTIFICATION_FIGURES.length, Verifier.rectificationFigures(row("IN_PROGRESS", 0, "SHORT", DAY, null), DAY).length);
    }

    @Test
    void issueCodesStartWithTheRunsSeed() {
        assertEquals("CHR42-", RectificationCommands.prefix(42));
    }
}
