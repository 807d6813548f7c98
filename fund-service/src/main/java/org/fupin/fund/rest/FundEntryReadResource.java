package org.fupin.fund.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.fund.service.FundQueryResults;
import org.fupin.fund.service.FundQueryService;
import org.fupin.platform.security.Roles;

/** Ledger entries (资金台账明细) across projects, inside the caller's region. */
@Path("/api/v1/fund-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fund ledger", description = "Fund ledger reads (资金台账): a project's money per source, documents and their use, entries")
@SecurityRequirement(name = "SecurityScheme")
public class FundEntryReadResource {

    @Inject
    FundQueryService service;

    /**
     * @param region     a region code or prefix inside the caller's region (default the caller's): the project's region
     * @param year       the project's year (项目年度)
     * @param kind       ALLOCATION, ADJUSTMENT_OUT, ADJUSTMENT_IN, DISBURSEMENT, REIMBURSEMENT, REVERSAL or RECALL
     * @param from       first business date (yyyy-MM-dd)
     * @param to         last business date (yyyy-MM-dd)
     */
    @GET
    @RolesAllowed({Roles.FUND_VIEWER, Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "List ledger entries inside a region prefix, by project year, source, project, document, kind and business date range; newest first; page from 0, size 1-500 (50)")
    public FundPageView<FundQueryResults.Entry> list(@QueryParam("region") String region,
                                                     @QueryParam("year") String year,
                                                     @QueryParam("source") String source,
                                                     @QueryParam("projectId") String projectId,
                                                     @QueryParam("documentId") String documentId,
                                                     @QueryParam("kind") String kind,
                                                     @QueryParam("from") String from,
                                                     @QueryParam("to") String to,
                                                     @QueryParam("page") String page,
                                                     @QueryParam("size") String size) {
        return FundPageView.of(service.entries(region, year, source, projectId, documentId, kind, from, to, page, size));
    }
}
