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
import org.fupin.reporting.service.HouseholdReportService;

import java.util.List;

/**
 * Household figures per region prefix and year.
 * <p>
 * Choices (see also {@code db/migration/V2__household_figures.sql}):
 * <ul>
 *   <li>A household counts from its registration ({@code household.registered.v1}); statuses are REGISTERED (poor now),
 *   EXITED and REMOVED. A return (返贫) makes it REGISTERED again and keeps its exit year as history. Events of a
 *   household not registered here are ignored; an event older than the stored version is ignored, one of the same
 *   version is applied (household-service emits the events of one change under one version).</li>
 *   <li>registered = REGISTERED or EXITED (removed households were wrongly registered and drop out of the count),
 *   by identification year; exited = EXITED now, by exit year (a household that exited and returned is not counted as
 *   exited); returned = returned at least once, by the year of its latest return; removed = REMOVED, by the year of
 *   removal in China time. remaining (REGISTERED) and monitored (not REMOVED) are always "as of now", whatever the year.
 *   Persons are the households' current member counts.</li>
 *   <li>Poverty incidence = remaining persons ÷ the region's registered population, a platform {@code Rate} (numerator,
 *   denominator, percent half-up to two decimals, undefined when the denominator is 0). The population is the figure
 *   loaded for the region itself, else the sum of the top-most figures loaded inside it; with none loaded the
 *   denominator is 0 (undefined) and {@code population} is null. The incidence uses remaining persons as of now, also
 *   when a year is asked for.</li>
 *   <li>{@code mayLeavePoorCountyList} only for a county (6-digit prefix) with a defined incidence: the incidence as
 *   shown (two decimals) is below the threshold of the county's province ({@code fupin.reporting.poor-county.*}:
 *   2.00%, 3.00% in the western provinces).</li>
 *   <li>{@code dataQuality.personsInSeveralHouseholds}: pseudonymous person ids in more than one non-removed household
 *   inside the prefix (exited households included: their members are still on file).</li>
 *   <li>Every figure is read from the roll-ups (V3: counters per prefix, figure and year, kept in the projection's
 *   transaction): a handful of rows by primary key, whatever the region's size.</li>
 * </ul>
 */
@Path("/api/v1/reports/households")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "household figures", description = "Registered, exited, returned, removed, remaining and monitored households and persons, poverty incidence, by region prefix and year")
@SecurityRequirement(name = "SecurityScheme")
public class HouseholdReportResource {

    @Inject
    HouseholdReportService service;
    @Inject
    FreshnessService freshness;
    @Inject
    ReportExports exports;

    /**
     * @param region a region code or prefix inside the caller's region; the caller's own region when absent
     * @param year   a year (yyyy) for the year-bound figures; all years when absent
     * @param groupBy region (a row per region one level below with households) or year (a row per year); none when absent
     * @param format json, csv or xlsx; else the Accept header decides (JSON for any)
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportExports.CSV, ReportExports.XLSX})
    @APIResponse(responseCode = "200", description = "the figures; as CSV or xlsx (office layout) with Accept or ?format=",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdFigures.class)),
                    @Content(mediaType = ReportExports.CSV), @Content(mediaType = ReportExports.XLSX)})
    @RolesAllowed(Roles.REPORT_VIEWER)
    public Response figures(@QueryParam("region") String region, @QueryParam("year") String year,
                            @QueryParam("groupBy") String groupBy, @QueryParam("format") String format,
                            @Context HttpHeaders headers) {
        ReportExports.negotiate(format, headers); // a wrong format is refused before any work
        var fresh = freshness.of(FreshnessService.Report.HOUSEHOLDS); // first: every event up to it is in the figures
        HouseholdFigures v = HouseholdFigures.of(service.figures(region, year, groupBy), fresh);
        return exports.respond(format, headers, v, v.region(), null, () -> ReportTables.households(v,
                exports.regionNames(v.region(), "region".equals(v.groupBy()) ? v.rows().stream().map(HouseholdFigures.Row::group).toList() : List.of())));
    }

    /** The table's figure columns: key (the field in the JSON figures), Chinese and English header, kind. */
    @GET
    @Path("/columns")
    @RolesAllowed(Roles.REPORT_VIEWER)
    public List<ReportTable.Column> columns() {
        return ReportTables.HOUSEHOLD_COLUMNS;
    }
}
