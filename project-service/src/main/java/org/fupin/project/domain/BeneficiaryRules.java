package org.fupin.project.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 带贫户: the households a project benefits. A household may be newly linked only when it is registered or exited
 * (REGISTERED, EXITED) and lives inside the project's county; otherwise 422 naming each offending code. A household
 * that is already linked stays linked whatever happens to it later (a removal, 剔除, does not unlink it): it is
 * {@linkplain #flags flagged} instead, so the office can decide.
 */
public final class BeneficiaryRules {
    private BeneficiaryRules() {
    }

    /** Why a household code cannot be linked. */
    public enum Offence {
        /** Unknown, or outside the project's county (not told apart: the answer must not reveal other regions). */
        NOT_IN_COUNTY,
        /** Inside the county but not in the registry proper (still in the registration workflow, or removed). */
        NOT_REGISTERED
    }

    public record Offending(String householdCode, Offence offence) {
    }

    /** Why a linked household is flagged. */
    public enum FlagReason {
        /** Removed from the registry (剔除) after it was linked. */
        REMOVED,
        /** No longer in the registry proper for another reason (e.g. back in the workflow). */
        NOT_IN_REGISTRY,
        /** Not (yet) in the replica. */
        UNKNOWN
    }

    public record Flag(String householdId, String householdCode, FlagReason reason) {
    }

    /**
     * The households the codes name, in the order given, duplicates dropped.
     *
     * @param replicaByCode  the replica, by household code (households the codes name; others may be absent)
     * @param countyPrefix   the 6-digit county of the project
     * @param alreadyLinked  ids of the households linked now: they stay eligible whatever their state
     * @throws Refusal 422 {@code beneficiaries-not-eligible} with one error per offending code
     *                 ({@code householdCodes[i]}), and the list in the detail {@code offending}
     */
    public static List<ReplicaHousehold> resolve(List<String> householdCodes, Map<String, ReplicaHousehold> replicaByCode,
                                                 String countyPrefix, Set<String> alreadyLinked) {
        List<ReplicaHousehold> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Offending> offending = new ArrayList<>();
        List<Refusal.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < householdCodes.size(); i++) {
            String code = householdCodes.get(i);
            if (code == null || !seen.add(code)) {
                continue;
            }
            ReplicaHousehold h = replicaByCode.get(code);
            Offence offence = null;
            if (h == null || h.regionCode() == null || countyPrefix == null || !h.regionCode().startsWith(countyPrefix)) {
                offence = Offence.NOT_IN_COUNTY;
            } else if (!h.isInRegistry() && !alreadyLinked.contains(h.id())) {
                offence = Offence.NOT_REGISTERED;
            }
            if (offence != null) {
                offending.add(new Offending(code, offence));
                errors.add(new Refusal.FieldError("householdCodes[" + i + "]", offence == Offence.NOT_IN_COUNTY
                        ? code + " is not a household of county " + countyPrefix
                        : code + " is not a registered or exited household"));
            } else {
                found.add(h);
            }
        }
        if (!offending.isEmpty()) {
            throw Refusal.unprocessable("beneficiaries-not-eligible", "Households not eligible",
                    "A beneficiary must be a registered or exited household inside the project's county " + countyPrefix
                            + "; not eligible: " + offending.stream().map(Offending::householdCode).toList() + ".", errors)
                    .with("offending", offending);
        }
        return found;
    }

    /** The linked households to look at: removed or otherwise out of the registry, or unknown to the replica. */
    public static List<Flag> flags(List<String> linkedIds, Map<String, ReplicaHousehold> replicaById) {
        List<Flag> flags = new ArrayList<>();
        for (String id : linkedIds) {
            ReplicaHousehold h = replicaById.get(id);
            if (h == null) {
                flags.add(new Flag(id, null, FlagReason.UNKNOWN));
            } else if ("REMOVED".equals(h.state())) {
                flags.add(new Flag(id, h.householdCode(), FlagReason.REMOVED));
            } else if (!h.isInRegistry()) {
                flags.add(new Flag(id, h.householdCode(), FlagReason.NOT_IN_REGISTRY));
            }
        }
        return flags;
    }
}
