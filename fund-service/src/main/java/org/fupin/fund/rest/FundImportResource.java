package org.fupin.fund.rest;

import io.quarkus.security.identity.SecurityIdentity;
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
import org.fupin.fund.service.FundImportKind;
import org.fupin.fund.service.FundImportTable;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.imports.ImportJobs;
import org.fupin.platform.imports.ImportKind;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.security.Roles;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk import of historical fund ledgers (历史台账) on the platform's import machinery: a job with progress and per-row
 * errors; the same batch again from the same caller is the same job; rows run as the submitter (region and role) through
 * the ledger's domain with the API's invariants, in row order. A clerk's reversal rows are refused one by one (a reversal
 * needs {@code fund-approver}); an approver's batch may hold every kind.
 */
@Path("/api/v1/fund-imports")
@Tag(name = "fund imports", description = "Bulk import of historical fund ledgers (xlsx template, CSV, NDJSON)")
@SecurityRequirement(name = "SecurityScheme")
public class FundImportResource {

    @Inject
    ImportJobs imports;
    @Inject
    FundImportKind.Clerk clerkRows;
    @Inject
    FundImportKind.Approved approvedRows;
    @Inject
    SecurityIdentity identity;
    @Context
    UriInfo uri;

    /** A job's progress: processed = accepted + rejected, out of total. */
    public record JobView(UUID id, String state, String format, int total, long processed, long accepted, long rejected,
                          String submittedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    }

    /** Why a row was rejected: its number in the batch (line, or sheet row), the field, what is wrong. */
    public record RowErrorView(int row, String field, String message) {
    }

    @POST
    @Consumes({ImportFormat.NDJSON_TYPE, ImportFormat.CSV_TYPE, ImportFormat.XLSX_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "Submit a ledger: NDJSON (one line per ledger line: kind allocation | disbursement | reimbursement |"
            + " reversal, projectId or projectCode, and the fields of that API command: source, amount, date, documentNumber,"
            + " documentAmount, year, issuingRegion, receivingCounty, paymentOrderNumber, voucherNumber, expenseKind, reason), or"
            + " CSV / xlsx with the template's columns. Rows are applied in row order; an allocation creates its document on"
            + " first sight of its number, county and source. 202 with the job; the same batch again returns the same job.")
    public Response submit(@Context HttpHeaders headers, InputStream body) {
        ImportFormat format = ImportFormat.ofMediaType(headers.getMediaType() == null ? null : headers.getMediaType().toString());
        ImportKind<?> kind = identity.hasRole(Roles.FUND_APPROVER) ? approvedRows : clerkRows;
        var accepted = imports.submit(kind, format, body);
        return Response.accepted(Map.of("jobId", accepted.jobId(), "alreadySubmitted", accepted.alreadyKnown()))
                .location(uri.getBaseUriBuilder().path("/api/v1/fund-imports/{id}").build(accepted.jobId())).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_CLERK, Roles.FUND_APPROVER, Roles.FUND_VIEWER})
    public JobView job(@PathParam("id") UUID id) {
        ImportJobs.JobStatus j = status(id);
        return new JobView(j.id(), j.state(), j.format(), j.total(), j.processed(), j.accepted(), j.rejected(), j.submittedBy(),
                j.createdAt(), j.finishedAt());
    }

    @GET
    @Path("{id}/errors")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_CLERK, Roles.FUND_APPROVER, Roles.FUND_VIEWER})
    @Operation(summary = "The rows rejected, by row number and field (never the submitted values); size at most fupin.import.max-page-size")
    public List<RowErrorView> errors(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("500") @Min(1) int size) {
        ImportJobs.JobStatus j = status(id);
        ImportKind<?> kind = j.kind().equals(approvedRows.name()) ? approvedRows : clerkRows;
        return imports.errors(kind, id, page, size).stream().map(e -> new RowErrorView(e.row(), e.field(), e.message())).toList();
    }

    /** The job of either kind (a clerk's or an approver's batch); 404 when neither, or outside the caller's region. */
    private ImportJobs.JobStatus status(UUID id) {
        try {
            return imports.job(clerkRows, id);
        } catch (ApiProblem p) {
            if (p.status() != 404) {
                throw p;
            }
            return imports.job(approvedRows, id);
        }
    }

    @GET
    @Path("template.xlsx")
    @Produces(ImportFormat.XLSX_TYPE)
    @RolesAllowed({Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "The xlsx template with a county finance office's Chinese column headers (业务类型, 项目编号, 资金来源, 金额（元）,"
            + " 日期, 文号, 文件金额（元）, 资金年度, 下达单位区划代码, 接收县区划代码, 拨付单号, 凭证号, 支出类别, 冲销原因) and one example of each kind")
    public Response template() {
        StreamingOutput out = FundImportTable::template;
        return Response.ok(out).header("Content-Disposition", "attachment; filename=\"fund-import-template.xlsx\"").build();
    }
}
