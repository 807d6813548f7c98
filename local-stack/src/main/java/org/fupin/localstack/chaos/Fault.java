package org.fupin.localstack.chaos;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The faults the injector can cause; the command line names them in lower case with dashes. */
public enum Fault {
    /**
     * SIGKILL of a producer (household-service, or else fund-service and rectification-service in turn, by the plan's
     * coin), then a restart.
     */
    KILL_PRODUCER,
    /** SIGKILL of reporting-service (the consumer), then a restart. */
    KILL_REPORTING,
    /** SIGSTOP of household-service or reporting-service for a few seconds, then SIGCONT. */
    PAUSE,
    /** SIGKILL of the Kafka broker, then a restart on the same log folder and ports. */
    KILL_KAFKA,
    /** SIGKILL of the PostgreSQL server (postmaster and backends), then a restart (crash recovery). */
    KILL_POSTGRES,
    /** One service's database refuses connections for 10–30 s ({@code ALLOW_CONNECTIONS false}, backends terminated). */
    REFUSE_DB;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Fault ofCliName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** {@code kill-producer,pause,...}; {@code all} or blank for every fault; {@code none} for a run without faults. */
    public static Set<Fault> parse(String list) {
        if (list == null || list.isBlank() || list.equals("all")) {
            return EnumSet.allOf(Fault.class);
        }
        if (list.equals("none")) {
            return EnumSet.noneOf(Fault.class);
        }
        Set<Fault> out = EnumSet.noneOf(Fault.class);
        Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(Fault::ofCliName).forEach(out::add);
        return out;
    }
}
