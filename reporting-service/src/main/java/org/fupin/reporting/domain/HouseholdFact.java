package org.fupin.reporting.domain;

import org.fupin.platform.region.RegionCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One registered household as the figures see it (a row of {@code household_fact}), its transitions per event and
 * what it contributes to the figures.
 * <ul>
 *   <li>Version guard: a change applies when its version is not older than the stored one (events of one household
 *   arrive in order; an older version is a late replay). Equal versions apply: household-service emits the events of
 *   one change under one version (registered + monitoring-started). Every effect is idempotent (a return counts only
 *   from EXITED), so a repeated event changes nothing.</li>
 *   <li>Only {@link HouseholdChange.Registered} creates a fact; any other change of a household without one is
 *   ignored.</li>
 *   <li>Every applied change takes the event's region code, member count where it carries one, and version.</li>
 * </ul>
 *
 * @param identificationYear null for facts written before V2 (they count only under "all years")
 * @param returnCount        returns from EXITED (返贫次数)
 */
public record HouseholdFact(UUID householdId, String regionCode, int memberCount, HouseholdStatus status, long version,
                            Integer identificationYear, String householdType, Integer exitYear, Integer removedYear,
                            boolean monitored, Integer lastReturnYear, int returnCount) {

    /** "All years" in the roll-ups' year key (event years are 2000–2100). */
    public static final int ALL_YEARS = 0;

    public HouseholdFact {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(status, "status");
        if (!RegionCode.isValidCode(regionCode)) {
            throw new IllegalArgumentException("regionCode must be 12 digits: " + regionCode);
        }
    }

    /**
     * What a change does to a household's fact.
     *
     * @param fact    the fact after the change
     * @param persons the members replacing the stored ones (distinct, in order), or null when they stay
     */
    public record Applied(HouseholdFact fact, List<String> persons) {
    }

    /**
     * @param current the stored fact, null when the household has none
     * @return the outcome, or null when the change is ignored (no fact, or an older version)
     */
    public static Applied apply(HouseholdFact current, HouseholdChange change) {
        if (!RegionCode.isValidCode(change.regionCode())) {
            throw new IllegalArgumentException("regionCode must be 12 digits: " + change.regionCode());
        }
        long v = change.version();
        if (change instanceof HouseholdChange.Registered r) {
            if (current == null) {
                return new Applied(new HouseholdFact(r.householdId(), r.regionCode(), r.memberCount(), HouseholdStatus.REGISTERED, v,
                        r.identificationYear(), r.householdType(), null, null, false, null, 0), distinct(r.personIds()));
            }
            if (current.version > v) {
                return null;
            }
            // registration data replaced; exit/removal/return history and monitoring stay
            return new Applied(new HouseholdFact(current.householdId, r.regionCode(), r.memberCount(), HouseholdStatus.REGISTERED, v,
                    r.identificationYear(), r.householdType(), current.exitYear, current.removedYear, current.monitored,
                    current.lastReturnYear, current.returnCount), distinct(r.personIds()));
        }
        if (current == null || current.version > v) {
            return null;
        }
        String region = change.regionCode();
        HouseholdFact c = current;
        if (change instanceof HouseholdChange.Updated u) {
            return new Applied(new HouseholdFact(c.householdId, region, u.memberCount(), c.status, v, c.identificationYear,
                    u.householdType(), c.exitYear, c.removedYear, c.monitored, c.lastReturnYear, c.returnCount), distinct(u.personIds()));
        }
        if (change instanceof HouseholdChange.Exited e) {
            return new Applied(new HouseholdFact(c.householdId, region, e.memberCount(), HouseholdStatus.EXITED, v, c.identificationYear,
                    c.householdType, e.exitYear(), c.removedYear, c.monitored, c.lastReturnYear, c.returnCount), null);
        }
        if (change instanceof HouseholdChange.Returned r) {
            // 返贫: poor again; the exit year stays as history; a return counts once, from EXITED
            return new Applied(new HouseholdFact(c.householdId, region, r.memberCount(), HouseholdStatus.REGISTERED, v,
                    c.identificationYear, c.householdType, c.exitYear, c.removedYear, c.monitored, r.returnYear(),
                    c.returnCount + (c.status == HouseholdStatus.EXITED ? 1 : 0)), null);
        }
        if (change instanceof HouseholdChange.Removed r) {
            return new Applied(new HouseholdFact(c.householdId, region, r.memberCount(), HouseholdStatus.REMOVED, v, c.identificationYear,
                    c.householdType, c.exitYear, r.removedYear(), c.monitored, c.lastReturnYear, c.returnCount), null);
        }
        if (change instanceof HouseholdChange.MonitoringStarted m) {
            return new Applied(new HouseholdFact(c.householdId, region, m.memberCount(), c.status, v, c.identificationYear,
                    c.householdType, c.exitYear, c.removedYear, true, c.lastReturnYear, c.returnCount), null);
        }
        if (change instanceof HouseholdChange.MonitoringEnded) {
            return new Applied(new HouseholdFact(c.householdId, region, c.memberCount, c.status, v, c.identificationYear,
                    c.householdType, c.exitYear, c.removedYear, false, c.lastReturnYear, c.returnCount), null);
        }
        throw new IllegalArgumentException("unknown change " + change.getClass().getSimpleName());
    }

    private static List<String> distinct(List<String> persons) {
        return persons == null ? List.of() : persons.stream().distinct().toList();
    }

    /** One count of this household under a figure and a year key ({@link #ALL_YEARS} or a year). */
    public record Contribution(HouseholdFigure figure, int year, long households, long persons) {
    }

    /**
     * The figures this household counts under, as {@code figures(prefix, year)} counted them over the fact table:
     * a year-bound figure under "all years" and, when the fact has that year, under the year too; remaining and
     * monitored only under "all years".
     */
    public List<Contribution> contributions() {
        List<Contribution> out = new ArrayList<>(8);
        boolean onFile = status == HouseholdStatus.REGISTERED || status == HouseholdStatus.EXITED;
        yearBound(out, HouseholdFigure.REGISTERED, onFile, identificationYear);
        yearBound(out, HouseholdFigure.EXITED, status == HouseholdStatus.EXITED, exitYear);
        yearBound(out, HouseholdFigure.RETURNED, returnCount > 0, lastReturnYear);
        yearBound(out, HouseholdFigure.REMOVED, status == HouseholdStatus.REMOVED, removedYear);
        if (status == HouseholdStatus.REGISTERED) {
            out.add(new Contribution(HouseholdFigure.REMAINING, ALL_YEARS, 1, memberCount));
        }
        if (monitored && status != HouseholdStatus.REMOVED) {
            out.add(new Contribution(HouseholdFigure.MONITORED, ALL_YEARS, 1, memberCount));
        }
        return out;
    }

    private void yearBound(List<Contribution> out, HouseholdFigure figure, boolean counts, Integer year) {
        if (counts) {
            out.add(new Contribution(figure, ALL_YEARS, 1, memberCount));
            if (year != null && year != ALL_YEARS) {
                out.add(new Contribution(figure, year, 1, memberCount));
            }
        }
    }

    /** Whether the household's members count for data quality (数据比对): every status but REMOVED. */
    public boolean holdsMembers() {
        return status != HouseholdStatus.REMOVED;
    }
}
