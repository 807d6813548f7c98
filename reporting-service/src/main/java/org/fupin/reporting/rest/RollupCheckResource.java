package org.fupin.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.service.RollupCheckService;

/**
 * The roll-up check: the household figures' and data-quality counters of every prefix inside the region, recomputed
 * from the facts and compared. Scoped like every read: the caller's region (or a prefix inside it, {@code region});
 * a national administrator ({@code 00}) checks everything, the national counters included.
 */
@Path("/api/v1/admin/rollups/check")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "roll-ups", description = "Consistency of the pre-aggregated report counters with the facts")
@SecurityRequirement(name = "SecurityScheme")
public class RollupCheckResource {

    @Inject
    RollupCheckService service;

    /** @param region a region code or prefix inside the caller's region; the caller's own region when absent */
    @GET
    @RolesAllowed(Roles.REPORT_ADMIN)
    public RollupCheckResult check(@QueryParam("region") String region) {
        return RollupCheckResult.of(service.check(region));
    }
}
