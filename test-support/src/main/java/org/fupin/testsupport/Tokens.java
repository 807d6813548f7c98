package org.fupin.testsupport;

import java.util.Set;

/** Real RS256 bearer tokens from the test JVM's OIDC issuer, verified by the services like any production token. */
public final class Tokens {
    private Tokens() {
    }

    public static String token(String subject, String region, String... roles) {
        return SuiteInfrastructure.issuer().token(subject, Set.of(roles), region);
    }

    /** A token with a {@code unit} claim (a rectification responsible unit's). */
    public static String tokenWithUnit(String subject, String region, String unit, String... roles) {
        return SuiteInfrastructure.issuer().token(subject, Set.of(roles), region, unit, java.time.Duration.ofHours(1));
    }

    /** The Authorization header value of {@link #tokenWithUnit}. */
    public static String bearerWithUnit(String subject, String region, String unit, String... roles) {
        return "Bearer " + tokenWithUnit(subject, region, unit, roles);
    }

    /** The Authorization header value. */
    public static String bearer(String subject, String region, String... roles) {
        return "Bearer " + token(subject, region, roles);
    }
}
