package org.fupin.rectification.service;

import jakarta.inject.Singleton;
import org.fupin.rectification.domain.BusinessDate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The tests' clock (replaces {@link SystemCheckClock}'s default bean): the system clock until a test moves it to a day,
 * so the time rules are driven by moving it — nothing sleeps for days.
 */
@Singleton
public class MovableClock extends Clock {

    private volatile Instant fixed;

    /** "Today" is {@code day} (noon, China time) until {@link #reset()}. */
    public void set(LocalDate day) {
        fixed = day.atTime(LocalTime.NOON).atZone(BusinessDate.CHINA).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return BusinessDate.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
