package org.fupin.rectification.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The caller as the rules see it: a name for the ledger and history ({@code who}), what kinds of actor the roles make
 * it, and for a unit its unit code (the token's {@code unit} claim; null otherwise). Region scope is checked by the
 * platform's {@code RegionScope} before the domain is asked.
 */
public record Actor(String name, Set<ActorKind> kinds, String unit) {

    /** The name the system-check run records in ledgers and history. */
    public static final String SYSTEM_NAME = "system-check";

    public Actor {
        Objects.requireNonNull(name, "name");
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        unit = unit == null || unit.isBlank() ? null : unit.trim();
    }

    public static Actor inspector(String name) {
        return new Actor(name, Set.of(ActorKind.INSPECTOR), null);
    }

    public static Actor unit(String name, String unit) {
        return new Actor(name, Set.of(ActorKind.UNIT), unit);
    }

    public static Actor viewer(String name) {
        return new Actor(name, Set.of(ActorKind.VIEWER), null);
    }

    public static Actor system() {
        return new Actor(SYSTEM_NAME, Set.of(ActorKind.SYSTEM), null);
    }

    public boolean is(ActorKind kind) {
        return kinds.contains(kind);
    }
}
