package org.fupin.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.service.PopulationService;

import java.util.List;

/**
 * Registered (rural) population per region (户籍人口 / 农业人口), the denominator of poverty incidence.
 * <p>
 * A load is a JSON array of {@code {regionCode, population, year?}}; {@code regionCode} may be a 12-digit code or a
 * prefix and is stored as the 12-digit zero-padded code of the region it names ({@code 5224} → {@code 522400000000}).
 * A figure replaces the earlier one of the same region. The batch is one transaction: a wrong field (400, named
 * {@code [i].field}) or a row outside the caller's region (403, {@code [i].regionCode}) stores nothing. The same region
 * twice in one batch is refused. Each stored figure is written to the audit log.
 */
@Path("/api/v1/reports/population")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "population", description = "Registered population per region, loaded in bulk, for poverty incidence")
@SecurityRequirement(name = "SecurityScheme")
public class PopulationResource {

    @Inject
    PopulationService service;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_ADMIN)
    public PopulationLoadResult load(List<PopulationFigureInput> figures) {
        return new PopulationLoadResult(service.load(figures == null ? null
                : figures.stream().map(f -> f == null ? null : f.toRow()).toList()));
    }

    /** @param region a region code or prefix inside the caller's region; the caller's own region when absent */
    @GET
    @RolesAllowed({Roles.REPORT_VIEWER, Roles.REPORT_ADMIN})
    public PopulationFigures list(@QueryParam("region") String region) {
        return PopulationFigures.of(service.list(region));
    }
}
