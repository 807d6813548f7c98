package org.fupin.rectification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.security.Roles;
import org.fupin.rectification.service.IssueViews;
import org.fupin.rectification.service.SourceService;

import java.util.UUID;

@Path("/api/v1/finding-sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "finding-sources", description = "Sources of findings (问题来源): inspection, assessment, audit, supervision, self-check documents")
@SecurityRequirement(name = "SecurityScheme")
public class FindingSourceResource {


    @Inject
    SourceService sources;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Roles.RECTIFICATION_INSPECTOR)
    @Operation(summary = "Enter a source document (type inspection, assessment, audit, supervision or self-check; issuing body, document number, date, the inspected region); the same body and number twice is 409")
    public Response create(@NotNull IssueRequests.NewSource request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        IssueViews.SourceView s = sources.create(request.toCommand(), idempotencyKey);
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/finding-sources/{id}").build(s.id())).entity(s).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_UNIT})
    public IssueViews.SourceView get(@PathParam("id") UUID id) {
        return sources.get(id);
    }

    @GET
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_UNIT})
    @Operation(summary = "Sources of regions inside the caller's and of regions containing it, newest document first")
    public Page<IssueViews.SourceView> list(@QueryParam("type") String type,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Page.of(sources.list(type == null || type.isBlank() ? null : type.trim(), page, size));
    }
}
