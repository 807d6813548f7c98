package org.fupin.rectification.repository;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What household events tell the replica, per field group with the version that told it (0 = not told): the region
 * (every event), the state, the registration date (registered event only), the latest cadre assignment, the current
 * monitoring period's start (null once ended) and the latest assistance measure date.
 */
public record HouseholdReplicaRcUpdate(UUID id, long version, String regionCode, String state, long stateVersion,
                                       LocalDate registeredOn, LocalDate cadreAssignedOn, long cadreVersion,
                                       LocalDate monitoringStartedOn, long monitoringVersion, LocalDate lastMeasureOn) {

    public HouseholdReplicaRcUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regionCode, "regionCode");
    }

    /** Only the region (and the version). */
    public static HouseholdReplicaRcUpdate region(UUID id, long version, String regionCode) {
        return new HouseholdReplicaRcUpdate(id, version, regionCode, null, 0, null, null, 0, null, 0, null);
    }

    public HouseholdReplicaRcUpdate withState(String s) {
        return new HouseholdReplicaRcUpdate(id, version, regionCode, s, version, registeredOn, cadreAssignedOn, cadreVersion,
                monitoringStartedOn, monitoringVersion, lastMeasureOn);
    }

    public HouseholdReplicaRcUpdate withRegisteredOn(LocalDate d) {
        return new HouseholdReplicaRcUpdate(id, version, regionCode, state, stateVersion, d, cadreAssignedOn, cadreVersion,
                monitoringStartedOn, monitoringVersion, lastMeasureOn);
    }

    public HouseholdReplicaRcUpdate withCadreAssignedOn(LocalDate d) {
        return new HouseholdReplicaRcUpdate(id, version, regionCode, state, stateVersion, registeredOn, d, version,
                monitoringStartedOn, monitoringVersion, lastMeasureOn);
    }

    /** Monitoring started on {@code d}, or ended ({@code d} null). */
    public HouseholdReplicaRcUpdate withMonitoringStartedOn(LocalDate d) {
        return new HouseholdReplicaRcUpdate(id, version, regionCode, state, stateVersion, registeredOn, cadreAssignedOn,
                cadreVersion, d, version, lastMeasureOn);
    }

    public HouseholdReplicaRcUpdate withMeasureOn(LocalDate d) {
        return new HouseholdReplicaRcUpdate(id, version, regionCode, state, stateVersion, registeredOn, cadreAssignedOn,
                cadreVersion, monitoringStartedOn, monitoringVersion, d);
    }

    /** Two updates of one household folded as the upsert folds them: per field group the newer version wins. */
    public HouseholdReplicaRcUpdate merge(HouseholdReplicaRcUpdate o) {
        boolean regionNewer = o.version >= version;
        boolean stateNewer = o.stateVersion >= stateVersion && o.stateVersion > 0;
        boolean cadreNewer = o.cadreVersion >= cadreVersion && o.cadreVersion > 0;
        boolean monitoringNewer = o.monitoringVersion >= monitoringVersion && o.monitoringVersion > 0;
        return new HouseholdReplicaRcUpdate(id, Math.max(version, o.version), regionNewer ? o.regionCode : regionCode,
                stateNewer ? o.state : state, stateNewer ? o.stateVersion : stateVersion,
                earliest(registeredOn, o.registeredOn),
                cadreNewer ? o.cadreAssignedOn : cadreAssignedOn, cadreNewer ? o.cadreVersion : cadreVersion,
                monitoringNewer ? o.monitoringStartedOn : monitoringStartedOn,
                monitoringNewer ? o.monitoringVersion : monitoringVersion,
                latest(lastMeasureOn, o.lastMeasureOn));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isBefore(b) ? a : b);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }
}
