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
import org.fupin.platform.http.ETags;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.problem.Params;
import org.fupin.platform.security.Roles;
import org.fupin.rectification.domain.IssueState;
import org.fupin.rectification.domain.IssueTerm;
import org.fupin.rectification.service.IssueCommands;
import org.fupin.rectification.service.IssueService;
import org.fupin.rectification.service.IssueViews;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The issue list and ledger (问题清单, 整改台账). Writes on an issue take If-Match (428 without, 412 stale) and an optional
 * Idempotency-Key, and answer the issue with its ETag. An issue outside the caller's region, or (for a unit) one it is
 * not responsible for, does not exist (404). An illegal step is 409 with {@code currentState} and {@code allowedSteps}.
 */
@Path("/api/v1/rectification-issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rectification-issues", description = "Issues to rectify: raise, accept, ledger with evidence, report, close (销号), return, extend")
@SecurityRequirement(name = "SecurityScheme")
public class IssueResource {

    static final String IF_MATCH = "If-Match";

    @Inject
    IssueService issues;
    @Context
    UriInfo uri;

    private static Response ok(IssueViews.IssueDetails d) {
        return Response.ok(d).tag(ETags.of(d.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECTIFICATION_INSPECTOR)
    @Operation(summary = "Raise an issue from a source: description, category, region, links, lead unit and co-units, deadline, term (SHORT/LONG_TERM with milestones), measures")
    public Response raise(@NotNull IssueRequests.Raise request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        IssueViews.IssueDetails d = issues.raise(request.toCommand(), idempotencyKey);
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/rectification-issues/{id}").build(d.id()))
                .tag(ETags.of(d.version())).entity(d).build();
    }

    @POST
    @Path("{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECTIFICATION_UNIT)
    @Operation(summary = "The lead unit accepts the issue (OPEN or RETURNED → IN_PROGRESS)")
    public Response accept(@PathParam("id") UUID id, IssueRequests.Acceptance request, @HeaderParam(IF_MATCH) String ifMatch,
                           @HeaderParam(Idempotency.HEADER) String key) {
        IssueRequests.Acceptance a = request == null ? new IssueRequests.Acceptance(null, null) : request;
        return ok(issues.accept(id, a.toCommand(), ifMatch, key));
    }

    @POST
    @Path("{id}/ledger-entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECTIFICATION_UNIT)
    @Operation(summary = "整改台账: a responsible unit records what was done (date, text, evidenceIds, milestoneNumber) while IN_PROGRESS")
    public Response ledgerEntry(@PathParam("id") UUID id, @NotNull IssueRequests.Entry request,
                                @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key) {
        return ok(issues.entry(id, request.toCommand(), false, ifMatch, key));
    }

    @POST
    @Path("{id}/ledger-entries")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.RECTIFICATION_UNIT)
    @Operation(summary = "整改台账 with evidence files in the same request: form fields date, text, milestoneNumber, evidenceIds; parts 'file' (PDF, PNG, JPEG, Office; type checked from the bytes)")
    public Response ledgerEntryWithFiles(@PathParam("id") UUID id, @RestForm String date, @RestForm String text,
                                         @RestForm String milestoneNumber, @RestForm("evidenceIds") List<String> evidenceIds,
                                         @RestForm("file") List<FileUpload> files, @HeaderParam(IF_MATCH) String ifMatch,
                                         @HeaderParam(Idempotency.HEADER) String key) {
        return ok(issues.entry(id, entry(date, text, milestoneNumber, evidenceIds, files), false, ifMatch, key));
    }

    @POST
    @Path("{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECTIFICATION_UNIT)
    @Operation(summary = "The lead unit reports the issue rectified (IN_PROGRESS → REPORTED) with a ledger entry naming at least one evidence file; a long-term issue once every milestone is reached")
    public Response report(@PathParam("id") UUID id, @NotNull IssueRequests.Entry request,
                           @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key) {
        return ok(issues.entry(id, request.toCommand(), true, ifMatch, key));
    }

    @POST
    @Path("{id}/report")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.RECTIFICATION_UNIT)
    @Operation(summary = "The report with its evidence files in the same request (form fields date, text, evidenceIds; parts 'file')")
    public Response reportWithFiles(@PathParam("id") UUID id, @RestForm String date, @RestForm String text,
                                    @RestForm("evidenceIds") List<String> evidenceIds, @RestForm("file") List<FileUpload> files,
                                    @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key) {
        return ok(issues.entry(id, entry(date, text, null, evidenceIds, files), true, ifMatch, key));
    }

    @POST
    @Path("{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECTIFICATION_INSPECTOR)
    @Operation(summary = "销号: an inspector verifies and closes a REPORTED issue with a closing remark")
    public Response close(@PathParam("id") UUID id, @NotNull IssueRequests.Closure request,
                          @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key) {
        return ok(issues.close(id, request.toCommand(), ifMatch, key));
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECTIFICATION_INSPECTOR)
    @Operation(summary = "An inspector sends a REPORTED issue back with the reason (→ RETURNED; the lead unit accepts it again)")
    public Response returnIssue(@PathParam("id") UUID id, @NotNull IssueRequests.Return request,
                                @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key) {
        return ok(issues.returnIssue(id, request.toCommand(), ifMatch, key));
    }

    @POST
    @Path("{id}/deadline-extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECTIFICATION_INSPECTOR)
    @Operation(summary = "整改延期: a new deadline after the current one, with reason and approver, in any state but CLOSED; every extension is kept")
    public Response extend(@PathParam("id") UUID id, @NotNull IssueRequests.Extension request,
                           @HeaderParam(IF_MATCH) String ifMatch, @HeaderParam(Idempotency.HEADER) String key) {
        return ok(issues.extend(id, request.toCommand(), ifMatch, key));
    }

    @GET
    @Path("{id}/deadline-extensions")
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_UNIT})
    @Operation(summary = "The extension history: each deadline before and after, reason, approver, approval date, who recorded it")
    public Object extensions(@PathParam("id") UUID id) {
        return issues.get(id, null).extensions();
    }

    @POST
    @Path("{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.RECTIFICATION_UNIT, Roles.RECTIFICATION_INSPECTOR})
    @Operation(summary = "Upload evidence files (佐证材料; parts 'file') to name in later ledger entries or the report: size limit, SHA-256, type from the bytes")
    public Response upload(@PathParam("id") UUID id, @RestForm("file") List<FileUpload> files) {
        List<IssueViews.EvidenceView> stored = issues.upload(id, uploads(files));
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @GET
    @Path("{id}/evidence")
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_UNIT})
    public List<IssueViews.EvidenceView> evidenceList(@PathParam("id") UUID id) {
        return issues.evidenceList(id);
    }

    @GET
    @Path("{id}/evidence/{evidenceId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_UNIT})
    @Operation(summary = "An evidence file's bytes, as the type detected at upload, to those who may read the issue")
    public Response evidence(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        IssueService.EvidenceContent f = issues.evidence(id, evidenceId);
        String encoded = URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(f.bytes(), f.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(f.sha256())) + ":")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_UNIT})
    @Operation(summary = "The issue with its ledger, evidence, milestones, extensions and history; overdue, deadline in force and schedule on ?day= (default today)")
    public Response get(@PathParam("id") UUID id, @QueryParam("day") String day) {
        return ok(issues.get(id, date(day, "day")));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_UNIT})
    public Object history(@PathParam("id") UUID id) {
        return issues.get(id, null).history();
    }

    @GET
    @RolesAllowed({Roles.RECTIFICATION_VIEWER, Roles.RECTIFICATION_CLERK, Roles.RECTIFICATION_INSPECTOR, Roles.RECTIFICATION_UNIT})
    @Operation(summary = "Issues inside a region prefix (default the caller's; a unit sees its own only), filtered by source, sourceType, category, state, unit, term, overdue on ?day= (default today); newest first")
    public Page<IssueViews.IssueSummary> list(@QueryParam("region") String region,
                                              @QueryParam("source") String source,
                                              @QueryParam("sourceType") String sourceType,
                                              @QueryParam("category") String category,
                                              @QueryParam("state") String state,
                                              @QueryParam("unit") String unit,
                                              @QueryParam("term") String term,
                                              @QueryParam("overdue") Boolean overdue,
                                              @QueryParam("day") String day,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Page.of(issues.list(new IssueService.ListQuery(blank(region), blank(source), blank(sourceType),
                blank(category), Params.enumOrNull(IssueState.class, state, "state"), blank(unit),
                Params.enumOrNull(IssueTerm.class, term, "term"), overdue, date(day, "day")), page, size));
    }

    private static IssueCommands.Entry entry(String date, String text, String milestoneNumber, List<String> evidenceIds,
                                             List<FileUpload> files) {
        Integer milestone = null;
        if (milestoneNumber != null && !milestoneNumber.isBlank()) {
            try {
                milestone = Integer.valueOf(milestoneNumber.trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.validation("milestoneNumber", "must be a whole number");
            }
        }
        List<String> ids = evidenceIds == null ? List.of() : evidenceIds.stream().filter(s -> s != null && !s.isBlank()).toList();
        return new IssueCommands.Entry(date(date, "date"), text, ids, milestone, uploads(files));
    }

    private static List<IssueCommands.Upload> uploads(List<FileUpload> files) {
        return files == null ? List.of() : files.stream().map(f -> new IssueCommands.Upload(f.fileName(), f.uploadedFile())).toList();
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
