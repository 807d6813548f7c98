package org.fupin.rectification.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Object-level access to an issue, after the platform's region check: inspectors and viewers see every issue of their
 * region; a unit (role {@code rectification-unit}) sees only the issues it is responsible for — as lead or co-unit —
 * and any other issue is 404, exactly as one outside the region (existence is not revealed). A unit token without a
 * {@code unit} claim fails closed (403). Evidence files follow the issue: whoever may read the issue may read its
 * evidence, nobody else.
 */
public final class IssueAccess {
    private IssueAccess() {
    }

    private static final Set<ActorKind> READERS = EnumSet.of(ActorKind.INSPECTOR, ActorKind.VIEWER, ActorKind.SYSTEM);

    /** Whether the actor may see the issue at all (list filter and object check). */
    public static boolean canRead(Actor actor, IssueUnits units) {
        for (ActorKind k : actor.kinds()) {
            if (READERS.contains(k)) {
                return true;
            }
        }
        return actor.is(ActorKind.UNIT) && actor.unit() != null && units.isResponsible(actor.unit());
    }

    /**
     * @throws Refusal 403 for a caller with no rectification role or a unit token without a unit claim; 404 for a unit
     *                 that is not responsible for the issue
     */
    public static void requireRead(Actor actor, IssueUnits units) {
        if (actor.kinds().isEmpty()) {
            throw Refusal.forbidden("Reading rectification issues needs a rectification role.");
        }
        if (actor.kinds().equals(Set.of(ActorKind.UNIT)) && actor.unit() == null) {
            throw Refusal.forbidden("A rectification-unit token must carry a unit claim.");
        }
        if (!canRead(actor, units)) {
            throw Refusal.notFound("Issue");
        }
    }

    /** Evidence is served exactly to those who may read its issue. */
    public static void requireEvidenceRead(Actor actor, IssueUnits units) {
        requireRead(actor, units);
    }

    /**
     * Whether the actor may take the step on the issue: first whether it may see it (404 otherwise), then the kind of
     * actor the step needs (403), and for {@link Workflow#LEAD_UNIT_ONLY} steps that the unit is the lead unit (403).
     */
    public static void requireStep(Actor actor, IssueUnits units, IssueStep step) {
        requireRead(actor, units);
        ActorKind needed = Workflow.actorOf(step);
        if (!actor.is(needed)) {
            throw Refusal.forbidden("Step " + step + " is taken by " + describe(needed) + ".").with("step", step);
        }
        if (needed == ActorKind.UNIT) {
            if (actor.unit() == null) {
                throw Refusal.forbidden("A rectification-unit token must carry a unit claim.");
            }
            if (!units.isResponsible(actor.unit())) {
                throw Refusal.notFound("Issue");
            }
            if (Workflow.LEAD_UNIT_ONLY.contains(step) && !units.leadUnit().equals(actor.unit())) {
                throw Refusal.forbidden("Step " + step + " is taken by the lead unit (" + units.leadUnit()
                        + "); a co-unit records progress.").with("step", step);
            }
        }
    }

    /** Raising an issue by hand: inspectors only. */
    public static void requireRaise(Actor actor) {
        if (!actor.is(ActorKind.INSPECTOR)) {
            throw Refusal.forbidden("Issues are raised by a rectification-inspector.");
        }
    }

    private static String describe(ActorKind kind) {
        return switch (kind) {
            case INSPECTOR -> "a rectification-inspector";
            case UNIT -> "a responsible unit (rectification-unit)";
            case VIEWER -> "a viewer";
            case SYSTEM -> "the system-check run only";
        };
    }
}
