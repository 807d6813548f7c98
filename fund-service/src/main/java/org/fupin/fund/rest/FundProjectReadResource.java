package org.fupin.fund.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.fund.service.FundQueryResults;
import org.fupin.fund.service.FundQueryService;
import org.fupin.platform.security.Roles;

import java.util.UUID;

/** A project's fund ledger (项目资金台账). A project outside the caller's region does not exist (404). */
@Path("/api/v1/fund-projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fund ledger", description = "Fund ledger reads (资金台账): a project's money per source, documents and their use, entries")
@SecurityRequirement(name = "SecurityScheme")
public class FundProjectReadResource {

    @Inject
    FundQueryService service;

    /**
     * @param asOf yyyy-MM-dd: the figures and entries as they stood at the end of that day by business date (document,
     *             payment order, voucher, reversal date); everything recorded when absent
     */
    @GET
    @Path("{projectId}")
    @RolesAllowed({Roles.FUND_VIEWER, Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "A project's fund ledger: per source budget, allocated, disbursed, reimbursed, balance (结余), undisbursed, unreimbursed, overrun, 拨付率 and 资金使用率, the total, and every entry with its document; optionally as of the end of a day")
    public FundQueryResults.ProjectLedger get(@PathParam("projectId") UUID projectId, @QueryParam("asOf") String asOf) {
        return service.project(projectId, asOf);
    }
}
