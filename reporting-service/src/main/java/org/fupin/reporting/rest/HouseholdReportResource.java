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
import org.fupin.reporting.service.HouseholdReportService;

@Path("/api/v1/reports/households")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "household figures", description = "Registered households and persons by region prefix")
@SecurityRequirement(name = "SecurityScheme")
public class HouseholdReportResource {

    @Inject
    HouseholdReportService service;

    /** @param region a region code or prefix inside the caller's region; the caller's own region when absent */
    @GET
    @RolesAllowed(Roles.REPORT_VIEWER)
    public HouseholdFigures figures(@QueryParam("region") String region) {
        return service.figures(region);
    }
}
