package org.fupin.reporting.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.region.RegionScope;

import java.util.List;

/**
 * Who is signed in, for the dashboard: the user, the region prefix the figures start from (the top of the breadcrumb) and
 * the roles. Any signed-in caller may ask; a token without a valid region claim is 403 as everywhere.
 */
@Path("/api/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "The signed-in user, region and roles (the dashboard's starting point)")
@SecurityRequirement(name = "SecurityScheme")
public class SessionResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    RegionScope regionScope;

    /**
     * @param user   the user name
     * @param region the caller's region prefix ({@code ""} = national)
     * @param roles  the caller's roles, sorted
     */
    public record SessionView(String user, String region, List<String> roles) {
    }

    @GET
    @Authenticated
    public SessionView session() {
        return new SessionView(identity.getPrincipal().getName(), regionScope.prefix(),
                identity.getRoles().stream().sorted().toList());
    }
}
