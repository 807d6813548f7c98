package org.fupin.rectification.domain;

/**
 * Who acts, as the workflow sees it. The service maps the token's roles: {@code rectification-inspector} → INSPECTOR,
 * {@code rectification-unit} (with a {@code unit} claim) → UNIT, {@code rectification-viewer} and the older
 * {@code rectification-clerk} → VIEWER; the scheduled system-check run → SYSTEM.
 */
public enum ActorKind {
    INSPECTOR,
    UNIT,
    VIEWER,
    SYSTEM
}
