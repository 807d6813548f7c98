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

/**
 * Allocation documents (资金下达文件), read side; the writes share the path in their own resource. A document is seen by
 * callers whose region covers its receiving county; elsewhere it does not exist (404).
 */
@Path("/api/v1/allocation-documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fund ledger", description = "Fund ledger reads (资金台账): a project's money per source, documents and their use, entries")
@SecurityRequirement(name = "SecurityScheme")
public class AllocationDocumentReadResource {

    @Inject
    FundQueryService service;

    /** @param asOf yyyy-MM-dd: lines and use as they stood at the end of that day; everything recorded when absent */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FUND_VIEWER, Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "A document with its lines (资金安排到项目) and their use: per project what the document gave and the project's account of the source (allocated, disbursed, reimbursed); optionally as of the end of a day")
    public FundQueryResults.Document get(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return service.document(id, asOf);
    }

    /**
     * @param region a region code or prefix inside the caller's region (default the caller's): documents received by
     *               counties under it
     * @param number part of the document number (case-insensitive)
     * @param from   first document date (yyyy-MM-dd)
     * @param to     last document date (yyyy-MM-dd)
     */
    @GET
    @RolesAllowed({Roles.FUND_VIEWER, Roles.FUND_CLERK, Roles.FUND_APPROVER})
    @Operation(summary = "List allocation documents inside a region prefix, by year, source, number and date range; newest first; page from 0, size 1-500 (50)")
    public FundPageView<FundQueryResults.DocumentSummary> list(@QueryParam("region") String region,
                                                              @QueryParam("year") String year,
                                                              @QueryParam("source") String source,
                                                              @QueryParam("number") String number,
                                                              @QueryParam("from") String from,
                                                              @QueryParam("to") String to,
                                                              @QueryParam("page") String page,
                                                              @QueryParam("size") String size) {
        return FundPageView.of(service.documents(region, year, source, number, from, to, page, size));
    }
}
