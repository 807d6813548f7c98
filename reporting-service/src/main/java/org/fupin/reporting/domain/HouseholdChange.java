package org.fupin.reporting.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A household event as the figures see it: only what a fact keeps. Built from the event contracts by the projection;
 * {@link HouseholdFact#apply} decides what it does to a fact.
 */
public sealed interface HouseholdChange {

    /** Removal years are counted in China's time zone: removed at 2021-01-01 01:00 Beijing time is a 2021 removal. */
    ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    UUID householdId();

    /** The household's 12-digit region code as the event gives it (every event carries it; the fact follows). */
    String regionCode();

    /** The aggregate version the event carries. */
    long version();

    /** household.registered.v1: creates the fact, or replaces the registration data of an existing one. */
    record Registered(UUID householdId, String regionCode, long version, int memberCount, int identificationYear,
                      String householdType, List<String> personIds) implements HouseholdChange {
    }

    /** household.updated.v1: members (replaced wholesale), member count, type, region. */
    record Updated(UUID householdId, String regionCode, long version, int memberCount, String householdType,
                   List<String> personIds) implements HouseholdChange {
    }

    record Exited(UUID householdId, String regionCode, long version, int memberCount, int exitYear) implements HouseholdChange {
    }

    /** 返贫. */
    record Returned(UUID householdId, String regionCode, long version, int memberCount, int returnYear) implements HouseholdChange {
    }

    /** 剔除, counted in the year of {@code removedAt} in China time. */
    record Removed(UUID householdId, String regionCode, long version, int memberCount, int removedYear) implements HouseholdChange {
        public static Removed at(UUID householdId, String regionCode, long version, int memberCount, Instant removedAt) {
            return new Removed(householdId, regionCode, version, memberCount, removedAt.atZone(CHINA).getYear());
        }
    }

    record MonitoringStarted(UUID householdId, String regionCode, long version, int memberCount) implements HouseholdChange {
    }

    record MonitoringEnded(UUID householdId, String regionCode, long version) implements HouseholdChange {
    }
}
