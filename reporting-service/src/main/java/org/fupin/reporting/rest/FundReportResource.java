package org.fupin.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.fupin.reporting.domain.ReportTable;
import org.fupin.reporting.service.FreshnessService;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.service.FundReportService;

import java.util.List;

/**
 * Fund figures (资金): allocated, disbursed, reimbursed, 拨付率, 资金使用率, 报账率 (reimbursed ÷ the budget of the projects
 * under construction or further) and the reimbursement rate of the budget, per region prefix, project year, category,
 * fund source and batch, now or as of the end of a day, grouped by one dimension with a total. Grouped by year it is the
 * table a county publishes for its library: per project year the projects, their budget, the implemented projects and
 * amount, the reimbursed amount and 报账率, and the total row.
 * <p>
 * Choices (see also {@code db/migration/V5__fund_facts.sql}, {@code FundFigures} and docs/fund-ledger.md choices 10, 11):
 * <ul>
 *   <li>A function of the set of ledger entries (each entry id once) and the set of project versions: the same figures
 *   whatever the order in which fund and project events arrived. Money of a project not known (yet, or on that day)
 *   counts under its event's region and in group {@code unknown}, and not under a year, category or batch filter.</li>
 *   <li>As of a day: the entries dated on or before it, each project in its newest version valid on it (a stage counts
 *   from its stage date).</li>
 *   <li>Projects and budgets count non-cancelled projects; money moved for a cancelled project still counts.</li>
 *   <li>Region scope as the project report: the caller's region when none is asked for, 403 outside it.</li>
 * </ul>
 */
@Path("/api/v1/reports/funds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fund figures", description = "Fund figures by region prefix, year, category, source and batch, now or as of a day, grouped by year, category, source, batch or region")
@SecurityRequirement(name = "SecurityScheme")
public class FundReportResource {

    @Inject
    FundReportService service;
    @Inject
    FreshnessService freshness;
    @Inject
    ReportExports exports;

    /**
     * @param region   a region code or prefix inside the caller's region; the caller's own region when absent
     * @param year     a project year (yyyy); all years when absent
     * @param category a category code; all when absent
     * @param source   a fund-source code (central-budget, bank-loans, …); all when absent
     * @param batch    a batch (批次); all when absent
     * @param asOf     YYYY-MM-DD: the figures at the end of that day; now when absent
     * @param groupBy  year, category, source, batch or region (one level below {@code region}); the total only when absent
     * @param format   json, csv or xlsx; else the Accept header decides (JSON for any)
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportExports.CSV, ReportExports.XLSX})
    @APIResponse(responseCode = "200", description = "the figures; as CSV or xlsx (office layout) with Accept or ?format=",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundReportView.class)),
                    @Content(mediaType = ReportExports.CSV), @Content(mediaType = ReportExports.XLSX)})
    @RolesAllowed(Roles.REPORT_VIEWER)
    public Response figures(@QueryParam("region") String region, @QueryParam("year") String year,
                            @QueryParam("category") String category, @QueryParam("source") String source,
                            @QueryParam("batch") String batch, @QueryParam("asOf") String asOf,
                            @QueryParam("groupBy") String groupBy, @QueryParam("format") String format,
                            @Context HttpHeaders headers) {
        ReportExports.negotiate(format, headers); // a wrong format is refused before any work
        var fresh = freshness.of(FreshnessService.Report.FUNDS); // first: every event up to it is in the figures
        FundReportView v = FundReportView.of(service.figures(region, year, category, source, batch, asOf, groupBy), fresh);
        return exports.respond(format, headers, v, v.region(), v.asOf(), () -> ReportTables.funds(v,
                exports.regionNames(v.region(), "region".equals(v.groupBy()) ? v.rows().stream().map(FundReportView.Row::group).toList() : List.of())));
    }

    /** The table's figure columns: key (the field in the JSON figures), Chinese and English header, kind. */
    @GET
    @Path("/columns")
    @RolesAllowed(Roles.REPORT_VIEWER)
    public List<ReportTable.Column> columns() {
        return ReportTables.FUND_COLUMNS;
    }
}
