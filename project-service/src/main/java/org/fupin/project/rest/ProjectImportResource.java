package org.fupin.project.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.imports.ImportJobs;
import org.fupin.platform.security.Roles;
import org.fupin.project.service.ProjectImportKind;
import org.fupin.project.service.ProjectImportTable;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk import of a project library (项目库) on the platform's import machinery, like the household import: a job with
 * progress and per-row errors; the same batch again is the same job; rows run as the submitter.
 */
@Path("/api/v1/project-imports")
@Tag(name = "project imports", description = "Bulk import of a project library (xlsx template, CSV, NDJSON)")
@SecurityRequirement(name = "SecurityScheme")
public class ProjectImportResource {

    @Inject
    ImportJobs imports;
    @Inject
    ProjectImportKind projects;
    @Context
    UriInfo uri;

    /** A job's progress: processed = accepted + rejected, out of total. */
    public record JobView(UUID id, String state, String format, int total, long processed, long accepted, long rejected,
                          String submittedBy, java.time.OffsetDateTime createdAt, java.time.OffsetDateTime finishedAt) {
    }

    /** Why a row was rejected: its number in the batch (line, or sheet row), the field, what is wrong. */
    public record RowErrorView(int row, String field, String message) {
    }

    @POST
    @Consumes({ImportFormat.NDJSON_TYPE, ImportFormat.CSV_TYPE, ImportFormat.XLSX_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROJECT_CLERK)
    @Operation(summary = "Submit a library: NDJSON (one POST /api/v1/projects body per line, plus stage, stageDates, approvalDocument,"
            + " acceptanceDocument, cancellationReason, progress, beneficiaryCodes), or CSV / xlsx with the template's columns,"
            + " one project per row. 202 with the job; the same batch again returns the same job. At most fupin.import.max-body-size"
            + " (413) and fupin.import.max-jobs-per-caller jobs queued or running per caller (429 with Retry-After).")
    public Response submit(@Context HttpHeaders headers, InputStream body) {
        ImportFormat format = ImportFormat.ofMediaType(headers.getMediaType() == null ? null : headers.getMediaType().toString());
        var accepted = imports.submit(projects, format, body);
        return Response.accepted(Map.of("jobId", accepted.jobId(), "alreadySubmitted", accepted.alreadyKnown()))
                .location(uri.getBaseUriBuilder().path("/api/v1/project-imports/{id}").build(accepted.jobId())).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER, Roles.PROJECT_VIEWER})
    public JobView job(@PathParam("id") UUID id) {
        ImportJobs.JobStatus j = imports.job(projects, id);
        return new JobView(j.id(), j.state(), j.format(), j.total(), j.processed(), j.accepted(), j.rejected(), j.submittedBy(),
                j.createdAt(), j.finishedAt());
    }

    @GET
    @Path("{id}/errors")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROJECT_CLERK, Roles.PROJECT_APPROVER, Roles.PROJECT_VIEWER})
    @Operation(summary = "The rows rejected, by row number and field (never the submitted values); size at most fupin.import.max-page-size")
    public List<RowErrorView> errors(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("500") @Min(1) int size) {
        return imports.errors(projects, id, page, size).stream().map(e -> new RowErrorView(e.row(), e.field(), e.message())).toList();
    }

    @GET
    @Path("template.xlsx")
    @Produces(ImportFormat.XLSX_TYPE)
    @RolesAllowed(Roles.PROJECT_CLERK)
    @Operation(summary = "The xlsx template with the office's Chinese column headers (项目编号, 项目名称 … 资金规模 by source … 带贫户) and an example")
    public Response template() {
        StreamingOutput out = ProjectImportTable::template;
        return Response.ok(out).header("Content-Disposition", "attachment; filename=\"project-import-template.xlsx\"").build();
    }
}
