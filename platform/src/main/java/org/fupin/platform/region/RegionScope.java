package org.fupin.platform.region;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fupin.platform.problem.ApiProblem;

/**
 * The caller's region, from the token's {@code region} claim (a 12-digit code or a prefix). Every read and write of a
 * regional record goes through here: a write outside the prefix is 403; a read outside it is 404, so a caller cannot
 * even learn that the record exists.
 */
@RequestScoped
public class RegionScope {

    public static final String CLAIM = "region";
    /** Identity attribute holding the region for work done on a caller's behalf outside a request (import jobs). */
    public static final String ATTRIBUTE = "fupin.region";
    /** The claim values that mean the whole country (全国). */
    public static final String NATIONAL = "00";
    public static final String NATIONAL_CODE = "000000000000";

    @Inject
    SecurityIdentity identity;

    private String prefix;

    /** The caller's region prefix ({@code ""} for the whole country). */
    public String prefix() {
        if (prefix == null) {
            // a background job carries the prefix of the caller who started it, already checked, as an identity attribute
            Object attribute = identity.getAttribute(ATTRIBUTE);
            if (attribute != null) {
                String value = attribute.toString();
                if (!RegionCode.isValidPrefix(value)) {
                    throw ApiProblem.forbidden("The job carries no valid region prefix.");
                }
                prefix = RegionCode.prefixOf(value);
            } else {
                Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(CLAIM) : null;
                prefix = prefixOfClaim(claim == null ? null : claim.toString().replace("\"", ""));
            }
        }
        return prefix;
    }

    /**
     * The prefix a token's region claim grants. Fails closed: a missing, blank or malformed claim grants nothing (403);
     * only an explicit {@value #NATIONAL} or {@value #NATIONAL_CODE} grants the whole country, so a token minted without
     * a region by mistake never becomes national access.
     */
    static String prefixOfClaim(String value) {
        if (value == null || value.isBlank() || !RegionCode.isValidPrefix(value)) {
            throw ApiProblem.forbidden("The access token carries no valid '" + CLAIM + "' claim (region code or prefix; "
                    + NATIONAL + " for the whole country).");
        }
        String p = RegionCode.prefixOf(value);
        if (p.isEmpty() && !value.equals(NATIONAL) && !value.equals(NATIONAL_CODE)) {
            throw ApiProblem.forbidden("The access token's '" + CLAIM + "' claim " + value + " is not a region; national access is "
                    + NATIONAL + " or " + NATIONAL_CODE + ".");
        }
        return p;
    }

    public boolean covers(String regionCode) {
        return regionCode != null && regionCode.startsWith(prefix());
    }

    /** For creating or changing a record in the region: 403 outside the caller's prefix. */
    public void requireWritable(String regionCode, String field) {
        if (!covers(regionCode)) {
            throw ApiProblem.forbidden("Region " + regionCode + " is outside your region " + display(prefix()) + ".")
                    .withField(field);
        }
    }

    /** For reading an existing record: outside the caller's prefix it does not exist (404). */
    public void requireReadable(String regionCode, String entity, Object id) {
        if (!covers(regionCode)) {
            throw ApiProblem.notFound(entity, id);
        }
    }

    /**
     * The prefix a query runs on: the requested one when it lies inside the caller's region, the caller's own when none is
     * requested; 403 when the request reaches outside.
     */
    public String queryPrefix(String requested, String field) {
        if (requested == null || requested.isBlank()) {
            return prefix();
        }
        if (!RegionCode.isValidPrefix(requested)) {
            throw ApiProblem.validation(field, "must be a region code or prefix of 2, 4, 6, 9 or 12 digits");
        }
        String p = RegionCode.prefixOf(requested);
        if (!p.startsWith(prefix())) {
            throw ApiProblem.forbidden("Region " + requested + " is outside your region " + display(prefix()) + ".").withField(field);
        }
        return p;
    }

    private static String display(String prefix) {
        return prefix.isEmpty() ? "(national)" : prefix;
    }
}
