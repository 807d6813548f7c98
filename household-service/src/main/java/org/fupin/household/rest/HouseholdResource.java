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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.domain.HouseholdState;
import org.fupin.household.domain.HouseholdType;
import org.fupin.household.domain.PovertyCause;
import org.fupin.household.domain.HouseholdFilter;
import org.fupin.household.service.HouseholdDetails;
import org.fupin.household.service.HouseholdService;
import org.fupin.household.service.LifecycleService;
import org.fupin.household.service.MonitoringService;
import org.fupin.platform.http.ETags;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.problem.Params;
import org.fupin.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "households", description = "Registry of poor households (建档立卡): workflow, members, dynamic management")
@SecurityRequirement(name = "SecurityScheme")
public class HouseholdResource {

    @Inject
    HouseholdService households;
    @Inject
    LifecycleService lifecycle;
    @Inject
    MonitoringService monitoring;
    @Context
    UriInfo uri;

    private Response created(HouseholdDetails d) {
        HouseholdView h = HouseholdView.of(d);
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/households/{id}").build(h.id()))
                .tag(ETags.of(h.version())).entity(h).build();
    }

    private static Response ok(HouseholdDetails d) {
        HouseholdView h = HouseholdView.of(d);
        return Response.ok(h).tag(ETags.of(h.version())).build();
    }

    @POST
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    @Operation(summary = "Apply (农户申请) or nominate (村推荐) a household: it enters the registration workflow")
    public Response apply(@Valid @NotNull HouseholdRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return created(households.apply(request.toData(), idempotencyKey));
    }

