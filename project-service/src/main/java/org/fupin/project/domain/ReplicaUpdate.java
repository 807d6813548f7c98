package org.fupin.project.domain;

import java.util.Objects;

/**
 * What household events tell the replica about one household, field by field, each with the version of the newest
 * event that carried it. {@link #merge} keeps, per field, the value of the newer version: merging is commutative and
 * idempotent, so the replica does not depend on the order in which events arrive, and a replay changes nothing. (Events
 * of one change share one version and carry equal values, e.g. the county announcement's workflow step and the
 * registration; a tie keeps the argument's value.) The stored row is merged the same way by the repository's upsert.
 *
 * @param householdId    household id (UUID text)
 * @param version        newest version seen, of any event
 * @param regionCode     the region of the newest event (every event carries one)
 * @param householdCode  户编号, null when no event carried it (only household.registered.v1 does; it never changes)
 * @param state          household-service's state name, null when no event carried it
 * @param stateVersion   version of the event that gave {@code state}; 0 when none
 * @param persons        户人口数, null when no event carried it
 * @param personsVersion version of the event that gave {@code persons}; 0 when none
 */
public record ReplicaUpdate(String householdId, long version, String regionCode, String householdCode, String state,
                            long stateVersion, Integer persons, long personsVersion) {

    public ReplicaUpdate {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(regionCode, "regionCode");
    }

    /** What one event of version {@code version} carries; null for what it does not carry. */
    public static ReplicaUpdate of(String householdId, long version, String regionCode, String householdCode, String state,
                                   Integer persons) {
        return new ReplicaUpdate(householdId, version, regionCode, householdCode, state, state == null ? 0 : version,
                persons, persons == null ? 0 : version);
    }

    /** Both together: per field the newer one's value (a tie keeps {@code newer}'s). Same household only. */
    public ReplicaUpdate merge(ReplicaUpdate newer) {
        if (!householdId.equals(newer.householdId)) {
            throw new IllegalArgumentException("not the same household: " + householdId + ", " + newer.householdId);
        }
        boolean regionOfNewer = newer.version >= version;
        boolean stateOfNewer = newer.state != null && newer.stateVersion >= stateVersion;
        boolean personsOfNewer = newer.persons != null && newer.personsVersion >= personsVersion;
        return new ReplicaUpdate(householdId, Math.max(version, newer.version),
                regionOfNewer ? newer.regionCode : regionCode,
                newer.householdCode != null ? newer.householdCode : householdCode,
                stateOfNewer ? newer.state : state, stateOfNewer ? newer.stateVersion : stateVersion,
                personsOfNewer ? newer.persons : persons, personsOfNewer ? newer.personsVersion : personsVersion);
    }
}
