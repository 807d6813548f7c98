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
import org.fupin.reporting.service.ProjectReportService;

import java.util.List;

/**
 * Project figures (项目库): projects by stage, 开工率, 竣工率, budget by fund source, 已实施金额, investment completed,
 * 形象进度, incomplete records, beneficiary households and persons — per region prefix, year, category and batch,
 * grouped by one dimension with a total.
 * <p>
 * Choices (see also {@code db/migration/V4__project_facts.sql} and {@code ProjectFigures}):
 * <ul>
 *   <li>The figures are computed from the newest snapshot of every project (every project event carries one; an older
 *   version changes nothing) and the household facts, joined at query time: the same figures whatever the order in
 *   which household and project events arrived.</li>
 *   <li>Projects by stage count every project; every other figure counts the non-cancelled ones. A beneficiary household
 *   counts once (also across groups in the total), only when the household facts know it and it is not removed.</li>
 *   <li>Every rate has numerator and denominator (decimal strings), the percent half-up to two decimals, undefined
 *   (percent null, defined false) when the denominator is 0 — the household report's rendering.</li>
 *   <li>Aggregated in the database per request, grouped by the dimension (a handful of statements whatever the number of
 *   projects); no roll-ups.</li>
 *   <li>Region scope as the household report: the caller's region when none is asked for, 403 outside it.</li>
 * </ul>
 */
@Path("/api/v1/reports/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "project figures", description = "Project library figures by region prefix, year, category and batch, grouped by year, category, stage, batch or region")
@SecurityRequirement(name = "SecurityScheme")
public class ProjectReportResource {

    @Inject
    ProjectReportService service;
    @Inject
    FreshnessService freshness;
    @Inject
    ReportExports exports;

    /**
     * @param region   a region code or prefix inside the caller's region; the caller's own region when absent
     * @param year     a library year (yyyy); all years when absent
     * @param category a category code; all when absent
     * @param batch    a batch (批次); all when absent
     * @param groupBy  year, category, stage, batch or region (one level below {@code region}); the total only when absent
     * @param format   json, csv or xlsx; else the Accept header decides (JSON for any)
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportExports.CSV, ReportExports.XLSX})
    @APIResponse(responseCode = "200", description = "the figures; as CSV or xlsx (office layout) with Accept or ?format=",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectReportView.class)),
                    @Content(mediaType = ReportExports.CSV), @Content(mediaType = ReportExports.XLSX)})
    @RolesAllowed(Roles.REPORT_VIEWER)
    public Response figures(@QueryParam("region") String region, @QueryParam("year") String year,
                            @QueryParam("category") String category, @QueryParam("batch") String batch,
                            @QueryParam("groupBy") String groupBy, @QueryParam("format") String format,
                            @Context HttpHeaders headers) {
        ReportExports.negotiate(format, headers); // a wrong format is refused before any work
        var fresh = freshness.of(FreshnessService.Report.PROJECTS); // first: every event up to it is in the figures
        ProjectReportView v = ProjectReportView.of(service.figures(region, year, category, batch, groupBy), fresh);
        return exports.respond(format, headers, v, v.region(), null, () -> ReportTables.projects(v,
                exports.regionNames(v.region(), "region".equals(v.groupBy()) ? v.rows().stream().map(ProjectReportView.Row::group).toList() : List.of())));
    }

    /** The table's figure columns: key (the field in the JSON figures), Chinese and English header, kind. */
    @GET
    @Path("/columns")
    @RolesAllowed(Roles.REPORT_VIEWER)
    public List<ReportTable.Column> columns() {
        return ReportTables.PROJECT_COLUMNS;
    }
}
