package org.fupin.rectification.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.fupin.rectification.domain.BusinessDate;

import java.time.Clock;
import java.time.LocalTime;

/**
 * The clock "today" comes from (China time): the system clock, unless a test (or another bean) provides its own
 * {@link Clock} — the time rules are tested by moving it, nothing sleeps for days — or
 * {@code fupin.rectification.system-check.fixed-today} names the day (end-to-end runs move time by restarting).
 */
@ApplicationScoped
public class SystemCheckClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock(SystemCheckConfig config) {
        return config.fixedToday()
                .map(day -> Clock.fixed(day.atTime(LocalTime.NOON).atZone(BusinessDate.CHINA).toInstant(), BusinessDate.CHINA))
                .orElseGet(() -> Clock.system(BusinessDate.CHINA));
    }
}
