package org.fupin.rectification.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.fupin.rectification.domain.BusinessDate;

import java.time.Clock;

/**
 * The clock "today" comes from (China time): the system clock, unless a test (or another bean) provides its own
 * {@link Clock} — the time rules are tested by moving it, nothing sleeps for days.
 */
@ApplicationScoped
public class SystemCheckClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.system(BusinessDate.CHINA);
    }
}
