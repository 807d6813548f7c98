package org.fupin.rectification.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fupin.platform.security.Roles;
import org.fupin.rectification.domain.Actor;
import org.fupin.rectification.domain.ActorKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * The caller as the rules see it ({@link Actor}): roles → kinds ({@code rectification-inspector} → INSPECTOR,
 * {@code rectification-unit} → UNIT, {@code rectification-viewer}/{@code -clerk} → VIEWER), the token's {@code unit}
 * claim, and the principal's name for ledgers and history.
 */
@ApplicationScoped
public class Actors {

    public static final String UNIT_CLAIM = "unit";

    @Inject
    SecurityIdentity identity;

    public Actor current() {
        Set<ActorKind> kinds = EnumSet.noneOf(ActorKind.class);
        if (identity.hasRole(Roles.RECTIFICATION_INSPECTOR)) {
            kinds.add(ActorKind.INSPECTOR);
        }
        if (identity.hasRole(Roles.RECTIFICATION_UNIT)) {
            kinds.add(ActorKind.UNIT);
        }
        if (identity.hasRole(Roles.RECTIFICATION_VIEWER) || identity.hasRole(Roles.RECTIFICATION_CLERK)) {
            kinds.add(ActorKind.VIEWER);
        }
        return new Actor(identity.getPrincipal().getName(), kinds, unitClaim());
    }

    private String unitClaim() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object claim = jwt.getClaim(UNIT_CLAIM);
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim instanceof String s ? s : null; // anything but a string is no unit (fails closed: 403 for a unit)
    }
}
