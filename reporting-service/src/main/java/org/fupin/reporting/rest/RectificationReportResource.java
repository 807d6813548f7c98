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
import org.fupin.reporting.service.RectificationReportService;

import java.util.List;

/**
 * Rectification figures (整改统计): issues raised, open, in progress, reported, closed (销号), returned, returned at least
 * once, overdue, long-term open, closed on time, closure rate (closed ÷ raised) and on-time closure rate (closed on time ÷
 * closed), per region prefix, year (of the source document), source type, source, category and lead unit, as of the end
 * of a day, grouped by one dimension with a total.
 * <p>
 * Choices (see also {@code db/migration/V6__rectification_facts.sql}, {@code RectificationFigures} and
 * docs/rectification.md):
 * <ul>
 *   <li>A function of the set of issue event versions: the same figures whatever the order in which the events arrived
 *   or how often.</li>
 *   <li>As of a day (default today, China time): issues raised after it are not counted; the state and the deadline on
 *   it are those of the newest step dated on or before it (business dates of the events).</li>
 *   <li>{@code unit} and the unit groups are the lead unit (牵头单位): every issue counts once.</li>
 *   <li>Region scope as the other reports: the caller's region when none is asked for, 403 outside it.</li>
 * </ul>
 */
@Path("/api/v1/reports/rectification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rectification figures", description = "Rectification figures by region prefix, year, source type, source, category and unit, as of a day, grouped by source, sourceType, category, unit, region or year")
@SecurityRequirement(name = "SecurityScheme")
public class RectificationReportResource {

    @Inject
    RectificationReportService service;
    @Inject
    FreshnessService freshness;
    @Inject
    ReportExports exports;

    /**
     * @param region     a region code or prefix inside the caller's region; the caller's own region when absent
     * @param year       the year of the source document (yyyy); all years when absent
     * @param sourceType inspection, assessment, audit, supervision, self-check or system-check; all when absent
     * @param source     a source id; all when absent
     * @param category   a category code; all when absent
     * @param unit       a lead unit; all when absent
     * @param asOf       YYYY-MM-DD: the figures at the end of that day; today (China) when absent
     * @param groupBy    source, sourceType, category, unit, region (one level below {@code region}) or year; the total
     *                   only when absent
     * @param format     json, csv or xlsx; else the Accept header decides (JSON for any)
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportExports.CSV, ReportExports.XLSX})
    @APIResponse(responseCode = "200", description = "the figures; as CSV or xlsx (office layout) with Accept or ?format=",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RectificationReportView.class)),
                    @Content(mediaType = ReportExports.CSV), @Content(mediaType = ReportExports.XLSX)})
    @RolesAllowed(Roles.REPORT_VIEWER)
    public Response figures(@QueryParam("region") String region, @QueryParam("year") String year,
                            @QueryParam("sourceType") String sourceType, @QueryParam("source") String source,
                            @QueryParam("category") String category, @QueryParam("unit") String unit,
                            @QueryParam("asOf") String asOf, @QueryParam("groupBy") String groupBy,
                            @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportExports.negotiate(format, headers); // a wrong format is refused before any work
        var fresh = freshness.of(FreshnessService.Report.RECTIFICATION); // first: every event up to it is in the figures
        RectificationReportView v = RectificationReportView.of(
                service.figures(region, year, sourceType, source, category, unit, asOf, groupBy), fresh);
        return exports.respond(format, headers, v, v.region(), v.asOf(), () -> ReportTables.rectification(v,
                exports.regionNames(v.region(), "region".equals(v.groupBy()) ? v.rows().stream().map(RectificationReportView.Row::group).toList() : List.of())));
    }

    /** The table's figure columns: key (the field in the JSON figures), Chinese and English header, kind. */
    @GET
    @Path("/columns")
    @RolesAllowed(Roles.REPORT_VIEWER)
    public List<ReportTable.Column> columns() {
        return ReportTables.RECTIFICATION_COLUMNS;
    }
}
