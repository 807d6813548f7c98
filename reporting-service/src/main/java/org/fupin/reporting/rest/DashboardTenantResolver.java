package org.fupin.reporting.rest;

import io.quarkus.oidc.TenantResolver;
import io.quarkus.oidc.runtime.OidcUtils;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses the OIDC tenant of a request: the dashboard's web-app tenant {@value #WEB} (authorization code + PKCE, session
 * cookie) for the dashboard's pages and for the dashboard's own API calls, the default bearer tenant for everything else.
 * <p>
 * An API call uses {@value #WEB} only when it carries the web session cookie, no {@code Authorization} header, and is a
 * read (GET/HEAD): the SPA only reads, and a cookie never authorizes a change (no cross-site request forgery of a write,
 * whatever the browser's SameSite handling). A bearer token always wins, so API clients see no change.
 * <p>
 * Everything else is named the default tenant explicitly, never left unresolved: Quarkus would otherwise take the tenant
 * from a session cookie's name ({@code q_session_web}), and the cookie would authenticate writes and override bearer
 * tokens.
 */
@ApplicationScoped
public class DashboardTenantResolver implements TenantResolver {

    /** The tenant's name ({@code quarkus.oidc.web.*}). */
    public static final String WEB = "web";
    /** Quarkus names the tenant's session cookie {@code q_session_<tenant>} (chunked as {@code …_chunk_N} when large). */
    static final String SESSION_COOKIE = "q_session_" + WEB;

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.equals("/dashboard") || path.startsWith("/dashboard/")) {
            return WEB;
        }
        HttpServerRequest request = context.request();
        if (path.startsWith("/api/") && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) && hasSession(request)) {
            return WEB;
        }
        return OidcUtils.DEFAULT_TENANT_ID; // bearer tokens
    }

    private static boolean hasSession(HttpServerRequest request) {
        for (Cookie c : request.cookies()) {
            if (c.getName().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
