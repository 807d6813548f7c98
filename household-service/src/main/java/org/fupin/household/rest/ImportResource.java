package org.fupin.household.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.service.ImportHouseholdKind;
import org.fupin.household.service.ImportParser;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.imports.ImportJobs;
import org.fupin.platform.security.Roles;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/household-imports")
@Tag(name = "household imports", description = "Bulk import of registered households by provincial systems")
@SecurityRequirement(name = "SecurityScheme")
public class ImportResource {

    public static final String XLSX = ImportFormat.XLSX_TYPE;

    @Inject
    ImportJobs imports;
    @Inject
    ImportHouseholdKind households;
    @Context
    UriInfo uri;

    @POST
    @Consumes({"application/x-ndjson", "text/csv", XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HOUSEHOLD_IMPORTER)
    @Operation(summary = "Submit a batch (NDJSON: one ImportRequest per line; CSV or xlsx: the template's columns, one row per member)."
            + " 202 with the job; the same batch again returns the same job. At most fupin.household.import.max-body-size (413),"
            + " and fupin.import.max-jobs-per-caller jobs queued or running per caller (429 with Retry-After).")
    public Response submit(@Context jakarta.ws.rs.core.HttpHeaders headers, InputStream body) {
        ImportFormat format = ImportFormat.ofMediaType(headers.getMediaType() == null ? null : headers.getMediaType().toString());
        var accepted = imports.submit(households, format, body);
        return Response.accepted(Map.of("jobId", accepted.jobId(), "alreadySubmitted", accepted.alreadyKnown()))
                .location(uri.getBaseUriBuilder().path("/api/v1/household-imports/{id}").build(accepted.jobId())).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOUSEHOLD_IMPORTER, Roles.HOUSEHOLD_VIEWER})
    public ImportJobView job(@PathParam("id") UUID id) {
        ImportJobs.JobStatus j = imports.job(households, id);
        return new ImportJobView(j.id(), j.state(), j.format(), j.total(), j.processed(), j.accepted(), j.rejected(), j.submittedBy(),
                j.createdAt(), j.finishedAt());
    }

    @GET
    @Path("{id}/errors")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HOUSEHOLD_IMPORTER, Roles.HOUSEHOLD_VIEWER})
    @Operation(summary = "The rows rejected, by row number and field (never the submitted values); size at most"
            + " fupin.import.max-page-size (1000). Kept for fupin.import.error-retention after the job.")
    public List<ImportRowError> errors(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("500") @Min(1) int size) {
        return imports.errors(households, id, page, size).stream().map(e -> new ImportRowError(e.row(), e.field(), e.message())).toList();
    }

    @GET
    @Path("template.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.HOUSEHOLD_IMPORTER, Roles.HOUSEHOLD_CLERK})
    @Operation(summary = "The xlsx template laid out like the registration form (column keys, Chinese labels, an example)")
    public Response template() {
        StreamingOutput out = ImportParser::template;
        return Response.ok(out).header("Content-Disposition", "attachment; filename=\"household-import-template.xlsx\"").build();
    }
}