    @POST
    @Path("registered")
    @RolesAllowed(Roles.HOUSEHOLD_IMPORTER)
    @Operation(summary = "Import one household already registered in a provincial system")
    public Response importRegistered(@Valid @NotNull ImportRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return created(households.importRegistered(request.household().toData(), request.identificationYear(), idempotencyKey));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.HOUSEHOLD_VIEWER, Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_TOWNSHIP_REVIEWER, Roles.HOUSEHOLD_COUNTY_APPROVER})
    public Response get(@PathParam("id") UUID id) {
        return ok(households.get(id));
    }

    @GET
    @Path("by-code/{code}")
    @RolesAllowed({Roles.HOUSEHOLD_VIEWER, Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_TOWNSHIP_REVIEWER, Roles.HOUSEHOLD_COUNTY_APPROVER})
    public Response getByCode(@PathParam("code") String code) {
        return ok(households.getByCode(code));
    }

    @GET
    @RolesAllowed({Roles.HOUSEHOLD_VIEWER, Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_TOWNSHIP_REVIEWER, Roles.HOUSEHOLD_COUNTY_APPROVER})
    @Operation(summary = "List households inside a region prefix, with filters; withoutCadre=true lists those with no responsible cadre")
    public Page<HouseholdSummary> list(@QueryParam("region") String region,
                                       @QueryParam("state") String state,
                                       @QueryParam("type") String type,
                                       @QueryParam("cause") String cause,
                                       @QueryParam("identificationYear") Integer identificationYear,
                                       @QueryParam("exitYear") Integer exitYear,
                                       @QueryParam("monitored") Boolean monitored,
                                       @QueryParam("withoutCadre") Boolean withoutCadre,
                                       @QueryParam("sort") String sort,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        PovertyCause poverty = Params.enumOrNull(PovertyCause.class, cause, "cause");
        return Page.of(households.list(new HouseholdFilter(region, Params.enumOrNull(HouseholdState.class, state, "state"),
                Params.enumOrNull(HouseholdType.class, type, "type"), poverty == null ? null : poverty.name(),
                identificationYear, exitYear, monitored, withoutCadre), sort, page, size), HouseholdSummary::of);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    @Operation(summary = "Replace the registry data (members, income, type, causes); needs If-Match")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull HouseholdRequest request, @HeaderParam("If-Match") String ifMatch) {
        return ok(households.update(id, request.toData(), ifMatch));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.HOUSEHOLD_VIEWER, Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_TOWNSHIP_REVIEWER, Roles.HOUSEHOLD_COUNTY_APPROVER})
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return households.history(id).stream().map(HistoryEntry::of).toList();
    }

    @POST
    @Path("{id}/steps")
    @RolesAllowed({Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_TOWNSHIP_REVIEWER, Roles.HOUSEHOLD_COUNTY_APPROVER})
    @Operation(summary = "Take a registration step (入户调查, 民主评议, 公示, 审核, 公告, 异议); each step needs its role")
    public Response step(@PathParam("id") UUID id, @Valid @NotNull StepRequest request, @HeaderParam("If-Match") String ifMatch) {
        return ok(lifecycle.takeStep(id, request.toCommand(), ifMatch));
    }

    @POST
    @Path("{id}/exit")
    @RolesAllowed(Roles.HOUSEHOLD_COUNTY_APPROVER)
    @Operation(summary = "脱贫: 422 listing the unmet conditions when income or 两不愁三保障 fall short")
    public Response exit(@PathParam("id") UUID id, @Valid @NotNull LifecycleRequests.Exit request, @HeaderParam("If-Match") String ifMatch) {
        return ok(lifecycle.exit(id, request.toCommand(), ifMatch));
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed(Roles.HOUSEHOLD_COUNTY_APPROVER)
    @Operation(summary = "返贫: an exited household falls back")
    public Response returnToPoverty(@PathParam("id") UUID id, @Valid @NotNull LifecycleRequests.Return request,
                                    @HeaderParam("If-Match") String ifMatch) {
        return ok(lifecycle.returnToPoverty(id, request.toCommand(), ifMatch));
    }

    @POST
    @Path("{id}/removal")
    @RolesAllowed(Roles.HOUSEHOLD_COUNTY_APPROVER)
    @Operation(summary = "剔除: a wrongly registered household (错评), with the reason; nothing is deleted")
    public Response remove(@PathParam("id") UUID id, @Valid @NotNull LifecycleRequests.Removal request,
                           @HeaderParam("If-Match") String ifMatch) {
        return ok(lifecycle.remove(id, request.toCommand(), ifMatch));
    }

    @POST
    @Path("{id}/hardships")
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    @Operation(summary = "Record a hardship (illness, disaster, …); starts monitoring (防返贫监测)")
    public Response hardship(@PathParam("id") UUID id, @Valid @NotNull LifecycleRequests.Hardship request,
                             @HeaderParam("If-Match") String ifMatch) {
        return ok(monitoring.recordHardship(id, request.toCommand(), ifMatch));
    }

    @POST
    @Path("{id}/monitoring/end")
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    @Operation(summary = "End monitoring after the configured stable period, with a reason")
    public Response endMonitoring(@PathParam("id") UUID id, @Valid @NotNull LifecycleRequests.EndMonitoring request,
                                  @HeaderParam("If-Match") String ifMatch) {
        return ok(monitoring.end(id, request.toCommand(), ifMatch));
    }

    @PUT
    @Path("{id}/cadre")
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    @Operation(summary = "Assign the responsible cadre (帮扶责任人)")
    public Response cadre(@PathParam("id") UUID id, @Valid @NotNull LifecycleRequests.Cadre request, @HeaderParam("If-Match") String ifMatch) {
        return ok(lifecycle.assignCadre(id, request.toCommand(), ifMatch));
    }

    @GET
    @Path("{id}/assistance")
    @RolesAllowed({Roles.HOUSEHOLD_VIEWER, Roles.HOUSEHOLD_CLERK})
    public AssistanceView assistance(@PathParam("id") UUID id) {
        return AssistanceView.of(lifecycle.assistance(id));
    }

    @POST
    @Path("{id}/assistance/measures")
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    public Response addMeasure(@PathParam("id") UUID id, @Valid @NotNull LifecycleRequests.Measure request) {
        return Response.status(201).entity(AssistanceView.MeasureView.of(lifecycle.addMeasure(id, request.toCommand()))).build();
    }

    @POST
    @Path("{id}/assistance/visits")
    @RolesAllowed(Roles.HOUSEHOLD_CLERK)
    @Operation(summary = "Log a visit (民情日记)")
    public Response addVisit(@PathParam("id") UUID id, @Valid @NotNull LifecycleRequests.Visit request) {
        return Response.status(201).entity(AssistanceView.VisitView.of(lifecycle.addVisit(id, request.toCommand()))).build();
    }
}
