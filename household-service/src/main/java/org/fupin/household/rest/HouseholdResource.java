package org.fupin.household.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.service.HouseholdService;
import org.fupin.platform.http.ETags;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "households", description = "Registry of poor households (建档立卡)")
@SecurityRequirement(name = "SecurityScheme")
public class HouseholdResource {

    @Inject
    HouseholdService service;

    @POST
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    public Response register(@Valid @NotNull RegisterHouseholdRequest request,
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey, @jakarta.ws.rs.core.Context UriInfo uri) {
        HouseholdView created = service.register(request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(ETags.of(created.version())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.HOUSEHOLD_VIEWER, Roles.HOUSEHOLD_CLERK})
    public Response get(@PathParam("id") UUID id) {
        HouseholdView h = service.get(id);
        return Response.ok(h).tag(ETags.of(h.version())).build();
    }

    @GET
    @RolesAllowed({Roles.HOUSEHOLD_VIEWER, Roles.HOUSEHOLD_CLERK})
    public Page<HouseholdView> list(@QueryParam("region") String region,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(region, page, size);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    public Response update(@PathParam("id") UUID id, @Valid @NotNull UpdateHouseholdRequest request,
                           @HeaderParam("If-Match") String ifMatch) {
        HouseholdView h = service.update(id, request, ifMatch);
        return Response.ok(h).tag(ETags.of(h.version())).build();
    }
}
