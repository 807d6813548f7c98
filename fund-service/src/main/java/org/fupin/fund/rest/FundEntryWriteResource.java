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
import org.fupin.fund.service.AdjustmentView;
import org.fupin.fund.service.EntryView;
import org.fupin.fund.service.FundService;
import org.fupin.platform.idempotency.Idempotency;
import org.fupin.platform.security.Roles;

import java.util.UUID;

/**
 * The movements of money after allocation: 拨付, 报账, 红字冲销, 资金调整, 结余资金收回. Clerks record disbursements and
 * reimbursements; approvers also reverse, adjust and recall. Every POST requires an Idempotency-Key (a retried
 * disbursement pays once) and answers 201 with the entry (Location: its fund-entries resource).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "funds")
@SecurityRequirement(name = "SecurityScheme")
public class FundEntryWriteResource {

    @Inject
    FundService funds;
    @Context
    UriInfo uri;

    private Response created(EntryView e) {
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/fund-entries/{id}").build(e.id())).entity(e).build();
    }

    @POST
    @Path("disbursements")
    @RolesAllowed({Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "拨付 to the project's implementing unit; disbursed ≤ allocated (422 exceeds-allocation)")
    public Response disburse(@NotNull FundRequests.Disbursement request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return created(funds.disburse(request.toCommand(), IdempotencyKeys.required(idempotencyKey)));
    }

    @POST
    @Path("reimbursements")
    @RolesAllowed({Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "报账: a settled voucher, number unique per county (409); reimbursed ≤ disbursed (422 exceeds-disbursement)")
    public Response reimburse(@NotNull FundRequests.Reimbursement request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return created(funds.reimburse(request.toCommand(), IdempotencyKeys.required(idempotencyKey)));
    }

    @POST
    @Path("reimbursements/{entryId}/reversal")
    @RolesAllowed(Roles.FUND_APPROVER)
    @Operation(summary = "红字冲销 of a voucher by a new REVERSAL entry (its whole amount, once, with a reason)")
    public Response reverse(@PathParam("entryId") UUID entryId, @NotNull FundRequests.Reversal request,
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return created(funds.reverse(entryId, request.toCommand(), IdempotencyKeys.required(idempotencyKey)));
    }

    @POST
    @Path("fund-adjustments")
    @RolesAllowed(Roles.FUND_APPROVER)
    @Operation(summary = "资金调整: allocated, not disbursed money of one source from one project to another of the same county")
    public Response adjust(@NotNull FundRequests.Adjustment request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        AdjustmentView a = funds.adjust(request.toCommand(), IdempotencyKeys.required(idempotencyKey));
        return Response.created(uri.getBaseUriBuilder().path("/api/v1/fund-entries/{id}").build(a.entries().get(0).id()))
                .entity(a).build();
    }

    @POST
    @Path("recalls")
    @RolesAllowed(Roles.FUND_APPROVER)
    @Operation(summary = "结余资金收回 of a completed, accepted or cancelled project (the whole balance when no amount is given)")
    public Response recall(@NotNull FundRequests.Recall request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return created(funds.recall(request.toCommand(), IdempotencyKeys.required(idempotencyKey)));
    }
}
