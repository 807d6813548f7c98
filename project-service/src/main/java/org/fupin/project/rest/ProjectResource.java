package org.fupin.project.rest;

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
import org.fupin.platform.http.ETags;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.problem.Params;
import org.fupin.platform.security.Roles;
import org.fupin.project.domain.FundSource;
import org.fupin.project.domain.ProjectStage;
import org.fupin.project.domain.ProjectFilter;
import org.fupin.project.service.HistoryLine;
import org.fupin.project.service.ProjectDetails;
import org.fupin.project.service.ProjectService;

import java.util.List;
import java.util.UUID;

/**
 * The project library (项目库). Every write answers the project with its ETag (the version); writes on an existing
 * project take If-Match (412 when it names another version; without it the change goes ahead) and every POST takes an
 * Idempotency-Key. Objects outside the caller's region do not exist (404); lists stay inside it.
 */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "projects", description = "Library of poverty-alleviation projects (项目库): lifecycle, budget split, progress, beneficiaries")
@SecurityRequirement(name = "SecurityScheme")
public class ProjectResource {

    static final String IF_MATCH = "If-Match";

    @Inject
    ProjectService projects;
    @Context
    UriInfo uri;

    private Response created(ProjectDetails p) {
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/projects/{id}").build(p.id()))
                .tag(ETags.of(p.version())).entity(p).build();
    }

    private static Response ok(ProjectDetails p) {
        return Response.ok(p).tag(ETags.of(p.version())).build();
    }

    @POST
    @RolesAllowed(Roles.PROJECT_CLERK)
    @Operation(summary = "Enter a project into the library (入库, stage PLANNED); the code is generated when absent, a taken code is 409")
    public Response enter(@NotNull ProjectRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return created(projects.enter(request.toCommand(), idempotencyKey));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.PROJECT_CLERK)
    @Operation(summary = "Correct or complete the record: anything while PLANNED; later code, year, category and region are fixed and budget, scope and dates change only by adjustment (422)")
    public Response update(@PathParam("id") UUID id, @NotNull ProjectRequest request, @HeaderParam(IF_MATCH) String ifMatch) {
        return ok(projects.update(id, request.toCommand(), ifMatch));
    }

    @POST
    @Path("{id}/steps")
    @RolesAllowed(Roles.PROJECT_APPROVER)
    @Operation(summary = "A lifecycle step (前期审批, 招投标, 开工, 完工, 验收); an illegal step is 409 with currentStage and allowedSteps")
    public Response step(@PathParam("id") UUID id, @NotNull ProjectRequests.Step request, @HeaderParam(IF_MATCH) String ifMatch,
                         @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return ok(projects.takeStep(id, request.toCommand(), ifMatch, idempotencyKey));
    }

    @POST
    @Path("{id}/adjustments")
    @RolesAllowed(Roles.PROJECT_APPROVER)
    @Operation(summary = "项目调整: budget split, scope or planned dates, with reason and approving document, until acceptance")
    public Response adjust(@PathParam("id") UUID id, @NotNull ProjectRequests.Adjustment request,
                           @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return ok(projects.adjust(id, request.toCommand(), ifMatch, idempotencyKey));
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed(Roles.PROJECT_APPROVER)
    @Operation(summary = "终止: cancel before completion, with a reason; nothing is deleted")
    public Response cancel(@PathParam("id") UUID id, @NotNull ProjectRequests.Cancellation request,
                           @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return ok(projects.cancel(id, request.toCommand(), ifMatch, idempotencyKey));
    }

    @POST
    @Path("{id}/progress")
    @RolesAllowed(Roles.PROJECT_CLERK)
    @Operation(summary = "进度: physical progress and investment completed to date, from construction start on; lower figures need a correctionReason")
    public Response progress(@PathParam("id") UUID id, @NotNull ProjectRequests.ProgressReport request,
                             @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return ok(projects.reportProgress(id, request.toCommand(), ifMatch, idempotencyKey));
    }

    @PUT
    @Path("{id}/beneficiaries")
    @RolesAllowed(Roles.PROJECT_CLERK)
    @Operation(summary = "带贫户: replace the linked households by code; 422 naming each code that is not a registered or exited household of the project's county")
    public Response beneficiaries(@PathParam("id") UUID id, @NotNull ProjectRequests.Beneficiaries request,
                                  @HeaderParam(IF_MATCH) String ifMatch) {
        return ok(projects.replaceBeneficiaries(id, request.toCommand(), ifMatch));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PROJECT_VIEWER, Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER})
    public Response get(@PathParam("id") UUID id) {
        return ok(projects.get(id));
    }

    @GET
    @Path("by-code/{code}")
    @RolesAllowed({Roles.PROJECT_VIEWER, Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER})
    public Response getByCode(@PathParam("code") String code) {
        return ok(projects.getByCode(code));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.PROJECT_VIEWER, Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER})
    @Operation(summary = "Every change: who, when, effective date, stage before and after, each field before and after")
    public List<HistoryLine> history(@PathParam("id") UUID id) {
        return projects.history(id);
    }

    @GET
    @RolesAllowed({Roles.PROJECT_VIEWER, Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER})
    @Operation(summary = "List projects inside a region prefix (default: the caller's), with filters; sort by projectCode, name, projectYear, regionCode, category, stage, stageDate, budgetTotal, createdAt, updatedAt ('-' for descending)")
    public Page<ProjectDetails.Summary> list(@QueryParam("region") String region,
                                             @QueryParam("year") Integer year,
                                             @QueryParam("category") String category,
                                             @QueryParam("stage") String stage,
                                             @QueryParam("fundSource") String fundSource,
                                             @QueryParam("batch") String batch,
                                             @QueryParam("unit") String unit,
                                             @QueryParam("incomplete") Boolean incomplete,
                                             @QueryParam("cancelled") Boolean cancelled,
                                             @QueryParam("sort") String sort,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        FundSource source = null;
        if (fundSource != null && !fundSource.isBlank()) {
            source = FundSource.ofCode(fundSource.trim()).orElseThrow(() -> ApiProblem.validation("fundSource",
                    "unknown fund source; one of " + java.util.Arrays.stream(FundSource.values()).map(FundSource::code).toList()));
        }
        return Page.of(projects.list(new ProjectFilter(region, year, blank(category), Params.enumOrNull(ProjectStage.class, stage, "stage"),
                source, blank(batch), blank(unit), incomplete, cancelled), sort, page, size));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
