package org.fupin.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.domain.RegionNameBatch;
import org.fupin.reporting.service.RegionNameService;

import java.util.List;

/**
 * Region names (区划名称) for the dashboard's drill-down and the export title rows.
 * <p>
 * A load ({@code PUT /api/v1/admin/region-names}, report-admin) is a JSON array of {@code {code, name}}; {@code code}
 * is a 12-digit code or a prefix of 2, 4, 6, 9 or 12 digits and names the region it denotes ({@code 5224} =
 * {@code 522400000000}); a name replaces the earlier one. The batch is one transaction: a wrong field (400, named
 * {@code [i].field}) or any code outside the caller's region (403 naming every such code, {@code [i].code}) stores
 * nothing. Each stored name is written to the audit log.
 * <p>
 * {@code GET /api/v1/region-names?parent=CODE} lists the regions one level below {@code parent} (the caller's own
 * region when absent) that have a name or data (households, projects, fund money, population figures), by code, with
 * {@code name: null} where none is loaded; {@code ?code=A&code=B} gives those regions themselves. Both inside the
 * caller's region only (403 outside).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "region names", description = "Names of regions (区划名称), loaded in bulk; the children of a region with their names")
@SecurityRequirement(name = "SecurityScheme")
public class RegionNameResource {

    @Inject
    RegionNameService service;

    /** @param code a 12-digit region code or a prefix of 2, 4, 6, 9 or 12 digits; @param name the region's name */
    public record NameInput(String code, String name) {
    }

    /** @param loaded names inserted or replaced */
    public record LoadResult(int loaded) {
    }

    /**
     * @param code   the 12-digit zero-padded code
     * @param prefix its prefix, as the reports' {@code region} parameter and region groups use it
     * @param name   null when none is loaded
     * @param level  province, city, county, township or village ({@code national} for the country)
     */
    public record RegionNameView(String code, String prefix, String name, String level) {
    }

    @PUT
    @Path("/admin/region-names")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_ADMIN)
    public LoadResult load(List<NameInput> names) {
        return new LoadResult(service.load(names == null ? null
                : names.stream().map(n -> n == null ? null : new RegionNameBatch.Candidate(n.code(), n.name())).toList()));
    }

    /**
     * @param parent a region code or prefix inside the caller's region; the caller's own region when absent
     * @param codes  instead of {@code parent}: the regions to name
     */
    @GET
    @Path("/region-names")
    @RolesAllowed({Roles.REPORT_VIEWER, Roles.REPORT_ADMIN})
    public List<RegionNameView> names(@QueryParam("parent") String parent, @QueryParam("code") List<String> codes) {
        boolean byCode = codes != null && !codes.isEmpty();
        if (byCode && parent != null) {
            throw ApiProblem.validation("code", "give either parent or code, not both");
        }
        var regions = byCode ? service.of(codes) : service.children(parent);
        return regions.stream().map(r -> new RegionNameView(r.code(), r.prefix(), r.name(), r.level())).toList();
    }
}
