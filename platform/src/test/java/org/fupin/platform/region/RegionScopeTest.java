package org.fupin.platform.region;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fupin.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The region claim fails closed: only an explicit national value is national access. */
class RegionScopeTest {

    static RegionScope scopeWithClaim(Object region) {
        Map<String, Object> claims = new HashMap<>();
        if (region != null) {
            claims.put(RegionScope.CLAIM, region);
        }
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "caller";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        RegionScope scope = new RegionScope();
        scope.identity = QuarkusSecurityIdentity.builder().setPrincipal(jwt).build();
        return scope;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\"\"", "0000", "000000", "5", "52a", "5200000000001"})
    void aBlankOrMalformedClaimIsForbiddenOnEveryScopedAction(String claim) {
        RegionScope scope = scopeWithClaim(claim);
        assertEquals(403, assertThrows(ApiProblem.class, () -> scope.requireWritable("522428103201", "regionCode")).status());
        assertEquals(403, assertThrows(ApiProblem.class, () -> scope.covers("522428103201")).status());
        assertEquals(403, assertThrows(ApiProblem.class, () -> scope.queryPrefix(null, "region")).status());
        assertEquals(403, assertThrows(ApiProblem.class, () -> scope.requireReadable("522428103201", "Household", "x")).status());
    }

    @Test
    void aMissingClaimIsForbidden() {
        assertEquals(403, assertThrows(ApiProblem.class, () -> scopeWithClaim(null).prefix()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "000000000000"})
    void onlyAnExplicitNationalValueIsNational(String claim) {
        RegionScope scope = scopeWithClaim(claim);
        assertEquals("", scope.prefix());
        assertTrue(scope.covers("532428103201"));
    }

    @Test
    void aRegionalClaimIsItsPrefix() {
        assertEquals("5224", scopeWithClaim("5224").prefix());
        assertEquals("52", scopeWithClaim("520000000000").prefix());
        assertEquals(403, assertThrows(ApiProblem.class, () -> scopeWithClaim("5224").requireWritable("532428103201", "regionCode")).status());
    }

    @Test
    void aJobCarriesTheCheckedPrefixOfItsStarter() {
        RegionScope scope = new RegionScope();
        scope.identity = QuarkusSecurityIdentity.builder().setPrincipal(() -> "job").addAttribute(RegionScope.ATTRIBUTE, "").build();
        assertEquals("", scope.prefix()); // a national caller's job stays national
    }
}
