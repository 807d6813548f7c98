package org.fupin.fund.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.fund.service.DocumentView;
import org.fupin.fund.service.FundService;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.security.Roles;

import java.util.UUID;

/**
 * 资金下达文件 and their lines (资金安排到项目). Writes only; the reads are in {@code AllocationDocumentReadResource}.
 * Every POST requires an Idempotency-Key.
 */
@Path("/api/v1/allocation-documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "funds")
@SecurityRequirement(name = "SecurityScheme")
public class AllocationDocumentResource {

    @Inject
    FundService funds;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "Record an allocation document (资金下达文件) with its first lines, all or none; lines ≤ amount, each project within its budget")
    public Response record(@NotNull FundRequests.Document request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        DocumentView d = funds.recordDocument(request.toCommand(), IdempotencyKeys.required(idempotencyKey));
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/allocation-documents/{id}").build(d.id())).entity(d).build();
    }

    @POST
    @Path("{id}/lines")
    @RolesAllowed({Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "Spread more of the document over projects (资金安排到项目), all lines or none")
    public Response lines(@PathParam("id") UUID id, @NotNull FundRequests.Lines request,
                          @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        DocumentView d = funds.addLines(id, request.toCommand(), IdempotencyKeys.required(idempotencyKey));
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/allocation-documents/{id}").build(d.id())).entity(d).build();
    }
}
