package org.fupin.testsupport;

import java.util.Set;

/** Real RS256 bearer tokens from the test JVM's OIDC issuer, verified by the services like any production token. */
public final class Tokens {
    private Tokens() {
    }

    public static String token(String subject, String region, String... roles) {
        return SuiteInfrastructure.issuer().token(subject, Set.of(roles), region);
    }

    /** The Authorization header value. */
    public static String bearer(String subject, String region, String... roles) {
        return "Bearer " + token(subject, region, roles);
    }
}
