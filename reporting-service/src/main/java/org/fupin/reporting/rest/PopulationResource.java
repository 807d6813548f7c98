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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Inject
    ReportExports exports;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_ADMIN)
    public PopulationLoadResult load(List<PopulationFigureInput> figures) {
        return new PopulationLoadResult(service.load(figures == null ? null
                : figures.stream().map(f -> f == null ? null : f.toRow()).toList()));
    }

    /**
     * @param region a region code or prefix inside the caller's region; the caller's own region when absent
     * @param format json, csv or xlsx; else the Accept header decides (JSON for any)
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportExports.CSV, ReportExports.XLSX})
    @APIResponse(responseCode = "200", description = "the figures; as CSV or xlsx (office layout) with Accept or ?format=",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PopulationFigures.class)),
                    @Content(mediaType = ReportExports.CSV), @Content(mediaType = ReportExports.XLSX)})
    @RolesAllowed({Roles.REPORT_VIEWER, Roles.REPORT_ADMIN})
    public Response list(@QueryParam("region") String region, @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportExports.negotiate(format, headers); // a wrong format is refused before any work
        PopulationFigures v = PopulationFigures.of(service.list(region));
        return exports.respond(format, headers, v, v.region(), null, () -> ReportTables.population(v,
                exports.regionNames(v.region(), v.figures().stream().map(PopulationFigureView::prefix).toList())));
    }
}
